package dev.geodr.servicebus.kube;

import static dev.geodr.servicebus.operator.OperatorHarness.condition;
import static dev.geodr.servicebus.operator.OperatorHarness.isTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.FailoverMode;
import dev.geodr.servicebus.api.v1alpha1.FailoverOutcome;
import dev.geodr.servicebus.api.v1alpha1.PromotionMode;
import dev.geodr.servicebus.api.v1alpha1.PromotionOutcome;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.arm.azure.ArmEndpointSettings;
import dev.geodr.servicebus.operator.OperatorHarness;
import dev.geodr.servicebus.operator.ReplicationHarness;
import dev.geodr.servicebus.simulator.GeoClient;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.Condition;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worst day with a cluster in each region: two real API servers ({@code west}, {@code east}),
 * an operator in each, one ARM simulator, and the same manifest applied to both, as one Git
 * repository feeding both clusters would. West is the writer; east observes and sends no write.
 * West's cluster goes down with West Europe; the handover commit reaches east only and makes it
 * fail over exactly once; west comes back with its stale spec and writes nothing, then receives the
 * current spec and observes.
 */
@RequiresKubeBinaries
class TwoClusterHandoverIT {

    private static final String NAME = "twin";
    private static final String PRIMARY = "twin-weu";
    private static final String PARTNER = "twin-neu";

