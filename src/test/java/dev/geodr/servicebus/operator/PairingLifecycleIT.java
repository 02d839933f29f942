package dev.geodr.servicebus.operator;

import static dev.geodr.servicebus.operator.OperatorHarness.hasReason;
import static dev.geodr.servicebus.operator.OperatorHarness.isTrue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FailoverInFlight;
import dev.geodr.servicebus.api.v1alpha1.FailoverMode;
import dev.geodr.servicebus.api.v1alpha1.FailoverOutcome;
import dev.geodr.servicebus.api.v1alpha1.FailoverPhase;
import dev.geodr.servicebus.api.v1alpha1.SecretReference;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator end to end on the Kubernetes mock API server, talking through the real Azure SDK
 * over HTTPS to the embedded simulator on a manual clock. Every failover test counts the
 * simulator's {@code failover} POSTs. Each test uses its own namespaces, so tests do not see each
 * other's state.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
class PairingLifecycleIT {

    @Inject KubernetesClient client;

    @Inject SimulatorLauncher launcher;

    SimulatorClient sim;
    OperatorHarness op;

    @BeforeEach
    void setUp() {
        SimulatorLauncher.Endpoint endpoint = launcher.endpoint();
        sim = SimulatorClient.connect(endpoint.baseUri(), endpoint.certificate());
        op = new OperatorHarness(client, sim);
    }

    private void namespaces(String prefix, int primaryEntities) {
        sim.putNamespace(
                OperatorHarness.ref(prefix + "-weu"), OperatorHarness.premium(primaryEntities));
        sim.putNamespace(OperatorHarness.ref(prefix + "-neu"), OperatorHarness.premium(0));
    }

    private ServiceBusGeoPairing pairAndWait(String name) {
        namespaces(name, 0);
        op.create(op.pairing(name, name + "-weu", name + "-neu"));
        return op.awaitReady(name);
    }

    @Test
    void pairsFailsOverExactlyOnceAndFollowsTheSwappedSpec() {
        ServiceBusGeoPairing ready = pairAndWait("life");
        assertThat(ready.getStatus().getRole()).isEqualTo("Primary");
        assertThat(ready.getStatus().getActiveNamespaceName()).isEqualTo("life-weu");
        assertThat(ready.getStatus().getFailover().getLastHandledRequest()).isZero();
        assertThat(sim.count("/life-weu/", "put")).as("one PUT creates the pairing").isEqualTo(1);

        op.editSpec("life", s -> s.setFailoverRequested(1));
        ServiceBusGeoPairing failedOver =
                op.driveUntil("life", 20, cr -> cr.getStatus().getFailover().getLast() != null);
        assertThat(failedOver.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Succeeded);
        assertThat(failedOver.getStatus().getActiveNamespaceName()).isEqualTo("life-neu");
        assertThat(hasReason(failedOver, "Stalled", "FailedOver")).isTrue();
        assertThat(OperatorHarness.condition(failedOver, "Stalled").get().getMessage())
                .contains("set spec.primaryNamespace to " + OperatorHarness.id("life-neu"));

        // More passes must not fail over again.
        sim.advance(60);
        op.awaitMoreReads("/life-", 4);
        assertThat(sim.count("/life-neu/", "failover"))
                .as("exactly one failover POST, on the partner")
                .isEqualTo(1);
        assertThat(sim.count("/life-weu/", "failover")).isZero();

        // Swap the spec: the old primary (now empty of the alias) becomes the partner; re-paired.
        op.editSpec(
                "life",
                s -> {
                    s.setPrimaryNamespace(OperatorHarness.id("life-neu"));
                    s.setPartnerNamespace(OperatorHarness.id("life-weu"));
                });
        ServiceBusGeoPairing repaired = op.awaitReady("life");
        assertThat(repaired.getStatus().getActiveNamespaceName()).isEqualTo("life-neu");
        assertThat(repaired.getStatus().getPartner().getRole()).isEqualTo("Secondary");
        assertThat(sim.count("/life-neu/", "failover")).isEqualTo(1);
    }

