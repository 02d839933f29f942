package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.Conditions;
import dev.geodr.servicebus.api.v1alpha1.ConnectionSecret;
import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FailoverMode;
import dev.geodr.servicebus.api.v1alpha1.ParityDifference;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.PlannerSettings;
import dev.geodr.servicebus.status.StatusProjector;
import dev.geodr.servicebus.testing.MutableClock;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final InMemoryClusterSide cluster = new InMemoryClusterSide(clock);
    private final ReconcilePass pass =
            new ReconcilePass(
                    arm,
                    new PairingPlanner(PlannerSettings.defaults()),
                    clock,
                    new OperatorMetrics(new SimpleMeterRegistry()),
                    new PassSettings(KEY_REFRESH, PARITY_INTERVAL, Optional.empty()),
                    () -> 0.5);

    private static final Duration KEY_REFRESH = Duration.ofHours(1);
    private static final Duration PARITY_INTERVAL = Duration.ofMinutes(30);

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

    @Test
    void theConnectionSecretIsFetchedOnceAndAgainOnlyWhenStaleOrMoved() {
        ServiceBusGeoPairing resource = pairing(0);
        resource.getSpec().setConnectionSecret(new ConnectionSecret());
        resource.getSpec().getConnectionSecret().setName("orders-sb");

        passes(resource, 5);
        assertThat(arm.count("listKeys")).as("once paired, then fresh").isEqualTo(1);
        assertThat(cluster.secretStamp.orElseThrow().source()).startsWith(WEU.id());
        assertThat(cluster.hasEvent("ConnectionSecretUpdated")).isTrue();

        clock.advance(KEY_REFRESH);
        passes(resource, 2);
        assertThat(arm.count("listKeys")).as("one refresh after the interval").isEqualTo(2);

        bump(resource, 1);
        passes(resource, 4);
        assertThat(arm.count("failover")).isEqualTo(1);
        assertThat(arm.count("listKeys")).as("the alias moved to the partner").isEqualTo(3);
        assertThat(cluster.secretStamp.orElseThrow().source()).startsWith(NEU.id());
    }

    @Test
    void aThrottledReadWritesNothingAndWaitsTheSpreadThrottleWindow() {
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);
        long writes = arm.writes();
        arm.failNext(
                "getAlias",
                new ArmException(
                        ArmErrorKind.THROTTLED,
                        429,
                        "TooManyRequests",
                        "throttled",
                        Duration.ofSeconds(2),
                        null));

        ReconcilePass.Outcome outcome = pass.run(resource, cluster);

        assertThat(arm.writes()).isEqualTo(writes);
        assertThat(outcome.requeue())
                .as("fast poll 10 s / 4 × (1 + 3 × spread 0.5), above Retry-After 2 s")
                .isEqualTo(new Requeue(Duration.ofMillis(6250), false));
        resource.setStatus(outcome.status());
        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("False");
        assertThat(reason(resource, StatusProjector.READY)).isEqualTo("Throttled");
    }

    @Test
    void aRefusedReadStallsWithOneWarningNotOnePerPoll() {
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);
        ArmException forbidden =
                new ArmException(
                        ArmErrorKind.FATAL, 403, "AuthorizationFailed", "no access", null, null);

        arm.failNext("getAlias", forbidden);
        passes(resource, 1);
        arm.failNext("getAlias", forbidden);
        passes(resource, 1);

        assertThat(condition(resource, StatusProjector.STALLED)).isEqualTo("True");
        assertThat(
                        cluster.events.stream()
                                .filter(e -> e.warning() && e.reason().equals("AzureError")))
                .hasSize(1);
    }

    @Test
    void aPartnerThatDiffersIsReportedOnceAndClearedWhenFixed() {
        arm.settings(NEU, localAuthDisabled());
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);

        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("True");
        assertThat(condition(resource, Conditions.SETTINGS_IN_PARITY)).isEqualTo("False");
        assertThat(resource.getStatus().getParity().differences())
                .extracting(ParityDifference::setting)
                .containsExactly("disableLocalAuth");
        assertThat(conditionOf(resource, StatusProjector.FAILOVER_READY).get().getMessage())
                .as("named, not blocking")
                .contains("the partner differs in disableLocalAuth");
        assertThat(condition(resource, StatusProjector.FAILOVER_READY)).isEqualTo("True");
        assertThat(arm.count("getSettings"))
                .as("read once per interval, not every poll")
                .isEqualTo(2);
        assertThat(cluster.events.stream().filter(e -> e.reason().equals("ParityGapFound")))
                .hasSize(1);

        arm.settings(NEU, NamespaceSettings.DEFAULTS);
        clock.advance(PARITY_INTERVAL);
        passes(resource, 2);

        assertThat(condition(resource, Conditions.SETTINGS_IN_PARITY)).isEqualTo("True");
        assertThat(resource.getStatus().getParity().differences()).isEmpty();
        assertThat(cluster.hasEvent("ParityGapResolved")).isTrue();
        assertThat(arm.count("getSettings")).isEqualTo(4);
    }

    @Test
    void roleAssignmentsWithoutReadPermissionAreReportedNotFatal() {
        arm.failNext(
                "listRoleAssignments",
                new ArmException(
                        ArmErrorKind.FATAL,
                        403,
                        "AuthorizationFailed",
                        "missing Microsoft.Authorization/roleAssignments/read",
                        null,
                        null));
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);

        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("True");
        assertThat(condition(resource, Conditions.SETTINGS_IN_PARITY)).isEqualTo("Unknown");
        assertThat(resource.getStatus().getParity().problems())
                .singleElement()
                .asString()
                .startsWith("role assignments not compared: ")
                .contains("roleAssignments/read");
        assertThat(cluster.hasEvent("ParityNotCompared")).isTrue();
    }

    @Test
    void nothingIsComparedWhileAFailoverIsPending() {
        ServiceBusGeoPairing resource = pairing(0);
        passes(resource, 3);
        long reads = arm.count("getSettings");
        clock.advance(PARITY_INTERVAL);

        bump(resource, 1);
        resource.setStatus(pass.run(resource, cluster).status());

        assertThat(arm.count("failover")).isEqualTo(1);
        assertThat(arm.count("getSettings")).as("no parity read before the POST").isEqualTo(reads);
    }

    private static NamespaceSettings localAuthDisabled() {
        NamespaceSettings d = NamespaceSettings.DEFAULTS;
        return new NamespaceSettings(
                d.publicNetworkAccess(),
                true,
                d.minimumTlsVersion(),
                d.networkDefaultAction(),
                d.ipRules(),
                d.virtualNetworkRules(),
                d.trustedServiceAccessEnabled(),
                d.privateEndpointConnections(),
                d.identityType(),
                d.encryptionKeySource());
    }

    /** The same operator, as the one running in cluster east. */
    private final ReconcilePass east =
            new ReconcilePass(
                    arm,
                    new PairingPlanner(PlannerSettings.defaults()),
                    clock,
                    new OperatorMetrics(new SimpleMeterRegistry()),
                    new PassSettings(KEY_REFRESH, PARITY_INTERVAL, Optional.of("east")),
                    () -> 0.5);

    @Test
    void anObserverReadsAndReportsButNeverWrites() {
        ServiceBusGeoPairing resource = pairing(0);
        resource.getSpec().setWriterCluster("west");
        resource.getSpec().setDeletionPolicy(DeletionPolicy.Delete);

        for (int i = 0; i < 3; i++) {
            resource.setStatus(east.run(resource, cluster).status());
        }
        bump(resource, 1);
        resource.getSpec().setFailoverMode(FailoverMode.Forced);
        resource.setStatus(east.run(resource, cluster).status());

        assertThat(mutations()).as("no PUT, POST or DELETE from an observer").isZero();
        assertThat(arm.calls()).as("it reads ARM").isNotEmpty();
        assertThat(resource.getStatus().getMode()).isEqualTo(StatusProjector.OBSERVER);
        assertThat(resource.getStatus().getCluster()).isEqualTo("east");
        assertThat(resource.getStatus().getFailover().getLastHandledRequest()).isEqualTo(1);
        assertThat(reason(resource, StatusProjector.FAILOVER_READY)).isEqualTo("Observer");
        assertThat(reason(resource, StatusProjector.READY)).isEqualTo("WaitingForWriter");
        assertThat(cluster.hasEvent("FailoverLeftToWriter")).isTrue();
        assertThat(cluster.statusWrites).as("no intent written").isEmpty();

        resource.getMetadata().setDeletionTimestamp("2026-12-02T10:00:00Z");
        ReconcilePass.Outcome gone = east.run(resource, cluster);
        assertThat(gone.releaseFinalizer()).isTrue();
        assertThat(mutations()).as("deleting it here touches nothing in Azure").isZero();
    }

    @Test
    void anObserverKeepsItsClustersConnectionSecretFromListKeysAlone() {
        // the writer's side: this test's default pass, for a copy that names no writer, pairs
        ServiceBusGeoPairing writersCopy = pairing(0);
        passes(writersCopy, 3);
        long writes = mutations();
        ServiceBusGeoPairing eastCopy = pairing(0);
        eastCopy.getSpec().setWriterCluster("west");
        eastCopy.getSpec().setConnectionSecret(new ConnectionSecret());
        eastCopy.getSpec().getConnectionSecret().setName("orders-sb");

        for (int i = 0; i < 2; i++) {
            eastCopy.setStatus(east.run(eastCopy, cluster).status());
        }

        assertThat(mutations()).as("the observer wrote nothing to Azure").isEqualTo(writes);
        assertThat(arm.count("listKeys")).as("listKeys is a read").isEqualTo(1);
        assertThat(cluster.secretStamp.orElseThrow().source()).startsWith(WEU.id());
        assertThat(eastCopy.getStatus().getMode()).isEqualTo(StatusProjector.OBSERVER);
        assertThat(condition(eastCopy, StatusProjector.READY)).isEqualTo("True");
    }

    @Test
    void theNamedWriterWritesAndReportsItsMode() {
        ServiceBusGeoPairing resource = pairing(0);
        resource.getSpec().setWriterCluster("east");

        for (int i = 0; i < 3; i++) {
            resource.setStatus(east.run(resource, cluster).status());
        }

        assertThat(arm.count("createOrUpdatePairing")).isEqualTo(1);
        assertThat(resource.getStatus().getMode()).isEqualTo(StatusProjector.WRITER);
        assertThat(condition(resource, StatusProjector.READY)).isEqualTo("True");
    }

    /** The calls that change Azure: PUT, failover and break POSTs, DELETE. */
    private long mutations() {
        return arm.count("createOrUpdatePairing")
                + arm.count("breakPairing")
                + arm.count("failover")
                + arm.count("deleteAlias");
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
        return conditionOf(resource, type).map(Condition::getStatus).orElse(null);
    }

    private static String reason(ServiceBusGeoPairing resource, String type) {
        return conditionOf(resource, type).map(Condition::getReason).orElse(null);
    }

    private static Optional<Condition> conditionOf(ServiceBusGeoPairing resource, String type) {
        return resource.getStatus().getConditions().stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst();
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
