package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoFixtures.NOW;
import static dev.geodr.servicebus.georeplication.GeoFixtures.NS;
import static dev.geodr.servicebus.georeplication.GeoFixtures.memory;
import static dev.geodr.servicebus.georeplication.GeoFixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.WriteAuthority;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Geo-Replication with operators in two clusters: the observer never writes and records every
 * promotion request as the writer's; the survivor named writer with a bump in the same change
 * promotes once; the old writer back with the current spec sends nothing.
 */
class ReplicationObserverPlannerTest {

    private static final WriteAuthority EAST_OBSERVES_WEST =
            new WriteAuthority(Optional.of("west"), Optional.of("east"));
    private static final WriteAuthority EAST_WRITES =
            new WriteAuthority(Optional.of("east"), Optional.of("east"));

    private final GeoReplicationPlanner planner =
            new GeoReplicationPlanner(GeoReplicationSettings.defaults());

    private static ReplicationDesired desired(
            PromotionMode mode, long requested, boolean deleting) {
        return new ReplicationDesired(NS, "eastus", "westus", 300, requested, mode, deleting, true);
    }

    /**
     * One observer pass per row: (ledger, namespace, mode, requested) → what is handled, which
     * reason, whether a request passed to the writer (an Event), and never a write.
     */
    @ParameterizedTest(name = "observer, ledger {0}, namespace {1}, {2} request {3}: {5}")
    @CsvSource({
        // steady: Ready as the writer would be, PromotionReady False (Observer)
        "handled0, eastus, Planned, 0, 0, Replicating, false",
        // a bump seen while observing: recorded, not sent
        "handled0, eastus, Forced, 1, 1, Replicating, true",
        // nothing in Azure yet: the writer would PUT the replicas; the observer waits
        "handled0, plain, Planned, 0, 0, WaitingForWriter, false",
        // a request it had not sent when it became an observer: passes to the writer
        "waiting, eastus, Planned, 1, 1, Replicating, true",
        "intended, eastus, Planned, 1, 1, Replicating, true",
        // a request it had sent: followed by its operation URL, no new request
        "accepted, updating, Planned, 1, 1, Promoting, false",
    })
    void anObserverNeverWrites(
            String ledger,
            String namespace,
            PromotionMode mode,
            long requested,
            long handled,
            String reason,
            boolean leftToWriter) {
        ReplicationPlan plan =
                planner.planAsObserver(
                        desired(mode, requested, false),
                        memory(ledger),
                        observed(namespace, ledger.equals("accepted") ? "running" : "none"),
                        NOW,
                        EAST_OBSERVES_WEST);

        assertThat(plan.action().writesToArm()).as("an observer never writes").isFalse();
        assertThat(plan.intent()).as("nor persists an intent").isEmpty();
        assertThat(plan.ledger().lastHandledRequest()).isEqualTo(handled);
        assertThat(plan.verdict().reason()).isEqualTo(reason);
        assertThat(plan.readiness().ready()).isFalse();
        assertThat(plan.readiness().reason()).isEqualTo(GeoReplicationReasons.OBSERVER);
        assertThat(plan.readiness().message()).contains("set spec.writerCluster to east");
        assertThat(
                        plan.notices().stream()
                                .map(Notice::reason)
                                .anyMatch(GeoReplicationReasons.PROMOTION_LEFT_TO_WRITER::equals))
                .as("PromotionLeftToWriter Event")
                .isEqualTo(leftToWriter);
        if (!ledger.equals("accepted")) {
            assertThat(plan.ledger().inFlight()).as("nothing unsent stays in flight").isEmpty();
        }
    }

    @Test
    void anObserverDeletingTouchesNothingInAzure() {
        ReplicationPlan plan =
                planner.planAsObserver(
                        desired(PromotionMode.Planned, 0, true),
                        memory("handled0"),
                        observed("eastus", "none"),
                        NOW,
                        EAST_OBSERVES_WEST);
        assertThat(plan.action()).isInstanceOf(ReplicationAction.ReleaseFinalizer.class);
        assertThat(plan.verdict().health()).isEqualTo(Health.PROGRESSING);
        assertThat(plan.verdict().message()).contains("nothing in Azure is touched");
    }

    /** The handover: one pass as observer (bump 1 recorded), then named writer with bump 2. */
    @Test
    void theSurvivorPromotesOnceAfterTheHandover() {
        ReplicationPlan observing =
                planner.planAsObserver(
                        desired(PromotionMode.Forced, 1, false),
                        memory("handled0"),
                        observed("unreachable", "none"),
                        NOW,
                        EAST_OBSERVES_WEST);
        ReplicationMemory afterObserving =
                new ReplicationMemory(
                        Optional.of(observing.ledger()), Optional.of("westus"), Optional.empty());

        ReplicationPlan sameValue =
                planner.plan(
                        desired(PromotionMode.Forced, 1, false),
                        afterObserving,
                        observed("unreachable", "none"),
                        NOW);
        ReplicationPlan bumped =
                planner.plan(
                        desired(PromotionMode.Forced, 2, false),
                        afterObserving,
                        observed("unreachable", "none"),
                        NOW);

        assertThat(EAST_WRITES.mayWrite()).isTrue();
        assertThat(sameValue.action().writesToArm())
                .as("the value seen while observing was the writer's")
                .isFalse();
        assertThat(bumped.action())
                .isEqualTo(new ReplicationAction.Promote(NS, "westus", PromotionMode.Forced));
        assertThat(bumped.intent()).as("intent first").isPresent();
    }
}
