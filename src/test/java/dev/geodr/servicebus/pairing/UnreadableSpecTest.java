package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec the operator cannot read (stored under a laxer schema, or an API server without the CRD's
 * validation): nothing goes to Azure, Stalled/InvalidSpec names every problem, and first sight
 * adopts the raw request so that fixing the spec never fails over.
 */
class UnreadableSpecTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    @ParameterizedTest(name = "remembered {0}, raw request {1}, deleting {2} → handled {3}")
    @CsvSource({
        // remembered (empty = first sight), raw spec.failoverRequested, deleting, lastHandled
        // The adoption hole of issue 8: first sight used to record 0, and fixing the spec then
        // failed over once.
        " , 5,  false, 5",
        " , 0,  false, 0",
        // A negative count (refused at admission, possible under an old schema) adopts nothing.
        " , -3, false, 0",
        // Once remembered, the raw spec never moves the memory: only a readable bump does.
        "2, 5,  false, 2",
        "2, 0,  false, 2",
        " , 5,  true,  5",
        "2, 9,  true,  2",
    })
    void adoptsOnFirstSightAndNeverWritesToAzure(
            Long remembered, long raw, boolean deleting, long lastHandled) {
        Memory memory = remembered == null ? Memory.firstSight() : steady(remembered);

        Plan plan =
                planner.planUnreadableSpec(
                        memory,
                        raw,
                        List.of(
                                "spec.alias: must match ^[A-Za-z]",
                                "spec.partnerNamespace: required"),
                        deleting);

        assertThat(plan.memory().lastHandledRequest()).isEqualTo(lastHandled);
        assertThat(plan.memory().inFlight()).isEmpty();
        assertThat(plan.action().writesToArm()).isFalse();
        assertThat(plan.action())
                .as("deleting such a resource lets it go and touches nothing in Azure")
                .isEqualTo(deleting ? new Action.ReleaseFinalizer() : Action.none());
        assertThat(plan.intent()).isEmpty();
        assertThat(plan.verdict())
                .isEqualTo(
                        Verdict.stalled(
                                Reasons.INVALID_SPEC,
                                "spec.alias: must match ^[A-Za-z]; spec.partnerNamespace: required"));
        assertThat(plan.requeue()).isEqualTo(new Requeue(SETTINGS.steadyPoll(), true));
        assertThat(plan.active()).isEqualTo(memory.previousActive());
        assertThat(plan.notices()).isEmpty();
    }
}