    private static TestApiServer westApi;
    private static TestApiServer eastApi;
    private static SimulatorClient sim;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        sim = SimulatorClient.start(SimulatorClient.manual());
        vertx = Vertx.vertx();
        westApi = TestApiServer.start("west");
        eastApi = TestApiServer.start("east");
        westApi.applyCrd();
        eastApi.applyCrd();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {westApi, eastApi, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort: the next resource must still be closed
            }
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void theSurvivorFailsOverOnceAndTheOldWriterNeitherRepeatsNorUndoes() {
        sim.putNamespace(OperatorHarness.ref(PRIMARY), region("westeurope"));
        sim.putNamespace(OperatorHarness.ref(PARTNER), region("northeurope"));
        OperatorHarness west = new OperatorHarness(westApi.admin(), sim);
        OperatorHarness east = new OperatorHarness(eastApi.admin(), sim);

        ClusterOperator westOperator = operator("west", westApi);
        ClusterOperator eastOperator = operator("east", eastApi);
        try {
            // ---- one manifest, both clusters: west writes, east observes
            west.create(manifest(west));
            east.create(manifest(east));

            ServiceBusGeoPairing westReady = west.awaitReady(NAME);
            assertThat(westReady.getStatus().getMode()).isEqualTo("Writer");
            assertThat(westReady.getStatus().getCluster()).isEqualTo("west");
            ServiceBusGeoPairing eastView = east.awaitReady(NAME);
            assertThat(eastView.getStatus().getMode()).isEqualTo("Observer");
            assertThat(eastView.getStatus().getCluster()).isEqualTo("east");
            assertThat(eastView.getStatus().getRole()).isEqualTo("Primary");
            assertThat(eastView.getStatus().getPartner().getRole()).isEqualTo("Secondary");
            assertThat(condition(eastView, "FailoverReady"))
                    .get()
                    .extracting(Condition::getReason)
                    .isEqualTo("Observer");
            assertThat(condition(eastView, "FailoverReady").get().getMessage())
                    .contains("set spec.writerCluster to east");
            assertThat(mutations())
                    .as("one PUT created the pairing, sent by west; the observer sent nothing")
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.operation()).isEqualTo("put");
                                assertThat(c.userAgent()).startsWith(userAgentOf("west"));
                            });
            assertThat(sim.calls("/" + PARTNER + "/").stream().map(SimulatorClient.Call::userAgent))
                    .as("the observer read ARM, under its own name")
                    .anyMatch(ua -> ua.startsWith(userAgentOf("east")));

            // ---- West Europe and the west cluster go down
            sim.addFaults("{\"regionUnreachable\":\"westeurope\"}");
            westOperator.stop();
            long beforeHandover = lastSeq();

            // ---- the handover commit, applied to the survivor only
            east.editSpec(
                    NAME,
                    s -> {
                        s.setWriterCluster("east");
                        s.setFailoverMode(FailoverMode.Forced);
                        s.setFailoverRequested(1);
                    });
            ServiceBusGeoPairing failedOver =
                    east.driveUntil(NAME, 20, lastOutcomeIs(FailoverOutcome.Succeeded));
            assertThat(failedOver.getStatus().getMode()).isEqualTo("Writer");
            assertThat(failedOver.getStatus().getActiveNamespaceName()).isEqualTo(PARTNER);
            assertThat(failedOver.getStatus().getFailover().getLastHandledRequest()).isEqualTo(1);
            assertThat(mutationsAfter(beforeHandover))
                    .as("exactly one failover POST, on the partner, from the survivor")
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.operation()).isEqualTo("failover");
                                assertThat(c.path()).contains("/" + PARTNER + "/");
                                assertThat(c.userAgent()).startsWith(userAgentOf("east"));
                            });

            // ---- west comes back with the stale spec (writer west, counter 0): writes nothing
            sim.clearFaults();
            long afterFailover = lastSeq();
            ClusterOperator westAgain = operator("west", westApi);
            try {
                ServiceBusGeoPairing stale =
                        west.driveUntil(
                                NAME,
                                5,
                                r ->
                                        r.getStatus() != null
                                                && PARTNER.equals(
                                                        r.getStatus().getActiveNamespaceName()));
                assertThat(stale.getStatus().getMode()).isEqualTo("Writer");
                assertThat(isTrue(stale, "Stalled"))
                        .as("the spec must follow the failover")
                        .isTrue();
                west.awaitMoreReads("/" + PARTNER + "/", 4);
                assertThat(
                                sim.calls("/" + PARTNER + "/").stream()
                                        .filter(c -> c.seq() > afterFailover))
                        .as("west is back and reading")
                        .anyMatch(c -> c.userAgent().startsWith(userAgentOf("west")));
                assertThat(mutationsAfter(afterFailover))
                        .as("the old writer neither repeats nor undoes the failover")
                        .isEmpty();

                // ---- Git syncs the current spec to west: it observes
                west.editSpec(
                        NAME,
                        s -> {
                            s.setWriterCluster("east");
                            s.setFailoverMode(FailoverMode.Forced);
                            s.setFailoverRequested(1);
                        });
                ServiceBusGeoPairing observing =
                        west.driveUntil(
                                NAME,
                                5,
                                r ->
                                        r.getStatus() != null
                                                && "Observer".equals(r.getStatus().getMode())
                                                && r.getStatus()
                                                        .getObservedGeneration()
                                                        .equals(r.getMetadata().getGeneration()));
                assertThat(observing.getStatus().getFailover().getLastHandledRequest())
                        .isEqualTo(1);
                west.awaitMoreReads("/" + PARTNER + "/", 4);
                assertThat(mutationsAfter(afterFailover)).as("still nothing written").isEmpty();
            } finally {
                westAgain.stop();
            }
        } finally {
            westOperator.stop();
            eastOperator.stop();
        }
    }

    /**
     * The same worst day for a Geo-Replication namespace: west writes, east observes; the handover
     * commit on east promotes once with Forced; west back with its stale spec sends nothing.
     */
    @Test
    void theSurvivorPromotesOnceAndTheOldWriterSendsNothing() {
        new GeoClient(sim).seed("twin-gr");
        ReplicationHarness west = new ReplicationHarness(westApi.admin(), sim);
        ReplicationHarness east = new ReplicationHarness(eastApi.admin(), sim);
        ClusterOperator westOperator = operator("west", westApi);
        ClusterOperator eastOperator = operator("east", eastApi);
        try {
            for (ReplicationHarness cluster : List.of(west, east)) {
                ServiceBusGeoReplication manifest =
                        ReplicationHarness.replication("twin-gr", "twin-gr");
                manifest.getSpec().setWriterCluster("west");
                cluster.create(manifest);
            }
            assertThat(west.awaitReady("twin-gr").getStatus().mode()).isEqualTo("Writer");
            ServiceBusGeoReplication observed = east.awaitReady("twin-gr");
            assertThat(observed.getStatus().mode()).isEqualTo("Observer");
            assertThat(ReplicationHarness.condition(observed, "PromotionReady").get().getReason())
                    .isEqualTo("Observer");

            sim.addFaults("{\"regionUnreachable\":\"westeurope\"}");
            westOperator.stop();
            long beforeHandover = lastSeq();
            east.editSpec(
                    "twin-gr",
                    s -> {
                        s.setWriterCluster("east");
                        s.setPromotionMode(PromotionMode.Forced);
                        s.setPromotionRequested(1);
                    });
            ServiceBusGeoReplication promoted =
                    east.driveUntil("twin-gr", 30, r -> r.getStatus().promotion().last() != null);
            assertThat(promoted.getStatus().promotion().last().outcome())
                    .isEqualTo(PromotionOutcome.Succeeded);
            assertThat(promoted.getStatus().primaryLocation()).isEqualTo("northeurope");
            assertThat(geoWritesAfter(beforeHandover))
                    .as("one forced promotion POST, from the survivor")
                    .singleElement()
                    .satisfies(
                            c -> {
                                assertThat(c.operation()).isEqualTo("namespaceFailover");
                                assertThat(c.userAgent()).startsWith(userAgentOf("east"));
                            });

            sim.clearFaults();
            long afterPromotion = lastSeq();
            ClusterOperator westAgain = operator("west", westApi);
            try {
                west.awaitMoreReads("twin-gr", 6);
                assertThat(
                                sim.calls("/twin-gr").stream()
                                        .filter(c -> c.seq() > afterPromotion)
                                        .map(SimulatorClient.Call::userAgent))
                        .as("west is back and reading")
                        .anyMatch(ua -> ua.startsWith(userAgentOf("west")));
                assertThat(geoWritesAfter(afterPromotion))
                        .as("the old writer neither repeats nor undoes the promotion")
                        .isEmpty();
            } finally {
                westAgain.stop();
            }
        } finally {
            westOperator.stop();
            eastOperator.stop();
        }
    }

    private static List<SimulatorClient.Call> geoWritesAfter(long seq) {
        return sim.calls("/namespaces/twin-gr").stream()
                .filter(c -> c.seq() > seq)
                .filter(SimulatorClient.Call::isWrite)
                .toList();
    }

    /**
     * Parity on both clusters: the writer and the observer each read both namespaces and report the
     * partner's local-auth switch and a missing role assignment, with a Warning Event, and report
     * them gone once the partner is fixed; neither writes anything for it.
     */
    @Test
    void parityDifferencesAppearAndClearOnWriterAndObserver() {
        String primary = "mirror-weu";
        String partner = "mirror-neu";
        String sender =
                "{\"principalId\":\"22222222-2222-2222-2222-222222222222\","
                        + "\"roleDefinitionName\":\"Azure Service Bus Data Sender\"}";
        sim.putNamespace(
                OperatorHarness.ref(primary),
                "{\"location\":\"westeurope\",\"sku\":\"Premium\",\"entities\":0,"
                        + "\"roleAssignments\":["
                        + sender
                        + "]}");
        sim.putNamespace(
                OperatorHarness.ref(partner),
                "{\"location\":\"northeurope\",\"sku\":\"Premium\",\"entities\":0,"
                        + "\"disableLocalAuth\":true}");
        OperatorHarness west = new OperatorHarness(westApi.admin(), sim);
        OperatorHarness east = new OperatorHarness(eastApi.admin(), sim);
        ClusterOperator westOperator = operator("west", westApi);
        ClusterOperator eastOperator = operator("east", eastApi);
        try {
            for (OperatorHarness cluster : List.of(west, east)) {
                ServiceBusGeoPairing mirror = cluster.pairing("mirror", primary, partner);
                mirror.getSpec().setWriterCluster("west");
                cluster.create(mirror);
            }
            for (OperatorHarness cluster : List.of(west, east)) {
                ServiceBusGeoPairing differs = cluster.driveUntil("mirror", 5, parityIs("False"));
                assertThat(differs.getStatus().getParity().differences())
                        .extracting(d -> d.setting())
                        .containsExactly("disableLocalAuth", "roleAssignment");
                assertThat(condition(differs, "SettingsInParity").get().getMessage())
                        .contains("disableLocalAuth, roleAssignment");
            }
            assertThat(warningReasons(westApi)).contains("ParityGapFound");
            assertThat(warningReasons(eastApi)).contains("ParityGapFound");

            sim.putNamespace(
                    OperatorHarness.ref(partner),
                    "{\"disableLocalAuth\":false,\"roleAssignments\":[" + sender + "]}");
            for (OperatorHarness cluster : List.of(west, east)) {
                ServiceBusGeoPairing fixed = cluster.driveUntil("mirror", 5, parityIs("True"));
                assertThat(fixed.getStatus().getParity().differences()).isNullOrEmpty();
            }
            assertThat(eventReasons(westApi)).contains("ParityGapResolved");
            assertThat(
                            sim.calls("/mirror-").stream()
                                    .filter(SimulatorClient.Call::isWrite)
                                    .filter(c -> !c.operation().equals("listKeys"))
                                    .filter(c -> c.userAgent().startsWith(userAgentOf("east"))))
                    .as("the observer compared and wrote nothing")
                    .isEmpty();
        } finally {
            westOperator.stop();
            eastOperator.stop();
        }
    }

    private static Predicate<ServiceBusGeoPairing> parityIs(String status) {
        return r ->
                condition(r, "SettingsInParity")
                        .map(c -> status.equals(c.getStatus()))
                        .orElse(false);
    }

    private static List<String> eventReasons(TestApiServer api) {
        return api.admin().v1().events().inNamespace(OperatorHarness.NS).list().getItems().stream()
                .map(e -> e.getReason())
                .toList();
    }

    private static List<String> warningReasons(TestApiServer api) {
        return api.admin().v1().events().inNamespace(OperatorHarness.NS).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()))
                .map(e -> e.getReason())
                .toList();
    }

    /** The manifest both clusters get from Git: west is the writer. */
    private static ServiceBusGeoPairing manifest(OperatorHarness cluster) {
        ServiceBusGeoPairing manifest = cluster.pairing(NAME, PRIMARY, PARTNER);
        manifest.getSpec().setWriterCluster("west");
        return manifest;
    }

    private static ClusterOperator operator(String cluster, TestApiServer api) {
        return ClusterOperator.start(
                cluster, api.admin(), vertx, sim.baseUri(), sim.sim.certificatePath());
    }

    /**
     * What each operator puts in front of the SDK's User-Agent (ClusterOperator's version "it").
     */
    private static String userAgentOf(String cluster) {
        return ArmEndpointSettings.userAgentFor("it", Optional.of(cluster));
    }

    private static String region(String location) {
        return "{\"location\":\"" + location + "\",\"sku\":\"Premium\",\"entities\":0}";
    }

    private static Predicate<ServiceBusGeoPairing> lastOutcomeIs(FailoverOutcome outcome) {
        return r ->
                r.getStatus() != null
                        && r.getStatus().getFailover() != null
                        && r.getStatus().getFailover().getLast() != null
                        && r.getStatus().getFailover().getLast().getOutcome() == outcome;
    }

    /** The calls that change Azure (listKeys is a POST but reads): PUT, failover, break, DELETE. */
    private static List<SimulatorClient.Call> mutations() {
        return mutationsAfter(0);
    }

    private static List<SimulatorClient.Call> mutationsAfter(long seq) {
        return sim.calls().stream()
                .filter(
                        c ->
                                c.path().contains("/namespaces/" + PRIMARY + "/")
                                        || c.path().contains("/namespaces/" + PARTNER + "/"))
                .filter(c -> c.seq() > seq)
                .filter(SimulatorClient.Call::isWrite)
                .filter(c -> !c.operation().equals("listKeys"))
                .toList();
    }

    private static long lastSeq() {
        return sim.calls().stream().mapToLong(SimulatorClient.Call::seq).max().orElse(0);
    }
}
