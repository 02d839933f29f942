package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.arm.AliasRole.Primary;
import static dev.geodr.servicebus.arm.AliasRole.Secondary;
import static dev.geodr.servicebus.arm.ProvisioningState.Accepted;
import static dev.geodr.servicebus.arm.ProvisioningState.Succeeded;
import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which namespace the alias resolves to (status.activeNamespace), per what both sides show and what
 * status last reported. Inputs are built inside the test so every pass reads them fresh.
 */
class ActiveNamespaceTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    record Row(Supplier<Memory> memory, Supplier<Observed> observed, NamespaceRef active) {}

    private static Arguments r(
            String name, Supplier<Memory> m, Supplier<Observed> o, NamespaceRef active) {
        return Arguments.of(Named.of(name, new Row(m, o, active)));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                r(
                        "the primary holds the alias as Primary",
                        () -> Memory.of(FailoverMemory.adopted(0), NEU),
                        () -> Observed.of(primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU)),
                        WEU),
                r(
                        "the primary holds it as Primary/Accepted, the partner shows nothing yet",
                        Memory::firstSight,
                        () -> Observed.of(rec(WEU, Primary, Accepted, NEU), absent()),
                        WEU),
                r(
                        "the primary holds it as PrimaryNotReplicating",
                        () -> Memory.of(FailoverMemory.adopted(0), NEU),
                        () ->
                                Observed.of(pnr(WEU, Succeeded), absent())
                                        .withInfo(premium(WEU, 0), premium(NEU, 0)),
                        WEU),
                r(
                        "the partner holds it as PrimaryNotReplicating (failed over)",
                        () -> Memory.of(FailoverMemory.adopted(0), WEU),
                        () -> Observed.of(absent(), pnr(NEU, Succeeded)),
                        NEU),
                r(
                        "the partner holds it as Primary of its own pairing",
                        () -> Memory.of(FailoverMemory.adopted(0), WEU),
                        () -> Observed.of(absent(), primaryPaired(NEU, FRC, 0)),
                        NEU),
                r(
                        "the primary is unreachable but the partner is still its Secondary",
                        () -> Memory.of(FailoverMemory.adopted(0), NEU),
                        () -> Observed.of(unreachable(), secondaryPaired(NEU, WEU)),
                        WEU),
                r(
                        "both unreachable: what status last said",
                        () -> Memory.of(FailoverMemory.adopted(0), NEU),
                        () -> Observed.of(unreachable(), unreachable()),
                        NEU),
                r(
                        "the primary shows Secondary (spec swapped): what status last said",
                        () -> Memory.of(FailoverMemory.adopted(0), FRC),
                        () -> Observed.of(rec(WEU, Secondary, Succeeded, NEU), absent()),
                        FRC),
                r(
                        "nothing anywhere and nothing remembered: unknown",
                        () -> Memory.of(FailoverMemory.adopted(0), null),
                        () ->
                                Observed.of(absent(), absent())
                                        .withInfo(premium(WEU, 0), premium(NEU, 0)),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void active(Row row) {
        Plan plan = planner.plan(desired(WEU, NEU), row.memory().get(), row.observed().get(), NOW);
        assertThat(plan.active()).isEqualTo(Optional.ofNullable(row.active()));
    }

    @Test
    void aSpecProblemStallsBeforeArmOrAFailoverIsTouched() {
        Plan plan =
                planner.plan(
                        withRequest(desired(WEU, NEU), 1, FailoverMode.Forced),
                        steady(0),
                        Observed.of(primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU))
                                .withSpecProblems(
                                        List.of(
                                                "spec.credentialsSecretRef: Secret creds not found",
                                                "spec.credentialsSecretRef: key clientId missing")),
                        NOW);
        assertThat(plan.action()).isEqualTo(new Action.None());
        assertThat(plan.verdict())
                .isEqualTo(
                        Verdict.stalled(
                                Reasons.INVALID_SPEC,
                                "spec.credentialsSecretRef: Secret creds not found;"
                                        + " spec.credentialsSecretRef: key clientId missing"));
        assertThat(plan.memory())
                .as("the request is not taken")
                .isEqualTo(FailoverMemory.adopted(0));
        assertThat(plan.requeue()).isEqualTo(new Requeue(SETTINGS.steadyPoll(), true));
        assertThat(plan.active()).contains(WEU);
    }

    @Test
    void defaultSettingsAreTheDocumentedOnes() {
        // README, Configuration: geodr.poll.fast/pending/steady, geodr.failover.*-timeout
        PlannerSettings defaults = PlannerSettings.defaults();
        assertThat(defaults.fastPoll()).hasSeconds(10);
        assertThat(defaults.pendingPoll()).hasSeconds(30);
        assertThat(defaults.steadyPoll()).hasMinutes(5);
        assertThat(defaults.safeFailoverTimeout()).hasMinutes(10);
        assertThat(defaults.issuedTimeout()).hasMinutes(15);
        assertThat(new PairingPlanner(defaults).settings()).isSameAs(defaults);
    }
}
