package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.ProvisioningState;
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
}
