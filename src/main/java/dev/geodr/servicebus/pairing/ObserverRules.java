package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.core.ObserverHandover;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator whose cluster is not the resource's writer: it reads ARM and reports, and never
 * writes. Each {@code spec.failoverRequested} value it sees is the writer's to act on, so it is
 * recorded here as handled; a request this operator had taken but not yet sent (Waiting, Intended)
 * passes to the writer with it. A request it had already sent (Issued) is still watched to its end,
 * which needs no write. The writer's rules run unchanged on that memory; any write they would make
 * is dropped and reported as the writer's to make.
 */
final class ObserverRules {

    static final ObserverHandover HANDOVER =
            new ObserverHandover(
                    "failover",
                    "spec.failoverRequested",
                    "failoverMode",
                    Reasons.FAILOVER_LEFT_TO_WRITER);

    private final PairingPlanner planner;
    private final PlannerSettings settings;

    ObserverRules(PairingPlanner planner, PlannerSettings settings) {
        this.planner = planner;
        this.settings = settings;
    }

    /** The memory an observer keeps: every request value seen handled, nothing unsent in flight. */
    static Memory memory(Desired desired, Memory memory) {
        FailoverMemory seen =
                memory.failover()
                        .orElseGet(() -> FailoverMemory.adopted(desired.failoverRequested()));
        Optional<FailoverInFlight> keep =
                seen.inFlight().filter(f -> f.phase() == FailoverPhase.Issued);
        long handled =
                Math.max(
                        Math.max(seen.lastHandledRequest(), desired.failoverRequested()),
                        seen.inFlight().map(FailoverInFlight::request).orElse(0L));
        return new Memory(
                Optional.of(new FailoverMemory(handled, keep, seen.last())),
                memory.previousActive());
    }

    Plan plan(Desired desired, Memory memory, Observed observed, Instant now, WriteAuthority who) {
        if (desired.deleting()) {
            return Plan.act(
                    new Action.ReleaseFinalizer(),
                    memory(desired, memory).failover().orElseThrow(),
                    Verdict.progressing(
                            Reasons.DELETING,
                            who.thisClusterLabel()
                                    + " observes (spec.writerCluster is "
                                    + who.writerLabel()
                                    + "): the object is removed here and nothing in Azure is touched"),
                    new Requeue(settings.steadyPoll(), true),
                    memory.previousActive());
        }
        Memory observerMemory = memory(desired, memory);
        Plan writers = planner.plan(desired, observerMemory, observed, now);
        Plan plan =
                writers.action().writesToArm()
                        ? leftToWriter(writers, observerMemory.failover().orElseThrow(), who)
                        : forThisCluster(writers, who);
        return withHandoverNotices(plan, desired, memory, who);
    }

    /**
     * What the writer would send, as a message: ARM differs from the spec and only the writer's
     * operator may change that.
     */
    private static Plan leftToWriter(Plan writers, FailoverMemory kept, WriteAuthority who) {
        Verdict verdict =
                Verdict.progressing(
                        Reasons.WAITING_FOR_WRITER,
                        who.thisClusterLabel()
                                + " observes and writes nothing; the writer ("
                                + who.writerLabel()
                                + ") would act: "
                                + writers.verdict().message());
        // the memory the pass started from: what the writer's rules expected after their write
        // did not happen here
        return new Plan(
                Action.none(),
                Optional.empty(),
                kept,
                verdict,
                writers.requeue(),
                writers.active(),
                writers.notices());
    }

    /**
     * The writer's advice for a region that does not answer ("bump spec.failoverRequested with
     * failoverMode Forced") would do nothing here, where a bump is recorded as the writer's: say
     * what it takes from this cluster.
     */
    private static Plan forThisCluster(Plan writers, WriteAuthority who) {
        if (!Reasons.UNREACHABLE.equals(writers.verdict().reason())) {
            return writers;
        }
        String here =
                who.thisCluster()
                        .map(c -> "set spec.writerCluster to " + c + " in the same change")
                        .orElse("give this operator " + WriteAuthority.CLUSTER_SETTING + " first");
        Verdict verdict =
                new Verdict(
                        writers.verdict().health(),
                        writers.verdict().reason(),
                        writers.verdict().message()
                                + " (from this cluster, where "
                                + who.thisClusterLabel()
                                + " observes: "
                                + here
                                + ")");
        return new Plan(
                writers.action(),
                writers.intent(),
                writers.memory(),
                verdict,
                writers.requeue(),
                writers.active(),
                writers.notices());
    }

    /** One Event when a request value, or an unsent request, passes to the writer. */
    private static Plan withHandoverNotices(
            Plan plan, Desired desired, Memory before, WriteAuthority who) {
        Optional<FailoverInFlight> inFlight = before.failover().flatMap(FailoverMemory::inFlight);
        return HANDOVER.notice(
                        who,
                        desired.failoverRequested(),
                        before.failover().map(FailoverMemory::lastHandledRequest),
                        inFlight.map(
                                f ->
                                        new ObserverHandover.Held(
                                                f.request(),
                                                f.phase().name(),
                                                f.phase() == FailoverPhase.Issued)))
                .map(plan::withNotice)
                .orElse(plan);
    }
}
