package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec the operator cannot read: nothing is sent to Azure, deleting lets the resource go, and
 * first sight adopts the raw {@code spec.failoverRequested} so fixing the spec never fails over.
 */
class UnreadableSpecTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    @ParameterizedTest(name = "first sight, raw failoverRequested {0}, deleting {1}")
    @CsvSource({
        "0,  false, 0",
        "3,  false, 3",
        "-2, false, 0",
        "3,  true,  3",
    })
    void firstSightAdoptsTheRawRequest(long raw, boolean deleting, long adopted) {
        Plan plan =
                planner.planUnreadableSpec(
                        Memory.firstSight(),
                        raw,
                        List.of("spec.alias: missing", "spec.partnerNamespace: not an ARM id"),
                        deleting);

        assertThat(plan.action())
                .isEqualTo(deleting ? new Action.ReleaseFinalizer() : new Action.None());
        assertThat(plan.action().writesToArm()).as("never an ARM write").isFalse();
        assertThat(plan.memory()).isEqualTo(FailoverMemory.adopted(adopted));
        assertThat(plan.intent()).isEmpty();
        assertThat(plan.verdict())
                .isEqualTo(
                        Verdict.stalled(
                                Reasons.INVALID_SPEC,
                                "spec.alias: missing; spec.partnerNamespace: not an ARM id"));
        assertThat(plan.requeue()).isEqualTo(new Requeue(SETTINGS.steadyPoll(), true));
        assertThat(plan.active()).isEmpty();
        assertThat(plan.notices()).isEmpty();
    }

    @ParameterizedTest(name = "remembered request 2, raw {0}")
    @CsvSource({"0", "2", "9"})
    void rememberedMemoryIsKeptAsIs(long raw) {
        Memory memory = steady(2);
        Plan plan = planner.planUnreadableSpec(memory, raw, List.of("bad"), false);
        assertThat(plan.memory()).isEqualTo(memory.failover().orElseThrow());
        assertThat(plan.active()).as("the last known active namespace").isEqualTo(Optional.of(WEU));
    }
}
