package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoFixtures.memory;
import static dev.geodr.servicebus.georeplication.GeoFixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Geo-Replication planner as a table: every promotion phase against what ARM shows, in both
 * modes, then the replica convergence and deletion rows. Each row names the one action the pass
 * takes and where the request stands after it.
 */
class GeoReplicationPlannerTest {

    private static final NamespaceRef NS = GeoFixtures.NS;
    private static final Instant NOW = GeoFixtures.NOW;
    private static final String URL = GeoFixtures.URL;
    private static final GeoReplicationSettings SETTINGS = GeoReplicationSettings.defaults();
    private final GeoReplicationPlanner planner = new GeoReplicationPlanner(SETTINGS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | ledger | spec mode | spec request | namespace | operation |
                // action | after (phase or outcome) | reason
                "first sight adopts the request, no promotion   | firstSight | Forced  | 3 | eastus      | none    | none          | handled3  | Replicating",
                "nothing requested: steady                      | handled0   | Planned | 0 | eastus      | none    | none          | handled0  | Replicating",
                "Forced request: intent, then the forced POST    | handled0   | Forced  | 1 | eastus      | none    | promoteForced | Intended  | Promoting",
                "Forced, primary region down: the shown secondary | handled0  | Forced  | 1 | unreachable | none    | promoteForced | Intended  | Promoting",
                "Forced, unreadable, no secondary ever shown     | handled0unseen | Forced | 1 | unreachable | none | none          | handled0  | Unreachable",
                "Planned, primary region down: waits             | handled0   | Planned | 1 | unreachable | none    | none          | handled0  | Unreachable",
                "Planned request, gate open: the planned POST    | handled0   | Planned | 1 | eastus      | none    | promotePlanned | Intended | Promoting",
                "Planned request while ARM updates: waits        | handled0   | Planned | 1 | updating    | none    | none          | Waiting   | PromotionWaiting",
                "no secondary to promote: Rejected, nothing sent | handled0   | Planned | 1 | single      | none    | none          | Rejected  | PromotionRejected",
                "waiting Planned escalated before its POST       | waiting    | Forced  | 1 | updating    | none    | promoteForced | Intended  | Promoting",
                "waiting Planned past its start deadline         | waitingOld | Planned | 1 | updating    | none    | none          | Rejected  | PromotionRejected",
                "waiting, promoted by another tool meanwhile     | waiting    | Planned | 1 | westus      | none    | none          | Succeeded | Promoted",
                "waiting, escalated, already promoted: no POST   | waiting    | Forced  | 1 | westus      | none    | none          | Succeeded | Promoted",
                "Intended, the target replica gone: not resent   | intended   | Planned | 1 | single      | none    | none          | Rejected  | PromotionRejected",
                "Intended, the namespace gone: not resent        | intended   | Planned | 1 | missing     | none    | none          | Failed    | PromotionFailed",
                "Intended, ARM shows the promotion done          | intended   | Planned | 1 | westus      | none    | none          | Succeeded | Promoted",
                "Intended, old roles and nothing running: resend | intended   | Planned | 1 | eastus      | none    | promotePlanned | Intended | Promoting",
                "Intended, ARM is updating: it took the POST     | intended   | Planned | 1 | updating    | none    | none          | Intended  | Promoting",
                "Intended, ARM not answering: waits              | intended   | Planned | 1 | unreachable | none    | none          | Intended  | Unreachable",
                "escalation Intended, old roles: no second POST  | escalated  | Forced  | 1 | eastus      | none    | none          | Failed    | PromotionFailed",
                "escalation Intended, ARM updating: waits        | escalated  | Forced  | 1 | updating    | none    | none          | Intended  | Promoting",
                "Accepted, operation running: poll it            | accepted   | Planned | 1 | updating    | running | none          | Accepted  | Promoting",
                "Accepted, operation done and roles swapped      | accepted   | Planned | 1 | westus      | done    | none          | Succeeded | Promoted",
                "Accepted, operation done, roles not yet swapped | accepted   | Planned | 1 | eastus      | done    | none          | Accepted  | Promoting",
                "Accepted, operation Failed: never retried       | accepted   | Planned | 1 | eastus      | failed  | none          | Failed    | PromotionFailed",
                "Accepted, operation gone and old roles          | accepted   | Planned | 1 | eastus      | gone    | none          | Failed    | PromotionFailed",
                "Accepted, operation gone but roles swapped      | accepted   | Planned | 1 | westus      | gone    | none          | Succeeded | Promoted",
                "Accepted Planned escalated: one forced POST     | accepted   | Forced  | 1 | updating    | running | promoteForced | Intended  | Promoting",
                "Accepted Forced: no second forced POST          | acceptedForced | Forced | 1 | updating | running | none          | Accepted  | Promoting",
                "Accepted Forced, ARM not answering: waits       | acceptedForced | Forced | 1 | unreachable | running | none      | Accepted  | Promoting",
                "Accepted past the operation deadline            | acceptedOld | Planned | 1 | updating  | running | none          | Failed    | PromotionFailed",
                "a newer request while one runs waits its turn   | accepted   | Planned | 2 | updating    | running | none          | Accepted  | Promoting",
            })
    void promotion(
            String row,
            String ledger,
            PromotionMode mode,
            long requested,
            String namespace,
            String operation,
            String action,
            String after,
            String reason) {
        ReplicationPlan plan =
                planner.plan(
                        desired(mode, requested, false),
                        memory(ledger),
                        observed(namespace, operation),
                        NOW);

        assertThat(describe(plan.action())).as("action").isEqualTo(action);
        assertThat(where(plan.ledger())).as("after").isEqualTo(after);
        assertThat(plan.verdict().reason()).as("reason").isEqualTo(reason);
        if (plan.action() instanceof ReplicationAction.Promote) {
            assertThat(plan.intent())
                    .as("the intent is written before the POST")
                    .contains(plan.ledger());
        } else {
            assertThat(plan.intent()).as("no intent without a POST").isEmpty();
        }
    }

    @org.junit.jupiter.api.Test
    void aForcedPromotionWithTheNamespaceUnreadableTargetsTheSecondaryLastShown() {
        ReplicationPlan plan =
                planner.plan(
                        desired(PromotionMode.Forced, 1, false),
                        memory("handled0"),
                        observed("unreachable", "none"),
                        NOW);

        ReplicationAction.Promote promote = (ReplicationAction.Promote) plan.action();
        assertThat(promote.toLocation()).isEqualTo("westus");
        PromotionInFlight f = plan.intent().orElseThrow().inFlight().orElseThrow();
        assertThat(f.from()).isEqualTo("eastus");
        assertThat(f.forcedIntended()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | namespace | lag | ready | reason | message contains
                "no secondary yet                          | single        | none      | false | NoSecondary          | no secondary replica",
                "an update runs                            | updating      | none      | false | NamespaceUpdating    | provisioningState Updating",
                "the namespace does not answer             | unreachable   | none      | false | NamespaceUnavailable | cannot be read",
                "synchronous: nothing to catch up          | synchronous   | none      | true  | Ready                | synchronous",
                "asynchronous, lag known, coarsely         | eastus        | 90s       | true  | Ready                | about 2 min behind",
                "lag refused: the promotion still works    | eastus        | forbidden | true  | Ready                | lag is unknown",
                "lag not read this pass                    | eastus        | none      | true  | Ready                | not read",
                "the secondary reports Unavailable         | deadSecondary | none      | false | SecondaryUnavailable | remove that replica",
            })
    void promotionReady(
            String row,
            String namespace,
            String lag,
            boolean ready,
            String reason,
            String message) {
        ReplicationObserved observed = observed(namespace, "none");
        observed =
                switch (lag) {
                    case "90s" ->
                            observed.withLag(
                                    new LagView.Known(Duration.ofSeconds(90), "queue-1", NOW));
                    case "forbidden" -> observed.withLag(new LagView.NotPermitted("403"));
                    default -> observed;
                };
        ReplicationPlan plan =
                planner.plan(
                        desired(PromotionMode.Planned, 0, false),
                        memory("handled0"),
                        observed,
                        NOW);

        assertThat(plan.readiness().ready()).as("ready").isEqualTo(ready);
        assertThat(plan.readiness().reason()).as("reason").isEqualTo(reason);
        assertThat(plan.readiness().message()).as("message").contains(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | reason | deleting | action | health
                "an invalid spec: Stalled, nothing written       | InvalidSpec | false | none    | STALLED",
                "deleted with an invalid spec: let go at once    | Deleting    | true  | release | PROGRESSING",
            })
    void unreadableSpec(String row, String reason, boolean deleting, String action, Health health) {
        ReplicationPlan plan =
                planner.planUnreadableSpec(
                        ReplicationMemory.firstSight(),
                        4,
                        List.of("spec.namespace: is required"),
                        deleting);

        assertThat(describe(plan.action())).as("action").isEqualTo(action);
        assertThat(plan.verdict().health()).as("health").isEqualTo(health);
        assertThat(plan.verdict().reason()).as("reason").isEqualTo(reason);
        assertThat(plan.ledger().lastHandledRequest())
                .as("first sight adopts the raw request even with an invalid spec")
                .isEqualTo(4);
        assertThat(plan.action().writesToArm()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | namespace | spec primary | spec secondary | spec lag | previous secondary |
                // action | health | reason | notice
                "not replicated yet: add the secondary          | plain    | eastus | westus | 300 | -      | setReplicas eastus+westus lag=300 | PROGRESSING | EnablingReplication | -",
                "a partitioned namespace: enabled, with a warning | partitioned | eastus | westus | 300 | - | setReplicas eastus+westus lag=300 | PROGRESSING | EnablingReplication | PreviewFeature",
                "large-message queues: enabled, with a warning  | largeMessages | eastus | westus | 300 | - | setReplicas eastus+westus lag=300 | PROGRESSING | EnablingReplication | LargeMessagesUnsupported",
                "a Standard namespace: nothing written          | standard | eastus | westus | 300 | -      | none | STALLED | InvalidSpec | -",
                "a Geo-DR alias on it: break the pairing first  | alias    | eastus | westus | 300 | -      | none | STALLED | InvalidSpec | -",
                "the spec's primary is not the namespace's home | plain    | westus | centralus | 300 | -   | none | STALLED | InvalidSpec | -",
                "replicating as the spec says                   | eastus   | eastus | westus | 300 | westus | none | READY | Replicating | -",
                "after a promotion the roles stay ARM's         | westus   | eastus | westus | 300 | eastus | none | READY | Replicating | -",
                "the lag changed in the spec                    | eastus   | eastus | westus | 0   | westus | setReplicas eastus+westus lag=0 | PROGRESSING | UpdatingReplicas | -",
                "a replica removed outside the operator         | single   | eastus | westus | 300 | westus | setReplicas eastus+westus lag=300 | PROGRESSING | EnablingReplication | ReplicaRemoved",
                "a region the spec does not name                | eastus   | eastus | centralus | 300 | -   | none | STALLED | InvalidSpec | -",
                "ARM is updating the namespace                  | updating | eastus | westus | 300 | westus | none | PROGRESSING | UpdatingReplicas | -",
                "the secondary reports Unavailable: say so      | deadSecondary | eastus | westus | 300 | eastus | none | STALLED | SecondaryUnavailable | -",
                "Succeeded, but the update sent still runs      | building | eastus | westus | 0   | westus | none | PROGRESSING | UpdatingReplicas | -",
                "the namespace does not exist                   | missing  | eastus | westus | 300 | -      | none | STALLED | NamespaceNotFound | -",
            })
    void replicas(
            String row,
            String namespace,
            String primary,
            String secondary,
            long lag,
            String previousSecondary,
            String action,
            Health health,
            String reason,
            String notice) {
        ReplicationDesired desired =
                new ReplicationDesired(
                        NS, primary, secondary, lag, 0, PromotionMode.Planned, false, false);
        ReplicationMemory memory =
                ReplicationMemory.of(
                        PromotionLedger.adopted(0),
                        previousSecondary.equals("-") ? null : previousSecondary);

        ReplicationPlan plan = planner.plan(desired, memory, observed(namespace, "none"), NOW);

        assertThat(describe(plan.action())).as("action").isEqualTo(action);
        assertThat(plan.verdict().health()).as("health").isEqualTo(health);
        assertThat(plan.verdict().reason()).as("reason").isEqualTo(reason);
        assertThat(plan.notices().stream().map(Notice::reason).findFirst().orElse("-"))
                .as("notice")
                .isEqualTo(notice);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Retain leaves Azure as it is                | false | eastus   | handled0 | release",
                "Delete removes the secondary first          | true  | eastus   | handled0 | setReplicas eastus lag=300",
                "Delete: once it is gone, let go             | true  | single   | handled0 | release",
                "Delete waits while a promotion is in flight | true  | updating | accepted | none",
                "Delete of a namespace that is gone          | true  | missing  | handled0 | release",
            })
    void deletion(
            String row, boolean removeReplica, String namespace, String ledger, String action) {
        ReplicationDesired desired =
                new ReplicationDesired(
                        NS, "eastus", "westus", 300, 1, PromotionMode.Planned, true, removeReplica);

        ReplicationPlan plan =
                planner.plan(desired, memory(ledger), observed(namespace, "running"), NOW);

        assertThat(describe(plan.action())).isEqualTo(action);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "throttled: may have reached ARM, stays Intended | THROTTLED | Intended",
                "no answer: may have reached ARM, stays Intended | TRANSIENT | Intended",
                "refused with 409 before any operation: Rejected | CONFLICT  | Rejected",
                "refused with 400: Rejected, not retried         | FATAL     | Rejected",
            })
    void aFailedPromotionPost(String row, ArmErrorKind kind, String after) {
        ReplicationPlan posted =
                planner.plan(
                        desired(PromotionMode.Forced, 1, false),
                        memory("handled0"),
                        observed("eastus", "none"),
                        NOW);
        assertThat(posted.action()).isInstanceOf(ReplicationAction.Promote.class);

        ReplicationPlan failed = planner.afterActionFailure(posted, kind, "refused", NOW);

        assertThat(failed.action()).isInstanceOf(ReplicationAction.None.class);
        assertThat(where(failed.ledger())).isEqualTo(after);
    }

    @org.junit.jupiter.api.Test
    void anAcceptedPostRecordsTheOperationUrlToPollAfterARestart() {
        ReplicationPlan posted =
                planner.plan(
                        desired(PromotionMode.Planned, 1, false),
                        memory("handled0"),
                        observed("eastus", "none"),
                        NOW);

        ReplicationPlan accepted =
                planner.afterPromotionAccepted(
                        posted, URL, Optional.of(Duration.ofSeconds(25)), NOW);

        PromotionInFlight f = accepted.ledger().inFlight().orElseThrow();
        assertThat(f.phase()).isEqualTo(PromotionPhase.Accepted);
        assertThat(f.operationUrl()).contains(URL);
        assertThat(accepted.requeue().after())
                .as("the first poll waits for ARM's Retry-After")
                .isEqualTo(Duration.ofSeconds(25));
        assertThat(posted.intent().orElseThrow().inFlight().orElseThrow().operationUrl())
                .as("the intent written before the POST has no URL yet")
                .isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anOperationRunningIsPolledAfterItsRetryAfter() {
        ReplicationPlan plan =
                planner.plan(
                        desired(PromotionMode.Planned, 1, false),
                        memory("accepted"),
                        observed("updating", "running"),
                        NOW);

        assertThat(plan.requeue().after()).isEqualTo(Duration.ofSeconds(20));
    }

    // --- the table's words -----------------------------------------------------------------

    private static ReplicationDesired desired(
            PromotionMode mode, long requested, boolean deleting) {
        return new ReplicationDesired(
                NS, "eastus", "westus", 300, requested, mode, deleting, false);
    }

    private static String describe(ReplicationAction action) {
        if (action instanceof ReplicationAction.Promote p) {
            return p.mode() == PromotionMode.Forced ? "promoteForced" : "promotePlanned";
        }
        if (action instanceof ReplicationAction.SetReplicas s) {
            return "setReplicas "
                    + s.primaryLocation()
                    + s.secondaryLocation().map(x -> "+" + x).orElse("")
                    + " lag="
                    + s.maxReplicationLagSeconds();
        }
        return action instanceof ReplicationAction.ReleaseFinalizer ? "release" : "none";
    }

    /** Where the request stands: its phase in flight, else the last outcome, else handledN. */
    private static String where(PromotionLedger ledger) {
        if (ledger.inFlight().isPresent()) {
            return ledger.inFlight().get().phase().name();
        }
        return ledger.last()
                .filter(l -> l.request() == ledger.lastHandledRequest())
                .map(l -> l.outcome().name())
                .orElse("handled" + ledger.lastHandledRequest());
    }
}
