package dev.geodr.servicebus.operator;

import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationSpec;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.simulator.GeoClient;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Drives the ServiceBusGeoReplication kind in ITs: resources, status surgery (what a crashed
 * operator leaves behind), the simulator clock, and the call-log counts every promotion test
 * asserts.
 */
public final class ReplicationHarness {

    static final String NS = OperatorHarness.NS;

    private final KubernetesClient client;
    private final SimulatorClient sim;

    public ReplicationHarness(KubernetesClient client, SimulatorClient sim) {
        this.client = client;
        this.sim = sim;
    }

    /** westeurope primary, northeurope secondary, lag 300 s, on simulator namespace {@code ns}. */
    public static ServiceBusGeoReplication replication(String name, String ns) {
        ServiceBusGeoReplication cr = new ServiceBusGeoReplication();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        ServiceBusGeoReplicationSpec spec = new ServiceBusGeoReplicationSpec();
        spec.setNamespace(GeoClient.id(ns));
        spec.setPrimaryLocation(GeoClient.PRIMARY);
        spec.setSecondaryLocation(GeoClient.SECONDARY);
        cr.setSpec(spec);
        return cr;
    }

    public ServiceBusGeoReplication create(ServiceBusGeoReplication cr) {
        return client.resource(cr).create();
    }

    public ServiceBusGeoReplication get(String name) {
        return client.resources(ServiceBusGeoReplication.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    public void editSpec(String name, Consumer<ServiceBusGeoReplicationSpec> edit) {
        OperatorHarness.retryOnConflict(
                () ->
                        client.resources(ServiceBusGeoReplication.class)
                                .inNamespace(NS)
                                .withName(name)
                                .edit(
                                        r -> {
                                            edit.accept(r.getSpec());
                                            return r;
                                        }));
    }

    /** Rewrites status as a crashed operator would have left it. */
    void editStatus(String name, UnaryOperator<ServiceBusGeoReplicationStatus> edit) {
        OperatorHarness.retryOnConflict(
                () ->
                        client.resources(ServiceBusGeoReplication.class)
                                .inNamespace(NS)
                                .withName(name)
                                .editStatus(
                                        r -> {
                                            r.setStatus(edit.apply(r.getStatus()));
                                            return r;
                                        }));
    }

    public static Optional<Condition> condition(ServiceBusGeoReplication cr, String type) {
        if (cr == null || cr.getStatus() == null || cr.getStatus().conditions() == null) {
            return Optional.empty();
        }
        return cr.getStatus().conditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
    }

    public static boolean isTrue(ServiceBusGeoReplication cr, String type) {
        return condition(cr, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    public static boolean hasReason(ServiceBusGeoReplication cr, String type, String reason) {
        return condition(cr, type)
                .map(c -> "True".equals(c.getStatus()) && reason.equals(c.getReason()))
                .orElse(false);
    }

    /** Polls the resource, advancing the simulator clock each round, until the predicate holds. */
    public ServiceBusGeoReplication driveUntil(
            String name, int secondsPerStep, Predicate<ServiceBusGeoReplication> done) {
        return OperatorHarness.drive(
                sim, Duration.ofSeconds(90), secondsPerStep, () -> get(name), done);
    }

    public ServiceBusGeoReplication awaitReady(String name) {
        return driveUntil(
                name,
                30,
                cr ->
                        isTrue(cr, "Ready")
                                && cr.getMetadata()
                                        .getGeneration()
                                        .equals(cr.getStatus().observedGeneration()));
    }

    /** Promotion POSTs ARM accepted (202) on simulator namespace {@code ns}. */
    public long promotions(String ns) {
        return accepted(ns, "namespaceFailover");
    }

    /** Namespace PUTs ARM accepted on simulator namespace {@code ns}. */
    public long updates(String ns) {
        return accepted(ns, "createOrUpdateNamespace");
    }

    private long accepted(String ns, String operation) {
        return sim.calls("/namespaces/" + ns).stream()
                .filter(c -> c.operation().equals(operation) && c.status() / 100 == 2)
                .count();
    }

    /**
     * Waits for at least {@code reads} more reads of {@code ns}: passes that could have written.
     */
    public void awaitMoreReads(String ns, int reads) {
        long target = sim.reads("/namespaces/" + ns) + reads;
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            sim.advance(5);
                            return sim.reads("/namespaces/" + ns) >= target;
                        });
    }
}