    @Test
    void aSafeFailoverAcrossSubscriptionsIsRejectedWithoutAPost() {
        String otherSub = "33333333-3333-3333-3333-333333333333";
        sim.putNamespace(OperatorHarness.ref("xsub-weu"), OperatorHarness.premium(0));
        sim.putNamespace(otherSub, OperatorHarness.RG, "xsub-neu", OperatorHarness.premium(0));
        ServiceBusGeoPairing cr = op.pairing("xsub", "xsub-weu", "xsub-neu");
        cr.getSpec()
                .setPartnerNamespace(
                        SimulatorClient.nsId(otherSub, OperatorHarness.RG, "xsub-neu"));
        op.create(cr);

        ServiceBusGeoPairing ready = op.awaitReady("xsub");
        assertThat(OperatorHarness.condition(ready, "FailoverReady").get().getReason())
                .as("a Safe failover is never ready across subscriptions")
                .isEqualTo("CrossSubscription");

        op.editSpec("xsub", s -> s.setFailoverRequested(1));
        ServiceBusGeoPairing rejected =
                op.driveUntil("xsub", 20, r -> r.getStatus().getFailover().getLast() != null);
        assertThat(rejected.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Rejected);
        assertThat(rejected.getStatus().getFailover().getLast().getMessage())
                .contains("different subscriptions")
                .contains("a Forced one works");
        op.awaitMoreReads("/xsub-", 4);
        assertThat(sim.count("/xsub-", "failover")).as("nothing was sent").isZero();
    }

    @Test
    void outOfBandFailoverIsDetectedAndReported() {
        pairAndWait("oob");
        assertThat(
                        sim.arm(
                                        "POST",
                                        OperatorHarness.id("oob-neu"),
                                        "/disasterRecoveryConfigs/oob/failover",
                                        null)
                                .status())
                .isEqualTo(200);
        ServiceBusGeoPairing cr =
                op.driveUntil("oob", 30, r -> hasReason(r, "Stalled", "FailedOver"));
        assertThat(cr.getStatus().getActiveNamespaceName()).isEqualTo("oob-neu");
        assertThat(cr.getStatus().getFailover().getLastHandledRequest()).isZero();
        assertThat(sim.count("/oob-neu/", "failover")).as("only the out-of-band POST").isEqualTo(1);
        awaitEvent("oob", "OutOfBandFailover", "");
    }

    @Test
    void forcedFailoverWorksWithThePrimaryRegionDown() {
        pairAndWait("forced");
        sim.addFaults("{\"unreachable\":\"" + OperatorHarness.id("forced-weu") + "\"}");
        try {
            op.editSpec(
                    "forced",
                    s -> {
                        s.setFailoverMode(FailoverMode.Forced);
                        s.setFailoverRequested(1);
                    });
            ServiceBusGeoPairing cr =
                    op.driveUntil("forced", 20, r -> r.getStatus().getFailover().getLast() != null);
            assertThat(cr.getStatus().getFailover().getLast().getOutcome())
                    .isEqualTo(FailoverOutcome.Succeeded);
            assertThat(cr.getStatus().getPrimary().getReachable()).isFalse();
            assertThat(sim.count("/forced-neu/", "failover")).isEqualTo(1);
        } finally {
            sim.clearFaults();
        }
    }

