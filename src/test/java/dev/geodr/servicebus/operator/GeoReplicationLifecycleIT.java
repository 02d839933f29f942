package dev.geodr.servicebus.operator;

import static dev.geodr.servicebus.operator.ReplicationHarness.hasReason;
import static dev.geodr.servicebus.operator.ReplicationHarness.isTrue;
import static dev.geodr.servicebus.operator.ReplicationHarness.replication;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.PromotionInFlight;
import dev.geodr.servicebus.api.v1alpha1.PromotionMode;
import dev.geodr.servicebus.api.v1alpha1.PromotionOutcome;
import dev.geodr.servicebus.api.v1alpha1.PromotionPhase;
import dev.geodr.servicebus.api.v1alpha1.PromotionStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.simulator.GeoClient;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ServiceBusGeoReplication kind end to end on the Kubernetes mock API server, through the real
 * Azure SDK's HttpPipeline over HTTPS to the embedded simulator on a manual clock. Every promotion
 * test counts the simulator's accepted {@code namespaceFailover} POSTs. Each test has its own
 * namespace, named so that none is a prefix of another.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class GeoReplicationLifecycleIT {

    @Inject KubernetesClient client;

    @Inject SimulatorLauncher launcher;

    SimulatorClient sim;
    GeoClient geo;
    ReplicationHarness op;

    @BeforeEach
    void setUp() {
        SimulatorLauncher.Endpoint endpoint = launcher.endpoint();
        sim = SimulatorClient.connect(endpoint.baseUri(), endpoint.certificate());
        geo = new GeoClient(sim);
        op = new ReplicationHarness(client, sim);
    }

    /** A Premium namespace in westeurope, not geo-replicated yet. */
    private void plain(String ns, String sku) {
        sim.putNamespace(
                GeoClient.RG,
                ns,
                "{\"location\":\"westeurope\",\"sku\":\"" + sku + "\",\"entities\":3}");
    }

    @Test
    void enablesReplicationThenPromotesPlannedExactlyOnce() {
        plain("grplan", "Premium");
        op.create(replication("plan", "grplan"));
        ServiceBusGeoReplication building =
                op.driveUntil("plan", 0, r -> r.getStatus().replicaOperation() != null);
        assertThat(building.getStatus().replicaOperation().operationUrl())
                .as("the update adding the secondary is followed by its own operation")
                .contains("/operationStatuses/");
        assertThat(building.getStatus().replicationLag())
                .as("nothing to lag behind while the secondary is built")
                .isNull();

        ServiceBusGeoReplication ready = op.awaitReady("plan");
        assertThat(ready.getStatus().replicaOperation()).as("the update ended").isNull();
        assertThat(ready.getStatus().primaryLocation()).isEqualTo("westeurope");
        assertThat(ready.getStatus().secondaryLocation()).isEqualTo("northeurope");
        assertThat(ready.getStatus().replicas()).hasSize(2);
        assertThat(ready.getStatus().maxReplicationLagSeconds()).isEqualTo(300);
        assertThat(ready.getStatus().promotion().lastHandledRequest()).isZero();
        assertThat(op.updates("grplan")).as("one PUT adds the secondary").isEqualTo(1);
        assertThat(op.promotions("grplan")).isZero();

        op.editSpec("plan", s -> s.setPromotionRequested(1));
        ServiceBusGeoReplication promoted =
                op.driveUntil("plan", 30, r -> r.getStatus().promotion().last() != null);
        assertThat(promoted.getStatus().promotion().last().outcome())
                .isEqualTo(PromotionOutcome.Succeeded);
        assertThat(promoted.getStatus().promotion().last().mode()).isEqualTo(PromotionMode.Planned);
        assertThat(promoted.getStatus().primaryLocation()).isEqualTo("northeurope");
        assertThat(promoted.getStatus().secondaryLocation())
                .as("a planned promotion keeps the old primary as the secondary")
                .isEqualTo("westeurope");

        op.awaitMoreReads("grplan", 4);
        assertThat(op.promotions("grplan")).as("exactly one promotion POST").isEqualTo(1);
        assertThat(op.updates("grplan")).as("roles are ARM's: no write after it").isEqualTo(1);
        assertThat(isTrue(op.awaitReady("plan"), "Ready")).isTrue();
    }

    @Test
    void promotesForcedWithThePrimaryRegionDown() {
        geo.seed("grforce");
        op.create(replication("force", "grforce"));
        op.awaitReady("force");
        assertThat(op.updates("grforce")).as("an existing replication is adopted").isZero();
        try {
            sim.addFaults("{\"regionUnreachable\":\"westeurope\"}");
            op.driveUntil("force", 0, r -> hasReason(r, "Reconciling", "Unreachable"));
            op.editSpec(
                    "force",
                    s -> {
                        s.setPromotionMode(PromotionMode.Forced);
                        s.setPromotionRequested(1);
                    });
            ServiceBusGeoReplication promoted =
                    op.driveUntil("force", 30, r -> r.getStatus().promotion().last() != null);
            assertThat(promoted.getStatus().promotion().last().outcome())
                    .isEqualTo(PromotionOutcome.Succeeded);
            assertThat(promoted.getStatus().primaryLocation()).isEqualTo("northeurope");
            // The old primary stays listed, unreplicated: status says what to do about it.
            ServiceBusGeoReplication after =
                    op.driveUntil("force", 0, r -> hasReason(r, "Stalled", "SecondaryUnavailable"));
            assertThat(ReplicationHarness.condition(after, "Stalled").get().getMessage())
                    .contains("remove that replica");
            op.awaitMoreReads("grforce", 3);
            assertThat(op.promotions("grforce")).as("one forced POST").isEqualTo(1);
            awaitEvent("force", "Promoting", "messages not yet replicated may be lost");
        } finally {
            sim.clearFaults();
        }
    }

    @Test
    void escalatingARunningPlannedPromotionSendsOneForcedPost() {
        // Replication falls behind (publish 150/s, drain 100/s), so a Planned promotion drains a
        // while before its swap: long enough to escalate it.
        geo.seed("grescal", 150, 100);
        op.create(replication("escal", "grescal"));
        op.awaitReady("escal");
        sim.advance(600);
        op.editSpec("escal", s -> s.setPromotionRequested(1));
        String plannedUrl =
                op.driveUntil(
                                "escal",
                                0,
                                r ->
                                        r.getStatus().promotion().inFlight() != null
                                                && r.getStatus().promotion().inFlight().phase()
                                                        == PromotionPhase.Accepted)
                        .getStatus()
                        .promotion()
                        .inFlight()
                        .operationUrl();
        op.editSpec("escal", s -> s.setPromotionMode(PromotionMode.Forced));
        // The forced POST's own operation replaces the planned one in status (a status patch
        // computed against the pre-intent resource once lost the phase here).
        op.driveUntil(
                "escal",
                0,
                r -> {
                    PromotionInFlight f = r.getStatus().promotion().inFlight();
                    return f != null
                            && f.phase() == PromotionPhase.Accepted
                            && Boolean.TRUE.equals(f.forcedIntended())
                            && f.operationUrl() != null
                            && !f.operationUrl().equals(plannedUrl);
                });

        ServiceBusGeoReplication promoted =
                op.driveUntil("escal", 30, r -> r.getStatus().promotion().last() != null);
        assertThat(promoted.getStatus().promotion().last().outcome())
                .isEqualTo(PromotionOutcome.Succeeded);
        assertThat(promoted.getStatus().promotion().last().mode()).isEqualTo(PromotionMode.Forced);
        op.awaitMoreReads("grescal", 3);
        assertThat(op.promotions("grescal"))
                .as("the planned POST and one forced POST for the same request")
                .isEqualTo(2);
        awaitEvent("escal", "PromotionEscalated", "may be lost");
    }

    @Test
    void aReplicaRemovedOutOfBandIsAddedBackWithAWarning() {
        geo.seed("grdrift");
        op.create(replication("drift", "grdrift"));
        op.awaitReady("drift");
        sim.admin(
                "POST",
                "/simulator/georeplication/"
                        + SimulatorClient.SUB
                        + "/"
                        + GeoClient.RG
                        + "/grdrift/removeReplica",
                null);

        // The removal takes a minute of ARM time; then the operator adds the replica back.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(400))
                .until(
                        () -> {
                            if (hasEvent(
                                    "drift", "ReplicaRemoved", "removed outside the operator")) {
                                return true;
                            }
                            sim.advance(20);
                            return false;
                        });
        ServiceBusGeoReplication back = op.awaitReady("drift");
        assertThat(back.getStatus().secondaryLocation()).isEqualTo("northeurope");
        assertThat(op.updates("grdrift")).as("one PUT adds it back").isEqualTo(1);
    }

    @Test
    void preflightRefusesAStandardNamespaceAndWritesNothing() {
        plain("grstandard", "Standard");
        op.create(replication("standard", "grstandard"));

        ServiceBusGeoReplication stalled =
                op.driveUntil("standard", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));
        assertThat(ReplicationHarness.condition(stalled, "Stalled").get().getMessage())
                .contains("spec.namespace")
                .contains("Premium");
        op.awaitMoreReads("grstandard", 3);
        assertThat(sim.writes("/namespaces/grstandard")).isZero();
        awaitEvent("standard", "InvalidSpec", "Premium");
    }

    @Test
    void preflightRefusesANamespaceHoldingAGeoDrAlias() {
        plain("graliased", "Premium");
        sim.putNamespace(
                GeoClient.RG,
                "grpartner",
                "{\"location\":\"northeurope\",\"sku\":\"Premium\",\"entities\":0}");
        // The alias is named apart from both namespaces: alias and namespace names share DNS.
        SimulatorClient.Resp paired =
                sim.arm(
                        "PUT",
                        GeoClient.id("graliased"),
                        "/disasterRecoveryConfigs/gralias-dr",
                        "{\"properties\":{\"partnerNamespace\":\""
                                + GeoClient.id("grpartner")
                                + "\"}}");
        assertThat(paired.status()).as(paired.body()).isEqualTo(200);
        long writesBefore = sim.writes("/namespaces/graliased/");
        op.create(replication("aliased", "graliased"));

        ServiceBusGeoReplication stalled =
                op.driveUntil("aliased", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));
        assertThat(ReplicationHarness.condition(stalled, "Stalled").get().getMessage())
                .contains("break and delete that pairing first");
        op.awaitMoreReads("graliased", 3);
        assertThat(sim.writes("/namespaces/graliased/")).isEqualTo(writesBefore);
        assertThat(op.updates("graliased")).isZero();
    }

    @Test
    void theLagIsShownAndItsAbsenceExplainedWhileAPromotionStillWorks() {
        geo.seed("grlagged", 150, 100);
        op.create(replication("lag", "grlagged"));
        ServiceBusGeoReplication known =
                op.driveUntil(
                        "lag",
                        30,
                        r ->
                                r.getStatus() != null
                                        && r.getStatus().replicationLag() != null
                                        && r.getStatus().replicationLag().seconds() != null);
        assertThat(known.getStatus().replicationLag().asOf()).isNotBlank();
        assertThat(known.getStatus().replicationLag().entity()).startsWith("queue-");
        try {
            sim.addFaults("{\"metricsForbidden\":true}");
            ServiceBusGeoReplication unknown =
                    op.driveUntil(
                            "lag",
                            30,
                            r ->
                                    r.getStatus().replicationLag() != null
                                            && r.getStatus().replicationLag().message() != null);
            assertThat(unknown.getStatus().replicationLag().seconds()).isNull();
            assertThat(unknown.getStatus().replicationLag().message())
                    .contains("microsoft.insights/metrics/read");
            op.editSpec("lag", s -> s.setPromotionRequested(1));
            ServiceBusGeoReplication promoted =
                    op.driveUntil("lag", 30, r -> r.getStatus().promotion().last() != null);
            assertThat(promoted.getStatus().promotion().last().outcome())
                    .isEqualTo(PromotionOutcome.Succeeded);
            assertThat(op.promotions("grlagged")).isEqualTo(1);
        } finally {
            sim.clearFaults();
        }
    }

    /**
     * Where an operator could die around a promotion, as the status it leaves behind: before the
     * intent (nothing in flight), between the intent and the POST (Intended, ARM never saw it),
     * after the POST but before ARM's answer was kept (Intended, ARM took it), and while polling
     * (Accepted with the operation URL). In every case the request ends Succeeded with exactly one
     * promotion POST in the call log.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // crash point | status left | POST already sent
                "killed before the intent           | none     | false",
                "killed between the intent and POST | Intended | false",
                "killed after the POST, no URL kept | Intended | true",
                "killed while polling the operation | Accepted | true",
            })
    void aRestartedOperatorNeverPromotesTwice(String crash, String left, boolean posted) {
        String ns = "grkill" + left.toLowerCase(java.util.Locale.ROOT) + posted;
        String name = "kill-" + left.toLowerCase(java.util.Locale.ROOT) + "-" + posted;
        geo.seed(ns);
        op.create(replication(name, ns));
        op.awaitReady(name);
        op.awaitMoreReads(ns, 2);

        String url = null;
        if (posted) {
            SimulatorClient.Resp post = geo.failover(GeoClient.id(ns), "northeurope", false);
            assertThat(post.status()).isEqualTo(202);
            url = post.header("Azure-AsyncOperation");
        }
        if (!left.equals("none")) {
            String operationUrl = left.equals("Accepted") ? url : null;
            op.editStatus(
                    name,
                    s ->
                            s.with(
                                    new PromotionStatus(
                                            0L,
                                            new PromotionInFlight(
                                                    1L,
                                                    PromotionMode.Planned,
                                                    "westeurope",
                                                    "northeurope",
                                                    PromotionPhase.valueOf(left),
                                                    operationUrl,
                                                    false,
                                                    "2030-01-01T00:00:00Z",
                                                    "2030-01-01T00:00:00Z"),
                                            null),
                                    s.lastSyncTime(),
                                    s.lastObservedTime()));
        }
        op.editSpec(name, s -> s.setPromotionRequested(1));

        ServiceBusGeoReplication done =
                op.driveUntil(name, 30, r -> r.getStatus().promotion().last() != null);
        assertThat(done.getStatus().promotion().last().outcome())
                .as(crash)
                .isEqualTo(PromotionOutcome.Succeeded);
        assertThat(done.getStatus().primaryLocation()).isEqualTo("northeurope");
        op.awaitMoreReads(ns, 3);
        assertThat(op.promotions(ns)).as(crash + ": one promotion POST in all").isEqualTo(1);
    }

    private void awaitEvent(String name, String reason, String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> hasEvent(name, reason, text));
    }

    private boolean hasEvent(String name, String reason, String text) {
        return client.v1().events().inNamespace(ReplicationHarness.NS).list().getItems().stream()
                .anyMatch(
                        e ->
                                reason.equals(e.getReason())
                                        && name.equals(e.getInvolvedObject().getName())
                                        && e.getMessage().contains(text));
    }
}
