package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.arm.AliasRole.Secondary;
import static dev.geodr.servicebus.arm.ProvisioningState.Accepted;
import static dev.geodr.servicebus.arm.ProvisioningState.Succeeded;
import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.WriteAuthority;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Operators in two clusters, one writer per resource: the observer's table (it never writes, every
 * request value it sees is the writer's) and the handover (naming the surviving cluster as writer
 * with a bump in the same change fails over there exactly once; the old writer, back with a stale
 * or a current spec, neither repeats nor undoes anything). Each row is one pass of one operator.
 */
class ObserverPlannerTest {

    private static final WriteAuthority EAST_OBSERVES_WEST =
            new WriteAuthority(Optional.of("west"), Optional.of("east"));
    private static final WriteAuthority EAST_WRITES =
            new WriteAuthority(Optional.of("east"), Optional.of("east"));
    private static final WriteAuthority WEST_OBSERVES_EAST =
            new WriteAuthority(Optional.of("east"), Optional.of("west"));
    private static final WriteAuthority WEST_WRITES_STALE =
            new WriteAuthority(Optional.of("west"), Optional.of("west"));
    private static final WriteAuthority UNNAMED_OBSERVES =
            new WriteAuthority(Optional.of("west"), Optional.empty());

    private static final Desired D = desired(WEU, NEU);
    private static final Observed PAIRED =
            Observed.of(primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU));
    private static final Observed PRIMARY_REGION_DOWN =
            Observed.of(unreachable(), secondaryPaired(NEU, WEU));
    private static final Observed FAILED_OVER = Observed.of(absent(), pnr(NEU, Succeeded));
    private static final Observed NOTHING_YET =
            Observed.of(absent(), absent())
                    .withInfo(premium(WEU, 0), premium(NEU, 0))
                    .withAliases(List.of(), List.of());

    /** What one pass must give. Null fields are not checked. */
    record Expect(
            Action action,
            Health health,
            String reason,
            Long lastHandled,
            FailoverPhase phase,
            boolean intent,
            String notice,
            String messageContains) {}

    record Row(Desired desired, Memory memory, Observed observed, WriteAuthority who, Expect e) {}

    private static Arguments r(
            String name, Desired d, Memory m, Observed o, WriteAuthority who, Expect e) {
        return Arguments.of(Named.of(name, new Row(d, m, o, who, e)));
    }

    private static final Action NONE = new Action.None();

    private static Action forced() {
        return new Action.Failover(NEU, "orders", FailoverMode.Forced);
    }

    static Stream<Arguments> rows() {
        Desired forced1 = withRequest(D, 1, FailoverMode.Forced);
        Desired forced2 = withRequest(D, 2, FailoverMode.Forced);
        return Stream.of(
                // ---- the observer never writes, whatever the writer would do
                r(
                        "observer, steady pairing: Ready, nothing sent",
                        D,
                        steady(0),
                        PAIRED,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE, Health.READY, Reasons.PAIRED, 0L, null, false, null, null)),
                r(
                        "observer, nothing in Azure yet: the writer would create the pairing, the observer waits",
                        D,
                        steady(0),
                        NOTHING_YET,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE,
                                Health.PROGRESSING,
                                Reasons.WAITING_FOR_WRITER,
                                0L,
                                null,
                                false,
                                null,
                                "the writer (cluster west) would act: creating the alias orders")),
                r(
                        "observer, partner changed in the spec: the writer would break, the observer does not",
                        desired(WEU, FRC),
                        steady(0),
                        PAIRED,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE,
                                Health.PROGRESSING,
                                Reasons.WAITING_FOR_WRITER,
                                0L,
                                null,
                                false,
                                null,
                                "breaking the pairing")),
                r(
                        "observer sees a bump (writer's cluster down, no handover): recorded as the writer's, no POST",
                        forced1,
                        steady(0),
                        PRIMARY_REGION_DOWN,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE,
                                null,
                                null,
                                1L,
                                null,
                                false,
                                Reasons.FAILOVER_LEFT_TO_WRITER,
                                null)),
                r(
                        "observer, first sight of a bumped resource: adopted, no Event, no POST",
                        forced2,
                        Memory.firstSight(),
                        PAIRED,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE, Health.READY, Reasons.PAIRED, 2L, null, false, null, null)),
                r(
                        "observer, primary region down: the writer's advice says what it takes here",
                        D,
                        steady(0),
                        PRIMARY_REGION_DOWN,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE,
                                Health.PROGRESSING,
                                Reasons.UNREACHABLE,
                                0L,
                                null,
                                false,
                                null,
                                "(from this cluster, where this operator (cluster east) observes: set"
                                        + " spec.writerCluster to east in the same change)")),
                r(
                        "observer without a cluster name never matches a named writer",
                        forced1,
                        steady(0),
                        PAIRED,
                        UNNAMED_OBSERVES,
                        new Expect(
                                NONE,
                                Health.READY,
                                null,
                                1L,
                                null,
                                false,
                                Reasons.FAILOVER_LEFT_TO_WRITER,
                                null)),
                r(
                        "observer deleting with deletionPolicy Delete: finalizer released, Azure untouched",
                        deleting(D, true),
                        steady(0),
                        PAIRED,
                        EAST_OBSERVES_WEST,
                        new Expect(
                                new Action.ReleaseFinalizer(),
                                Health.PROGRESSING,
                                Reasons.DELETING,
                                null,
                                null,
                                false,
                                null,
                                "nothing in Azure is touched")),
                r(
                        "observer, spec problem: Stalled InvalidSpec, nothing sent",
                        D,
                        steady(0),
                        PAIRED.withSpecProblems(List.of("spec.credentialsSecretRef: not found")),
                        EAST_OBSERVES_WEST,
                        new Expect(
                                NONE,
                                Health.STALLED,
                                Reasons.INVALID_SPEC,
                                null,
                                null,
                                false,
                                null,
                                null)),

                // ---- handover: the survivor named writer with a bump in the same change
                r(
                        "handover and bump in one generation: the survivor fails over (intent first)",
                        forced1,
                        steady(0),
                        PRIMARY_REGION_DOWN,
                        EAST_WRITES,
                        new Expect(
                                forced(),
                                Health.PROGRESSING,
                                Reasons.FAILING_OVER,
                                null,
                                FailoverPhase.Issued,
                                true,
                                null,
                                null)),
                r(
                        "handover after the bump was seen as observer: no second bump, no failover",
                        forced1,
                        steady(1),
                        PRIMARY_REGION_DOWN,
                        EAST_WRITES,
                        new Expect(NONE, null, null, 1L, null, false, null, null)),
                r(
                        "handover with a new bump after one seen as observer: fails over once",
                        forced2,
                        steady(1),
                        PRIMARY_REGION_DOWN,
                        EAST_WRITES,
                        new Expect(
                                forced(),
                                Health.PROGRESSING,
                                Reasons.FAILING_OVER,
                                null,
                                FailoverPhase.Issued,
                                true,
                                null,
                                null)),

                // ---- the old writer comes back
                r(
                        "old writer back with the stale spec after the survivor failed over: writes nothing",
                        D,
                        steady(0),
                        FAILED_OVER,
                        WEST_WRITES_STALE,
                        new Expect(
                                NONE,
                                Health.STALLED,
                                Reasons.FAILED_OVER,
                                0L,
                                null,
                                false,
                                null,
                                null)),
                r(
                        "old writer back with the current spec: observes, records the request, writes nothing",
                        forced1,
                        steady(0),
                        FAILED_OVER,
                        WEST_OBSERVES_EAST,
                        new Expect(
                                NONE,
                                null,
                                null,
                                1L,
                                null,
                                false,
                                Reasons.FAILOVER_LEFT_TO_WRITER,
                                null)),
                r(
                        "old writer back with the current spec and an intent it never sent: dropped, not POSTed",
                        forced1,
                        inFlight(0, 1, FailoverMode.Safe, FailoverPhase.Intended, Duration.ZERO),
                        PAIRED,
                        WEST_OBSERVES_EAST,
                        new Expect(
                                NONE,
                                Health.READY,
                                Reasons.PAIRED,
                                1L,
                                null,
                                false,
                                Reasons.FAILOVER_LEFT_TO_WRITER,
                                null)),
                r(
                        "old writer back as observer with a waiting request: dropped, not POSTed",
                        forced1,
                        inFlight(0, 1, FailoverMode.Safe, FailoverPhase.Waiting, Duration.ZERO),
                        PAIRED,
                        WEST_OBSERVES_EAST,
                        new Expect(
                                NONE,
                                Health.READY,
                                Reasons.PAIRED,
                                1L,
                                null,
                                false,
                                Reasons.FAILOVER_LEFT_TO_WRITER,
                                null)),
                r(
                        "a failover it had already sent is watched to its end as observer",
                        forced1,
                        inFlight(0, 1, FailoverMode.Forced, FailoverPhase.Issued, Duration.ZERO),
                        FAILED_OVER,
                        WEST_OBSERVES_EAST,
                        new Expect(NONE, null, null, 1L, null, false, null, null)));
    }

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    private Plan plan(Row row) {
        return row.who().mayWrite()
                ? planner.plan(row.desired(), row.memory(), row.observed(), NOW)
                : planner.planAsObserver(
                        row.desired(), row.memory(), row.observed(), NOW, row.who());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(Row row) {
        Plan plan = plan(row);
        Expect e = row.e();

        assertThat(plan.action()).as("action").isEqualTo(e.action());
        if (!row.who().mayWrite()) {
            assertThat(plan.action().writesToArm()).as("an observer never writes").isFalse();
            assertThat(plan.intent()).as("an observer persists no intent").isEmpty();
        }
        if (e.health() != null) {
            assertThat(plan.verdict().health()).as("health").isEqualTo(e.health());
        }
        if (e.reason() != null) {
            assertThat(plan.verdict().reason()).as("reason").isEqualTo(e.reason());
        }
        if (e.lastHandled() != null) {
            assertThat(plan.memory().lastHandledRequest())
                    .as("lastHandledRequest")
                    .isEqualTo(e.lastHandled());
        }
        if (e.phase() != null) {
            assertThat(plan.memory().inFlight())
                    .get()
                    .extracting(FailoverInFlight::phase)
                    .isEqualTo(e.phase());
        } else if (e.action() instanceof Action.None) {
            assertThat(plan.memory().inFlight()).as("nothing left in flight").isEmpty();
        }
        assertThat(plan.intent().isPresent()).as("intent").isEqualTo(e.intent());
        if (e.notice() != null) {
            assertThat(plan.notices()).extracting(Notice::reason).contains(e.notice());
        } else {
            assertThat(plan.notices())
                    .extracting(Notice::reason)
                    .doesNotContain(Reasons.FAILOVER_LEFT_TO_WRITER);
        }
        if (e.messageContains() != null) {
            assertThat(plan.verdict().message()).contains(e.messageContains());
        }
    }

    /** The last row's end: the sent failover's outcome is recorded even as observer. */
    @Test
    void anIssuedFailoverEndsSucceededWhileObserving() {
        Plan plan =
                planner.planAsObserver(
                        withRequest(D, 1, FailoverMode.Forced),
                        inFlight(0, 1, FailoverMode.Forced, FailoverPhase.Issued, Duration.ZERO),
                        FAILED_OVER,
                        NOW,
                        WEST_OBSERVES_EAST);
        assertThat(plan.memory().last())
                .get()
                .extracting(FailoverResult::outcome)
                .isEqualTo(FailoverOutcome.Succeeded);
    }

    /**
     * Two operators over one script of specs (as GitOps would deliver them to both clusters) and
     * one ARM: across the whole outage exactly one failover is sent, by the survivor.
     */
    @Test
    void theWholeOutageSendsOneFailoverFromTheSurvivor() {
        Memory west = steady(0);
        Memory east = steady(0);
        int posts = 0;
        // 1. west writes, east observes, paired
        Desired v1 = D;
        west = next(west, planner.plan(v1, west, PAIRED, NOW));
        east = next(east, planner.planAsObserver(v1, east, PAIRED, NOW, EAST_OBSERVES_WEST));
        // 2. west's region and cluster go down; the handover commit reaches only east
        Desired v2 = withRequest(D, 1, FailoverMode.Forced);
        Plan handover = planner.plan(v2, east, PRIMARY_REGION_DOWN, NOW);
        posts += handover.action() instanceof Action.Failover ? 1 : 0;
        east = next(east, handover);
        Observed failingOver = Observed.of(unreachable(), rec(NEU, Secondary, Accepted, WEU));
        Plan running = planner.plan(v2, east, failingOver, NOW);
        posts += running.action().writesToArm() ? 1 : 0;
        east = next(east, running);
        Plan done = planner.plan(v2, east, FAILED_OVER, NOW);
        posts += done.action().writesToArm() ? 1 : 0;
        east = next(east, done);
        // 3. west comes back with the stale spec, then with the current one
        Plan stale = planner.plan(v1, west, FAILED_OVER, NOW);
        posts += stale.action().writesToArm() ? 1 : 0;
        west = next(west, stale);
        Plan current = planner.planAsObserver(v2, west, FAILED_OVER, NOW, WEST_OBSERVES_EAST);
        posts += current.action().writesToArm() ? 1 : 0;
        west = next(west, current);
        // 4. east again, nothing new
        Plan after = planner.plan(v2, east, FAILED_OVER, NOW);
        posts += after.action().writesToArm() ? 1 : 0;

        assertThat(posts).as("writes across the outage").isEqualTo(1);
        assertThat(handover.action()).isEqualTo(forced());
        assertThat(east.failover().get().last())
                .get()
                .extracting(FailoverResult::outcome)
                .isEqualTo(FailoverOutcome.Succeeded);
        assertThat(west.failover().get().lastHandledRequest()).isEqualTo(1);
        assertThat(west.failover().get().inFlight()).isEmpty();
    }

    private static Memory next(Memory before, Plan plan) {
        return new Memory(Optional.of(plan.memory()), plan.active().or(before::previousActive));
    }

    @ParameterizedTest(name = "writer {0}, this cluster {1}: may write {2}")
    @CsvSource({
        "'', east, true",
        "'', '', true",
        "east, east, true",
        "west, east, false",
        "west, '', false",
        "East, east, false",
    })
    void whoMayWrite(String writer, String self, boolean mayWrite) {
        WriteAuthority who = WriteAuthority.of(writer, Optional.of(self).filter(s -> !s.isEmpty()));
        assertThat(who.mayWrite()).isEqualTo(mayWrite);
    }

    /**
     * The operator reads ARM by the observer's memory: no request is pending there, so a bumped
     * Forced spec never makes an observer skip the primary or take a failover's priority.
     */
    @Test
    void anObserverNeverHasARequestPending() {
        Desired bumped = withRequest(D, 3, FailoverMode.Forced);
        Memory m = PairingPlanner.observerMemory(bumped, steady(1));
        assertThat(PairingPlanner.failoverPending(bumped, m)).isFalse();
        assertThat(PairingPlanner.forcedFailoverPending(bumped, m)).isFalse();
        assertThat(m.failover().get().lastHandledRequest()).isEqualTo(3);
    }
}