    @Test
    void safeFailoverWaitsForReplicationThenFailsAtTheTimeout() {
        pairAndWait("safe");
        sim.putNamespace(OperatorHarness.ref("safe-weu"), OperatorHarness.premium(100_000));
        op.driveUntil(
                "safe",
                1,
                r ->
                        r.getStatus().getPendingReplicationOperationsCount() != null
                                && r.getStatus().getPendingReplicationOperationsCount() > 0);
        op.editSpec("safe", s -> s.setFailoverRequested(1));
        op.driveUntil(
                "safe",
                0,
                r ->
                        r.getStatus().getFailover().getInFlight() != null
                                || r.getStatus().getFailover().getLast() != null);
        ServiceBusGeoPairing failed =
                op.driveUntil("safe", 0, r -> r.getStatus().getFailover().getLast() != null);
        assertThat(failed.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Failed);
        assertThat(failed.getStatus().getFailover().getLast().getMessage())
                .contains("replication is pending");
        assertThat(failed.getStatus().getFailover().getLastHandledRequest()).isEqualTo(1);
        assertThat(sim.count("/safe-", "failover"))
                .as("a Safe request never POSTs while replication is pending")
                .isZero();
    }

    @Test
    void requestWithNothingToFailOverIsRejected() {
        pairAndWait("rej");
        assertThat(
                        sim.arm(
                                        "POST",
                                        OperatorHarness.id("rej-weu"),
                                        "/disasterRecoveryConfigs/rej/breakPairing",
                                        null)
                                .status())
                .isEqualTo(200);
        op.editSpec("rej", s -> s.setFailoverRequested(1));
        ServiceBusGeoPairing cr =
                op.driveUntil("rej", 30, r -> r.getStatus().getFailover().getLast() != null);
        assertThat(cr.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Rejected);
        assertThat(sim.count("/rej-", "failover")).isZero();
        // The operator then repairs the pairing that was broken out of band.
        op.awaitReady("rej");
    }

    @Test
    void restartAfterTheFailoverPostNeverSendsASecondOne() {
        pairAndWait("crash");
        // The operator wrote Intended, sent the POST, and died before recording Issued.
        assertThat(
                        sim.arm(
                                        "POST",
                                        OperatorHarness.id("crash-neu"),
                                        "/disasterRecoveryConfigs/crash/failover",
                                        null)
                                .status())
                .isEqualTo(200);
        writeIntended("crash");
        op.editSpec("crash", s -> s.setFailoverRequested(1));
        ServiceBusGeoPairing cr =
                op.driveUntil("crash", 20, r -> r.getStatus().getFailover().getLast() != null);
        assertThat(cr.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Succeeded);
        assertThat(sim.count("/crash-neu/", "failover"))
                .as("the POST made before the crash is the only one")
                .isEqualTo(1);
    }

    @Test
    void restartAfterWritingIntentButBeforeThePostSendsItOnce() {
        pairAndWait("intent");
        // The operator wrote Intended and died before the POST: ARM still shows a steady Secondary.
        writeIntended("intent");
        op.editSpec("intent", s -> s.setFailoverRequested(1));
        ServiceBusGeoPairing cr =
                op.driveUntil("intent", 20, r -> r.getStatus().getFailover().getLast() != null);
        assertThat(cr.getStatus().getFailover().getLast().getOutcome())
                .isEqualTo(FailoverOutcome.Succeeded);
        assertThat(sim.count("/intent-neu/", "failover"))
                .as("the intended POST is sent exactly once")
                .isEqualTo(1);
    }

    @Test
    void aPerResourceCredentialIsUsedWhenItsSecretIsComplete() {
        namespaces("sp", 0);
        client.secrets()
                .inNamespace("default")
                .resource(
                        new SecretBuilder()
                                .withNewMetadata()
                                .withName("sp-credentials")
                                .endMetadata()
                                .addToStringData(
                                        "AZURE_TENANT_ID", "00000000-0000-0000-0000-0000000000aa")
                                .addToStringData(
                                        "AZURE_CLIENT_ID", "00000000-0000-0000-0000-0000000000bb")
                                .addToStringData("AZURE_CLIENT_SECRET", "not-a-real-secret")
                                .build())
                .create();
        var cr = op.pairing("sp", "sp-weu", "sp-neu");
        var ref = new SecretReference();
        ref.setName("sp-credentials");
        cr.getSpec().setCredentialsSecretRef(ref);
        op.create(cr);
        assertThat(isTrue(op.awaitReady("sp"), "Ready")).isTrue();
        assertThat(sim.count("/sp-weu/", "put")).isEqualTo(1);
    }

