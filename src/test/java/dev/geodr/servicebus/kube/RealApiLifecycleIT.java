package dev.geodr.servicebus.kube;

import static dev.geodr.servicebus.operator.OperatorHarness.condition;
import static dev.geodr.servicebus.operator.OperatorHarness.hasReason;
import static dev.geodr.servicebus.operator.OperatorHarness.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FailoverOutcome;
import dev.geodr.servicebus.api.v1alpha1.FailoverPhase;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.operator.OperatorHarness;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The operator's whole lifecycle on a real kube-apiserver with server-side apply on (the patch path
 * production uses; the mock server answers it with 415), the schema and CEL enforced, and the
 * operator holding only the RBAC of deploy/. The user side applies with server-side apply too, as
 * {@code kubectl apply --server-side} or a GitOps tool would.
 */
@QuarkusTest
@TestProfile(RealApiServerProfile.class)
@RequiresKubeBinaries
class RealApiLifecycleIT extends RealApiTestBase {

    /** JOSDK's default finalizer name: {@code <plural>.<group>/finalizer}. */
    static final String FINALIZER = "servicebusgeopairings.servicebus.geodr.dev/finalizer";

    /** JOSDK's field manager for SSA patches: the controller name. */
    static final String OPERATOR_FIELD_MANAGER = "servicebusgeopairing";

    static final int ARM_LATENCY_MS = 250;

    /**
     * Remembers, in the test JVM's clock, when a watch first showed something about one resource.
     */
    static final class FirstSeen implements Watcher<ServiceBusGeoPairing>, AutoCloseable {
        final AtomicReference<Instant> finalizer = new AtomicReference<>();
        final AtomicReference<Instant> failoverIntended = new AtomicReference<>();
        Watch watch;

        @Override
        public void eventReceived(Action action, ServiceBusGeoPairing r) {
            Instant now = Instant.now();
            if (r.getMetadata().getFinalizers() != null
                    && r.getMetadata().getFinalizers().contains(FINALIZER)) {
                finalizer.compareAndSet(null, now);
            }
            if (r.getStatus() != null
                    && r.getStatus().getFailover() != null
                    && r.getStatus().getFailover().getInFlight() != null
                    && r.getStatus().getFailover().getInFlight().getPhase()
                            == FailoverPhase.Intended) {
                failoverIntended.compareAndSet(null, now);
            }
        }

        @Override
        public void onClose(WatcherException cause) {}

        @Override
        public void close() {
            if (watch != null) {
                watch.close();
            }
        }
    }

    private FirstSeen watch(String name) {
        FirstSeen seen = new FirstSeen();
        seen.watch =
                admin.resources(ServiceBusGeoPairing.class)
                        .inNamespace(NS)
                        .withName(name)
                        .watch(seen);
        return seen;
    }

