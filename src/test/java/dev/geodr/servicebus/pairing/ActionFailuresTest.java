package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a failed ARM call does to the plan: the error class decides the memory, the reason and the
 * wait.
 */
class ActionFailuresTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    private Plan failoverPlan(FailoverMode mode) {
        Plan plan =
                planner.plan(
                        withRequest(desired(WEU, NEU), 1, mode),
                        steady(0),
                        Observed.of(primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU)),
                        NOW);
        assertThat(plan.action()).isInstanceOf(Action.Failover.class);
        return plan;
    }

    @ParameterizedTest(name = "{0} {1} → phase {2}, outcome {3}, reason {4}")
    @CsvSource({
        "Safe,   TRANSIENT, Intended, ,       AzureError",
        "Forced, TRANSIENT, Intended, ,       AzureError",
        "Safe,   THROTTLED, Intended, ,       Throttled",
        "Safe,   CONFLICT,  Waiting,  ,       ReplicationPending",
        "Forced, CONFLICT,  ,         Failed, FailoverFailed",
        "Safe,   FATAL,     ,         Failed, FailoverFailed",
        "Forced, NOT_FOUND, ,         Failed, FailoverFailed",
    })
    void failedFailoverPost(
            FailoverMode mode,
            ArmErrorKind kind,
            FailoverPhase phase,
            FailoverOutcome outcome,
            String reason) {
        Plan after =
                planner.afterActionFailure(failoverPlan(mode), kind, "boom", Optional.empty(), NOW);

        assertThat(after.action()).isEqualTo(new Action.None());
        assertThat(after.verdict().reason()).isEqualTo(reason);
        if (phase != null) {
            assertThat(after.memory().inFlight())
                    .get()
                    .extracting(FailoverInFlight::phase)
                    .isEqualTo(phase);
            assertThat(after.memory().lastHandledRequest()).isZero();
        } else {
            assertThat(after.memory().inFlight()).isEmpty();
            assertThat(after.memory().lastHandledRequest())
                    .as("a failed request is handled, never retried")
                    .isEqualTo(1);
            assertThat(after.memory().last())
                    .get()
                    .extracting(FailoverResult::outcome)
                    .isEqualTo(outcome);
        }
    }

    @Test
    void throttledCallWaitsForRetryAfter() {
        Plan create =
                planner.plan(
                        desired(WEU, NEU),
                        steady(0),
                        Observed.of(absent(), absent()).withInfo(premium(WEU, 0), premium(NEU, 0)),
                        NOW);
        Plan after =
                planner.afterActionFailure(
                        create,
                        ArmErrorKind.THROTTLED,
                        "429",
                        Optional.of(Duration.ofSeconds(37)),
                        NOW);
        assertThat(after.requeue().after()).isEqualTo(Duration.ofSeconds(37));
        assertThat(after.verdict().reason()).isEqualTo(Reasons.THROTTLED);
        assertThat(after.verdict().health()).isEqualTo(Health.PROGRESSING);
    }

    @Test
    void refusedPutIsStalledWithArmsMessage() {
        Plan create =
                planner.plan(
                        desired(WEU, NEU),
                        steady(0),
                        Observed.of(absent(), absent()).withInfo(premium(WEU, 0), premium(NEU, 0)),
                        NOW);
        Plan after =
                planner.afterActionFailure(
                        create,
                        ArmErrorKind.CONFLICT,
                        "Alias 'orders' is not availble, please use a different name.",
                        Optional.empty(),
                        NOW);
        assertThat(after.verdict().health()).isEqualTo(Health.STALLED);
        assertThat(after.verdict().message()).contains("not availble");
    }

    @Test
    void namespaceInfoIsReadOnlyWhenAPutMayFollow() {
        var d = desired(WEU, NEU);
        assertThat(PairingPlanner.needsNamespaceInfo(d, absent(), absent())).isTrue();
        assertThat(
                        PairingPlanner.needsNamespaceInfo(
                                d, pnr(WEU, ProvisioningState.Succeeded), absent()))
                .isTrue();
        assertThat(
                        PairingPlanner.needsNamespaceInfo(
                                d, primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU)))
                .as("steady pairing costs two GETs")
                .isFalse();
        assertThat(
                        PairingPlanner.needsNamespaceInfo(
                                d,
                                rec(WEU, AliasRole.Primary, ProvisioningState.Accepted, NEU),
                                absent()))
                .isFalse();
        assertThat(PairingPlanner.needsNamespaceInfo(deleting(d, true), absent(), absent()))
                .isFalse();
        assertThat(
                        PairingPlanner.needsNamespaceInfo(
                                desired(WEU, FRC), primaryPaired(WEU, NEU, 0), absent()))
                .as("a break for a new partner is judged by preflight first")
                .isTrue();
    }

    @Test
    void aliasesAreListedOnlyOnASideWithoutOurRecord() {
        var d = desired(WEU, NEU);
        assertThat(PairingPlanner.needsAliasList(d, absent(), absent(), absent())).isTrue();
        SideView pnr = pnr(WEU, ProvisioningState.Succeeded);
        assertThat(PairingPlanner.needsAliasList(d, pnr, absent(), pnr))
                .as("the primary holds our alias, so no other")
                .isFalse();
        assertThat(PairingPlanner.needsAliasList(d, pnr, absent(), absent())).isTrue();
        SideView paired = primaryPaired(WEU, NEU, 0);
        SideView secondary = secondaryPaired(NEU, WEU);
        assertThat(PairingPlanner.needsAliasList(d, paired, secondary, secondary))
                .as("steady state lists nothing")
                .isFalse();
    }

    // --- added for mutation testing (docs/mutation.md): what the user reads after a failed call

    private static Plan planFor(Action action) {
        return Plan.act(
                        action,
                        FailoverMemory.adopted(4),
                        Verdict.progressing(Reasons.PAIRING, "before the call"),
                        new Requeue(SETTINGS.fastPoll(), false),
                        Optional.of(WEU))
                .withNotice(Notice.normal(Reasons.FAILOVER_ADOPTED, "adopted"));
    }

    private static Action action(String kind) {
        return switch (kind) {
            case "create" -> new Action.CreatePairing(WEU, NEU, "orders", Optional.empty());
            case "break" -> new Action.BreakPairing(WEU, "orders");
            case "delete" -> new Action.DeleteAlias(NEU, "orders");
            case "failoverWithoutIntent" -> new Action.Failover(NEU, "orders", FailoverMode.Safe);
            case "release" -> new Action.ReleaseFinalizer();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}: {4}")
    @CsvSource(
            delimiter = '|',
            value = {
                "create  | TRANSIENT | PROGRESSING | AzureError | creating the pairing on orders-weu failed and will be retried after a fresh observation: boom | 10000 | false",
                "break   | NOT_FOUND | PROGRESSING | AzureError | breaking the pairing on orders-weu failed and will be retried after a fresh observation: boom | 10000 | false",
                "break   | THROTTLED | PROGRESSING | Throttled  | ARM is throttling requests; breaking the pairing on orders-weu will be retried: boom | 2500 | true",
                "delete  | CONFLICT  | STALLED     | AzureError | deleting the alias on orders-neu was refused by ARM: boom | 300000 | true",
                "delete  | FATAL     | STALLED     | AzureError | deleting the alias on orders-neu was refused by ARM: boom | 300000 | true",
                "failoverWithoutIntent | FATAL | STALLED | AzureError | failing over on orders-neu was refused by ARM: boom | 300000 | true",
                "release | TRANSIENT | PROGRESSING | AzureError | the ARM call failed and will be retried after a fresh observation: boom | 10000 | false",
            })
    void failedCall(
            String kind,
            ArmErrorKind error,
            Health health,
            String reason,
            String message,
            long requeueMillis,
            boolean jitter) {
        Plan before = planFor(action(kind));
        Plan after = planner.afterActionFailure(before, error, "boom", Optional.empty(), NOW);

        assertThat(after.action()).as("nothing more this pass").isEqualTo(new Action.None());
        assertThat(after.intent()).isEmpty();
        assertThat(after.verdict()).isEqualTo(new Verdict(health, reason, message));
        assertThat(after.requeue())
                .isEqualTo(new Requeue(Duration.ofMillis(requeueMillis), jitter));
        assertThat(after.memory()).as("memory kept").isEqualTo(before.memory());
        assertThat(after.active()).isEqualTo(before.active());
        assertThat(after.notices()).isEqualTo(before.notices());
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Safe   | TRANSIENT | failover request 1 POST did not complete (boom); ARM's state decides on the next pass whether it was applied | 10 | false",
                "Safe   | THROTTLED | failover request 1 POST did not complete (boom); ARM's state decides on the next pass whether it was applied | 37 | true",
                "Safe   | CONFLICT  | Safe failover request 1 was refused by ARM and waits: boom | 300 | true",
                "Forced | CONFLICT  | failover request 1 refused by ARM: boom | 10 | false",
                "Safe   | FATAL     | failover request 1 failed in ARM: boom | 10 | false",
            })
    void failedFailoverPostTellsWhatHappens(
            FailoverMode mode,
            ArmErrorKind kind,
            String message,
            long requeueSeconds,
            boolean jitter) {
        Plan plan = failoverPlan(mode);
        Plan after =
                planner.afterActionFailure(
                        plan,
                        kind,
                        "boom",
                        Optional.of(Duration.ofSeconds(37)),
                        NOW.plusSeconds(2));

        assertThat(after.verdict().health()).isEqualTo(Health.PROGRESSING);
        assertThat(after.verdict().message()).isEqualTo(message);
        assertThat(after.requeue())
                .isEqualTo(new Requeue(Duration.ofSeconds(requeueSeconds), jitter));
        assertThat(after.intent()).isEmpty();
        assertThat(after.active()).isEqualTo(plan.active());
        if (after.memory().inFlight().isEmpty()) {
            FailoverResult last = after.memory().last().orElseThrow();
            assertThat(last.message()).isEqualTo(message);
            assertThat(last.mode()).isEqualTo(mode);
            assertThat(last.from()).isEqualTo(WEU);
            assertThat(last.to()).isEqualTo(NEU);
            assertThat(last.startedAt()).isEqualTo(NOW);
            assertThat(last.completedAt()).isEqualTo(NOW.plusSeconds(2));
            assertThat(after.notices())
                    .containsExactly(
                            Notice.warning(Reasons.FAILOVER_FAILED, "Failover " + message));
        } else {
            assertThat(after.notices()).isEmpty();
        }
    }

    @Test
    void aSafeFailoverRefusedByArmWaitsAgainFromNowButKeepsItsStart() {
        Plan after =
                planner.afterActionFailure(
                        failoverPlan(FailoverMode.Safe),
                        ArmErrorKind.CONFLICT,
                        "replication in progress",
                        Optional.empty(),
                        NOW.plusSeconds(3));
        FailoverInFlight waiting = after.memory().inFlight().orElseThrow();
        assertThat(waiting.phase()).isEqualTo(FailoverPhase.Waiting);
        assertThat(waiting.phaseSince()).isEqualTo(NOW.plusSeconds(3));
        assertThat(waiting.startedAt())
                .as("the Safe timeout still counts from here")
                .isEqualTo(NOW);
    }
}