    @Test
    void retainLeavesTheAliasInAzure() {
        pairAndWait("keep");
        // A steady pairing is polled (GETs) and never written to.
        long writes = sim.writes("/keep-");
        op.awaitMoreReads("/keep-", 4);
        assertThat(sim.writes("/keep-")).as("no ARM write in two more passes").isEqualTo(writes);

        client.resources(ServiceBusGeoPairing.class)
                .inNamespace("default")
                .withName("keep")
                .delete();
        await().atMost(Duration.ofSeconds(20)).until(() -> op.get("keep") == null);
        assertThat(
                        sim.arm(
                                        "GET",
                                        OperatorHarness.id("keep-weu"),
                                        "/disasterRecoveryConfigs/keep",
                                        null)
                                .status())
                .isEqualTo(200);
        assertThat(sim.count("/keep-", "breakPairing") + sim.count("/keep-", "delete")).isZero();
    }

    @Test
    void deletePolicyBreaksAndDeletesTheAlias() {
        namespaces("drop", 0);
        var cr = op.pairing("drop", "drop-weu", "drop-neu");
        cr.getSpec().setDeletionPolicy(DeletionPolicy.Delete);
        op.create(cr);
        op.awaitReady("drop");
        client.resources(ServiceBusGeoPairing.class)
                .inNamespace("default")
                .withName("drop")
                .delete();
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
    }

    @Test
    void invalidSpecsAreStalledWithoutAnyArmWrite() {
        sim.putNamespace(OperatorHarness.ref("bad-weu"), OperatorHarness.premium(0));
        sim.putNamespace(
                OperatorHarness.ref("bad-neu"),
                "{\"sku\":\"" + "Standard" + "\",\"partitions\":" + 1 + "}");
        op.create(op.pairing("bad", "bad-weu", "bad-neu"));
        ServiceBusGeoPairing notPremium =
                op.driveUntil("bad", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));
        assertThat(OperatorHarness.condition(notPremium, "Stalled").get().getMessage())
                .contains("spec.partnerNamespace")
                .contains("Premium");

