package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.PlannerSettings;
import dev.geodr.servicebus.status.StatusProjector;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The real {@link ReconcilePass} on an in-memory ARM port and cluster: the operator's decisions end
 * to end in milliseconds. Every failover test counts the failover calls.
 */
class ReconcilePassTest {

    private static final String SUB = "00000000-0000-0000-0000-000000000000";
    private static final NamespaceRef WEU = new NamespaceRef(SUB, "geodr-demo", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef(SUB, "geodr-demo", "orders-neu");

    private final InMemoryArmPort arm =
            new InMemoryArmPort().premiumNamespace(WEU).premiumNamespace(NEU);
    private final InMemoryClusterSide cluster = new InMemoryClusterSide();
    private final ReconcilePass pass =
            new ReconcilePass(
                    arm,
                    new PairingPlanner(PlannerSettings.defaults()),
                    Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC),
                    new OperatorMetrics(new SimpleMeterRegistry()));

    @Test
    void aNewPairingBecomesReadyWithOnePut() {
        ServiceBusGeoPairing resource = pairing(0);

        passes(resource, 3);

        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("True");
        assertThat(arm.count("createOrUpdatePairing")).isEqualTo(1);
        assertThat(arm.count("failover")).isZero();
    }

    @Test
    void aBumpFailsOverExactlyOnceAndIntentIsWrittenFirst() {
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);

        bump(resource, 1);
        passes(resource, 4);

        assertThat(arm.count("failover")).isEqualTo(1);
        assertThat(cluster.statusWrites).as("the write-ahead intent before the POST").hasSize(1);
        assertThat(resource.getStatus().getFailover().getLastHandledRequest()).isEqualTo(1);
        assertThat(resource.getStatus().getActiveNamespace()).isEqualTo(NEU.id());
        assertThat(condition(resource, StatusProjector.STALLED)).isEqualTo("True");
    }

    @Test
    void firstSightOfAnUnreadableSpecAdoptsItsRawFailoverRequest() {
        ServiceBusGeoPairing resource = pairing(5);
        resource.getSpec().setPrimaryNamespace("not-an-arm-id");

        passes(resource, 1);
        assertThat(resource.getStatus().getFailover().getLastHandledRequest()).isEqualTo(5);
        assertThat(arm.calls()).isEmpty();

        resource.getSpec().setPrimaryNamespace(WEU.id());
        resource.getMetadata().setGeneration(resource.getMetadata().getGeneration() + 1);
        passes(resource, 3);

        assertThat(arm.count("failover")).as("fixing the spec must not fail over").isZero();
        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("True");
        assertThat(resource.getStatus().getFailover().getLastHandledRequest()).isEqualTo(5);
    }

    private void passes(ServiceBusGeoPairing resource, int count) {
        for (int i = 0; i < count; i++) {
            resource.setStatus(pass.run(resource, cluster).status());
        }
    }

    private static void bump(ServiceBusGeoPairing resource, long request) {
        resource.getSpec().setFailoverRequested(request);
        resource.getMetadata().setGeneration(resource.getMetadata().getGeneration() + 1);
    }

    private static String condition(ServiceBusGeoPairing resource, String type) {
        return resource.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .map(c -> c.getStatus())
                .findFirst()
                .orElse(null);
    }

    private static ServiceBusGeoPairing pairing(long failoverRequested) {
        ServiceBusGeoPairing resource = new ServiceBusGeoPairing();
        resource.setMetadata(
                new ObjectMetaBuilder()
                        .withName("orders")
                        .withNamespace("apps")
                        .withGeneration(1L)
                        .withUid("uid-1")
                        .withResourceVersion("1")
                        .build());
        ServiceBusGeoPairingSpec spec = new ServiceBusGeoPairingSpec();
        spec.setAlias("orders");
        spec.setPrimaryNamespace(WEU.id());
        spec.setPartnerNamespace(NEU.id());
        spec.setFailoverRequested(failoverRequested);
        resource.setSpec(spec);
        return resource;
    }
}
