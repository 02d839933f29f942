package dev.geodr.servicebus.operator;

import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drives the operator in ITs: creates resources, advances the simulator clock, waits for
 * conditions.
 */
public final class OperatorHarness {

    public static final String NS = "default";

    /** Where the ITs' simulator namespaces live. */
    public static final String SUB = "11111111-1111-1111-1111-111111111111";

    public static final String RG = "geodr-it";

    public static NamespaceRef ref(String name) {
        return new NamespaceRef(SUB, RG, name);
    }

    public static String id(String name) {
        return SimulatorClient.nsId(SUB, RG, name);
    }

    /** The admin PUT body of an IT namespace: Premium in West Europe with that many entities. */
    public static String premium(int entities) {
        return "{\"location\":\"westeurope\",\"sku\":\"Premium\",\"entities\":" + entities + "}";
    }

    private final KubernetesClient client;
    private final SimulatorClient sim;

    public OperatorHarness(KubernetesClient client, SimulatorClient sim) {
        this.client = client;
        this.sim = sim;
    }

    public ServiceBusGeoPairing pairing(String name, String primary, String partner) {
        ServiceBusGeoPairing cr = new ServiceBusGeoPairing();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        ServiceBusGeoPairingSpec spec = new ServiceBusGeoPairingSpec();
        spec.setAlias(name);
        spec.setPrimaryNamespace(OperatorHarness.id(primary));
        spec.setPartnerNamespace(OperatorHarness.id(partner));
        cr.setSpec(spec);
        return cr;
    }

    public ServiceBusGeoPairing create(ServiceBusGeoPairing cr) {
        return client.resource(cr).create();
    }

    public ServiceBusGeoPairing get(String name) {
        return client.resources(ServiceBusGeoPairing.class).inNamespace(NS).withName(name).get();
    }

    public void editSpec(String name, Consumer<ServiceBusGeoPairingSpec> edit) {
        retryOnConflict(
                () ->
                        client.resources(ServiceBusGeoPairing.class)
                                .inNamespace(NS)
                                .withName(name)
                                .edit(
                                        r -> {
                                            edit.accept(r.getSpec());
                                            return r;
                                        }));
    }

    /**
     * Runs a read-modify-write again when the API server answers 409. The operator writes status
     * while a test edits the same object, so a conflict is expected now and then (as it is for any
     * real client), and the edit is simply re-read and re-applied.
     */
    public static void retryOnConflict(Runnable readModifyWrite) {
        for (int attempt = 1; ; attempt++) {
            try {
                readModifyWrite.run();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    public static Optional<Condition> condition(ServiceBusGeoPairing cr, String type) {
        if (cr == null || cr.getStatus() == null || cr.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return cr.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }

    public static boolean isTrue(ServiceBusGeoPairing cr, String type) {
        return condition(cr, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static boolean hasReason(ServiceBusGeoPairing cr, String type, String reason) {
        return condition(cr, type)
                .map(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason()))
                .orElse(false);
    }

    /**
     * Polls the resource, advancing the simulator clock a little each round, until the predicate
     * holds.
     */
    public ServiceBusGeoPairing driveUntil(
            String name, int secondsPerStep, Predicate<ServiceBusGeoPairing> done) {
        return drive(sim, Duration.ofSeconds(60), secondsPerStep, () -> get(name), done);
    }

    /**
     * Reads until {@code done} holds for a non-null answer, advancing the simulator clock by {@code
     * secondsPerStep} after every miss; any kind.
     */
    static <T> T drive(
            SimulatorClient sim,
            Duration atMost,
            int secondsPerStep,
            Supplier<T> read,
            Predicate<T> done) {
        List<T> last = new ArrayList<>();
        await().atMost(atMost)
                .pollInterval(Duration.ofMillis(400))
                .until(
                        () -> {
                            T now = read.get();
                            last.clear();
                            last.add(now);
                            if (now != null && done.test(now)) {
                                return true;
                            }
                            if (secondsPerStep > 0) {
                                sim.advance(secondsPerStep);
                            }
                            return false;
                        });
        return last.get(0);
    }

    /** Advances the simulator clock until the resource is gone (deletion waiting on Azure). */
    public void driveUntilDeleted(String name) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(400))
                .until(
                        () -> {
                            if (get(name) == null) {
                                return true;
                            }
                            sim.advance(30);
                            return false;
                        });
    }

    /**
     * Waits until the operator has read ARM under {@code namespacePart} at least {@code reads} more
     * times, i.e. it has made further passes. A test that asserts "nothing more was written" calls
     * this first, so that the assertion follows passes that could have written instead of a quiet
     * window that proves nothing.
     */
    public void awaitMoreReads(String namespacePart, int reads) {
        long target = sim.reads(namespacePart) + reads;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> sim.reads(namespacePart) >= target);
    }

    public ServiceBusGeoPairing awaitReady(String name) {
        return driveUntil(
                name,
                30,
                cr ->
                        isTrue(cr, "Ready")
                                && cr.getStatus().getObservedGeneration() != null
                                && cr.getStatus()
                                        .getObservedGeneration()
                                        .equals(cr.getMetadata().getGeneration()));
    }
}