    /**
     * An ARM write received by the simulator strictly after the watch showed {@code seen} (both on
     * this JVM's wall clock; the call log has millisecond resolution).
     *
     * <p>The two sides race: the watch event reaches the test a few milliseconds after the write it
     * reports, and the operator sends its next ARM call about as soon. So these phases run with the
     * simulator's latency fault ({@link #ARM_LATENCY_MS}): the simulator handles, and logs, every
     * ARM call that much later. That keeps the check sound, because the simulator logs a call
     * before it answers it, so a Kubernetes write made only after the ARM call returned would still
     * be seen after the logged time, and it gives the watch a margin of {@link #ARM_LATENCY_MS}
     * (without it, equal milliseconds were seen in a full run).
     */
    private static void assertAfter(SimulatorClient.Call write, Instant seen, String what) {
        assertThat(seen).as(what + " was observed").isNotNull();
        assertThat(write.wallTime())
                .as(
                        "%s %s (seq %d) happens after %s",
                        write.method(), write.operation(), write.seq(), what)
                .isAfter(seen.truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void pairFailOverAndFailForwardWithServerSideApply() {
        sim.putNamespace(OperatorHarness.ref("life-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("life-neu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("life-frc"), OperatorHarness.premium(0));

        // ---- pair
        ServiceBusGeoPairing ready;
        sim.addFaults("{\"latencyMs\":" + ARM_LATENCY_MS + "}");
        try (FirstSeen seen = watch("life")) {
            ServiceBusGeoPairing applied = apply(op.pairing("life", "life-weu", "life-neu"));
            assertThat(applied.getMetadata().getGeneration()).isEqualTo(1L);

            // Without clock advances the pairing stays Accepted: kstatus InProgress for this
            // generation.
            ServiceBusGeoPairing pairing =
                    op.driveUntil("life", 0, r -> observed(r) && isTrue(r, "Reconciling"));
            assertObservedThisGeneration(pairing);
            assertThat(isTrue(pairing, "Ready")).isFalse();
            assertThat(condition(pairing, "Ready"))
                    .get()
                    .extracting(c -> c.getStatus())
                    .isEqualTo("False");

            ready = op.awaitReady("life");
            List<SimulatorClient.Call> writes =
                    sim.calls("/life-").stream().filter(SimulatorClient.Call::isWrite).toList();
            assertThat(writes).as("ARM writes").isNotEmpty();
            assertAfter(writes.get(0), seen.finalizer.get(), "the finalizer");
        } finally {
            sim.clearFaults();
        }
        assertCurrentAndReady(ready);
        assertThat(ready.getMetadata().getFinalizers()).containsExactly(FINALIZER);
        assertThat(ready.getStatus().getRole()).isEqualTo("Primary");
        assertThat(ready.getStatus().getProvisioningState()).isEqualTo("Succeeded");
        assertThat(ready.getStatus().getActiveNamespaceName()).isEqualTo("life-weu");
        assertThat(ready.getStatus().getPartner().getRole()).isEqualTo("Secondary");
        assertThat(ready.getStatus().getFailover().getLastHandledRequest()).isZero();
        assertThat(sim.count("/life-weu/", "put")).as("one PUT creates the pairing").isEqualTo(1);

        // The operator's writes went through server-side apply: its field manager owns the
        // finalizer (Apply on
        // the main resource) and the status (Apply on the status subresource); the user's manager
        // owns the spec.
        List<ManagedFieldsEntry> managed = ready.getMetadata().getManagedFields();
        assertThat(managed)
                .anySatisfy(
                        m -> {
                            assertThat(m.getManager()).isEqualTo(OPERATOR_FIELD_MANAGER);
                            assertThat(m.getOperation()).isEqualTo("Apply");
                            assertThat(m.getSubresource()).isEqualTo("status");
                        });
        assertThat(managed)
                .anySatisfy(
                        m -> {
                            assertThat(m.getManager()).isEqualTo(OPERATOR_FIELD_MANAGER);
                            assertThat(m.getOperation()).isEqualTo("Apply");
                            assertThat(m.getSubresource()).isNullOrEmpty();
                            assertThat(m.getFieldsV1().getAdditionalProperties().toString())
                                    .contains("f:finalizers");
                        });
        assertThat(managed)
                .anySatisfy(
                        m -> {
                            assertThat(m.getManager()).isEqualTo(USER_FIELD_MANAGER);
                            assertThat(m.getOperation()).isEqualTo("Apply");
                            assertThat(m.getFieldsV1().getAdditionalProperties().toString())
                                    .contains("f:spec");
                        });

        // ---- fail over: bump failoverRequested with a server-side apply of the whole object
        ServiceBusGeoPairing failedOver;
        sim.addFaults("{\"latencyMs\":" + ARM_LATENCY_MS + "}");
        try (FirstSeen seen = watch("life")) {
            ServiceBusGeoPairing bump = op.pairing("life", "life-weu", "life-neu");
            bump.getSpec().setFailoverRequested(1);
            assertThat(apply(bump).getMetadata().getGeneration()).isEqualTo(2L);
            failedOver =
                    op.driveUntil(
                            "life",
                            20,
                            r -> observed(r) && r.getStatus().getFailover().getLast() != null);
            List<SimulatorClient.Call> posts =
                    sim.calls("/life-neu/").stream()
                            .filter(c -> c.operation().equals("failover"))
                            .toList();
            assertThat(posts).as("exactly one failover POST, on the partner").hasSize(1);
            assertAfter(
                    posts.get(0),
                    seen.failoverIntended.get(),
                    "status.failover.inFlight.phase=Intended");
        } finally {
            sim.clearFaults();
        }
        assertThat(failedOver.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Succeeded);
        assertThat(failedOver.getStatus().getFailover().getLastHandledRequest()).isEqualTo(1L);
        assertThat(failedOver.getStatus().getActiveNamespaceName()).isEqualTo("life-neu");
        assertObservedThisGeneration(failedOver);
        assertThat(hasReason(failedOver, "Stalled", "FailedOver"))
                .as("Stalled/FailedOver")
                .isTrue();
        assertThat(isTrue(failedOver, "Ready")).isFalse();
        assertThat(condition(failedOver, "Stalled").get().getMessage())
                .contains("set spec.primaryNamespace to " + OperatorHarness.id("life-neu"));

        // More passes, more clock: never a second failover.
        sim.advance(60);
        op.awaitMoreReads("/life-", 4);
        assertThat(sim.count("/life-neu/", "failover")).isEqualTo(1);
        assertThat(sim.count("/life-weu/", "failover")).isZero();

        // ---- fail forward: the alias's new home becomes the primary, a new empty namespace the
        // partner
        ServiceBusGeoPairing forward = op.pairing("life", "life-neu", "life-frc");
        forward.getSpec().setFailoverRequested(1);
        assertThat(apply(forward).getMetadata().getGeneration()).isEqualTo(3L);
        ServiceBusGeoPairing repairing =
                op.driveUntil("life", 0, r -> observed(r) && isTrue(r, "Reconciling"));
        assertObservedThisGeneration(repairing);
        ServiceBusGeoPairing repaired = op.awaitReady("life");
        assertCurrentAndReady(repaired);
        assertThat(repaired.getMetadata().getGeneration()).isEqualTo(3L);
        assertThat(repaired.getStatus().getActiveNamespaceName()).isEqualTo("life-neu");
        assertThat(repaired.getStatus().getPartner().getNamespace())
                .isEqualTo(OperatorHarness.id("life-frc"));
        assertThat(repaired.getStatus().getPartner().getRole()).isEqualTo("Secondary");
        assertThat(sim.count("/life-neu/", "put")).as("one PUT re-pairs").isEqualTo(1);
        assertThat(sim.count("/life-", "failover")).isEqualTo(1);

        // ---- delete with the default Retain: the object goes, Azure is untouched
        assertThat(repaired.getSpec().getDeletionPolicy()).isEqualTo(DeletionPolicy.Retain);
        long writesBefore = sim.writes("/life-");
        admin.resources(ServiceBusGeoPairing.class).inNamespace(NS).withName("life").delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> op.get("life") == null);
        assertThat(sim.writes("/life-"))
                .as("no ARM write for a Retain delete")
                .isEqualTo(writesBefore);
        assertThat(
                        sim.arm(
                                        "GET",
                                        OperatorHarness.id("life-neu"),
                                        "/disasterRecoveryConfigs/life",
                                        null)
                                .status())
                .as("alias still on the active namespace")
                .isEqualTo(200);
    }

    @Test
    void deletePolicyDeleteBreaksDeletesAndThenReleasesTheObject() {
        sim.putNamespace(OperatorHarness.ref("drop-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("drop-neu"), OperatorHarness.premium(0));
        ServiceBusGeoPairing cr = op.pairing("drop", "drop-weu", "drop-neu");
        cr.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
        apply(cr);
        assertCurrentAndReady(op.awaitReady("drop"));

        admin.resources(ServiceBusGeoPairing.class).inNamespace(NS).withName("drop").delete();
        // The finalizer holds the object (deletionTimestamp set) while Azure is cleaned up.
        ServiceBusGeoPairing deleting = op.get("drop");
        assertThat(deleting).isNotNull();
        assertThat(deleting.getMetadata().getDeletionTimestamp()).isNotNull();
        assertThat(deleting.getMetadata().getFinalizers()).contains(FINALIZER);

        op.driveUntilDeleted("drop");
        assertThat(sim.count("/drop-weu/", "breakPairing")).isEqualTo(1);
        assertThat(sim.count("/drop-weu/", "delete")).isGreaterThanOrEqualTo(1);
        assertThat(
                        sim.arm(
                                        "GET",
                                        OperatorHarness.id("drop-weu"),
                                        "/disasterRecoveryConfigs/drop",
                                        null)
                                .status())
                .isEqualTo(404);
        assertThat(
                        sim.arm(
                                        "GET",
                                        OperatorHarness.id("drop-neu"),
                                        "/disasterRecoveryConfigs/drop",
                                        null)
                                .status())
                .isEqualTo(404);
    }
}