        op.create(op.pairing("ghost", "ghost-weu", "ghost-neu"));
        ServiceBusGeoPairing missing =
                op.driveUntil("ghost", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));
        assertThat(OperatorHarness.condition(missing, "Stalled").get().getMessage())
                .contains("spec.primaryNamespace");

        sim.putNamespace(OperatorHarness.ref("creds-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("creds-neu"), OperatorHarness.premium(0));
        var withCreds = op.pairing("creds", "creds-weu", "creds-neu");
        var ref = new SecretReference();
        ref.setName("no-such-secret");
        withCreds.getSpec().setCredentialsSecretRef(ref);
        op.create(withCreds);
        ServiceBusGeoPairing noSecret =
                op.driveUntil("creds", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));
        assertThat(OperatorHarness.condition(noSecret, "Stalled").get().getMessage())
                .contains("spec.credentialsSecretRef");

        assertThat(sim.writes("/bad-")).isZero();
        assertThat(sim.writes("/ghost-")).isZero();
        assertThat(sim.calls("/creds-")).as("not even a read without credentials").isEmpty();
    }

    @Test
    void aPartnerAlreadyInAnotherConfigurationIsStalledWithoutAnyWrite() {
        sim.putNamespace(OperatorHarness.ref("taken-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("taken-neu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("taken-xyz"), OperatorHarness.premium(0));
        // Out of band: taken-neu becomes the Secondary of another alias, as the portal would do it.
        assertThat(
                        sim.arm(
                                        "PUT",
                                        OperatorHarness.id("taken-xyz"),
                                        "/disasterRecoveryConfigs/taken-other",
                                        "{\"properties\":{\"partnerNamespace\":\""
                                                + OperatorHarness.id("taken-neu")
                                                + "\"}}")
                                .status())
                .isEqualTo(200);

        op.create(op.pairing("taken", "taken-weu", "taken-neu"));
        ServiceBusGeoPairing cr =
                op.driveUntil("taken", 0, r -> hasReason(r, "Stalled", "InvalidSpec"));

        assertThat(OperatorHarness.condition(cr, "Stalled").get().getMessage())
                .contains(
                        "spec.partnerNamespace: namespace taken-neu already holds alias \"taken-other\"",
                        "a namespace belongs to at most one Geo-DR configuration");
        assertThat(sim.writes("/taken-weu")).as("no PUT on the primary").isZero();
        assertThat(sim.writes("/taken-neu")).isZero();
        assertThat(sim.count("/taken-neu/", "list"))
                .as("the partner's aliases were listed")
                .isPositive();
        awaitEvent("taken", "InvalidSpec", "taken-other");
    }

    @Test
    void anIdWithLowerCaseKeywordsPairsEndToEnd() {
        namespaces("lower", 0);
        var cr = op.pairing("lower", "lower-weu", "lower-neu");
        cr.getSpec()
                .setPartnerNamespace(
                        OperatorHarness.id("lower-neu")
                                .replace("resourceGroups", "resourcegroups")
                                .replace("Microsoft.ServiceBus", "MICROSOFT.SERVICEBUS"));
        op.create(cr);

        ServiceBusGeoPairing ready = op.awaitReady("lower");

        assertThat(ready.getStatus().getActiveNamespaceName()).isEqualTo("lower-weu");
        assertThat(sim.count("/lower-weu/", "put")).isEqualTo(1);
    }

    @Test
    void throttlingStormCausesNoDuplicateWrites() {
        namespaces("storm", 0);
        sim.addFaults(
                "{\"failNext\":{\"operation\":\"put\",\"count\":3,\"status\":429,\"code\":\"TooManyRequests\","
                        + "\"message\":\"storm\",\"retryAfterSeconds\":1}}");
        op.create(op.pairing("storm", "storm-weu", "storm-neu"));
        op.driveUntil("storm", 0, r -> hasReason(r, "Reconciling", "Throttled"));
        op.awaitReady("storm");
        assertThat(
                        sim.calls("/storm-weu/").stream()
                                .filter(c -> c.method().equals("PUT") && c.status() == 200)
                                .count())
                .as("one successful PUT")
                .isEqualTo(1);
        assertThat(sim.count("/storm-weu/", "put"))
                .as("no more than the throttled attempts plus one")
                .isLessThanOrEqualTo(4);
        assertThat(isTrue(op.get("storm"), "Ready")).isTrue();
    }

    /** What a crashed operator leaves behind: request 1 recorded as Intended, from -weu to -neu. */
    private void writeIntended(String name) {
        var inFlight = new FailoverInFlight();
        inFlight.setRequest(1L);
        inFlight.setMode(FailoverMode.Safe);
        inFlight.setFrom(OperatorHarness.id(name + "-weu"));
        inFlight.setTo(OperatorHarness.id(name + "-neu"));
        inFlight.setPhase(FailoverPhase.Intended);
        inFlight.setStartedAt("2026-11-22T00:00:00Z");
        OperatorHarness.retryOnConflict(
                () ->
                        client.resources(ServiceBusGeoPairing.class)
                                .inNamespace("default")
                                .withName(name)
                                .editStatus(
                                        r -> {
                                            r.getStatus().getFailover().setInFlight(inFlight);
                                            return r;
                                        }));
    }

    /**
     * Waits until the pairing has an Event with this reason whose message contains {@code text}.
     */
    private void awaitEvent(String pairing, String reason, String text) {
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                client
                                        .v1()
                                        .events()
                                        .inNamespace("default")
                                        .list()
                                        .getItems()
                                        .stream()
                                        .anyMatch(
                                                e ->
                                                        reason.equals(e.getReason())
                                                                && pairing.equals(
                                                                        e.getInvolvedObject()
                                                                                .getName())
                                                                && e.getMessage().contains(text)));
    }
}
