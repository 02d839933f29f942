package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.core.ObserverHandover;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import java.time.Instant;
import java.util.Optional;

/**
 * An operator whose cluster is not the namespace's writer: it reads ARM and reports, and never
 * writes. Each {@code spec.promotionRequested} value it sees is the writer's, so it is recorded as
 * handled; a request it had taken but not sent (Waiting, Intended) passes to the writer with it,
 * and one it had sent (Accepted) is still followed by its operation URL, which needs no write. The
 * writer's rules run on that ledger; a write they would make is dropped and reported as the
 * writer's to make.
 */
final class ReplicationObserverRules {

    static final ObserverHandover HANDOVER =
            new ObserverHandover(
                    "promotion",
                    "spec.promotionRequested",
                    "promotionMode",
                    GeoReplicationReasons.PROMOTION_LEFT_TO_WRITER);

    private final GeoReplicationPlanner planner;
    private final GeoReplicationSettings settings;

    ReplicationObserverRules(GeoReplicationPlanner planner, GeoReplicationSettings settings) {
        this.planner = planner;
        this.settings = settings;
    }

    /** The memory an observer keeps: every request value seen handled, nothing unsent in flight. */
    static ReplicationMemory memory(ReplicationDesired desired, ReplicationMemory memory) {
        PromotionLedger seen =
                memory.ledger()
                        .orElseGet(() -> PromotionLedger.adopted(desired.promotionRequested()));
        Optional<PromotionInFlight> sent =
                seen.inFlight().filter(f -> f.phase() == PromotionPhase.Accepted);
        long handled =
                Math.max(
                        Math.max(seen.lastHandledRequest(), desired.promotionRequested()),
                        seen.inFlight().map(PromotionInFlight::request).orElse(0L));
        return new ReplicationMemory(
                Optional.of(new PromotionLedger(handled, sent, seen.last())),
                memory.previousSecondary(),
                memory.replicaOperation());
    }

    ReplicationPlan plan(
            ReplicationDesired desired,
            ReplicationMemory memory,
            ReplicationObserved observed,
            Instant now,
            WriteAuthority who) {
        ReplicationMemory kept = memory(desired, memory);
        PromotionLedger ledger = kept.ledger().orElseThrow();
        if (desired.deleting()) {
            return ReplicationPlan.act(
                    new ReplicationAction.ReleaseFinalizer(),
                    ledger,
                    Verdict.progressing(
                            GeoReplicationReasons.DELETING,
                            who.thisClusterLabel()
                                    + " observes (spec.writerCluster is "
                                    + who.writerLabel()
                                    + "): the object is removed here and nothing in Azure is touched"),
                    readiness(who, "the object is being deleted"),
                    new Requeue(settings.steadyPoll(), true));
        }
        ReplicationPlan writers = planner.plan(desired, kept, observed, now);
        ReplicationPlan plan =
                writers.action().writesToArm()
                        ? new ReplicationPlan(
                                new ReplicationAction.None(),
                                ledger,
                                Optional.empty(),
                                Verdict.progressing(
                                        GeoReplicationReasons.WAITING_FOR_WRITER,
                                        who.thisClusterLabel()
                                                + " observes and writes nothing; the writer ("
                                                + who.writerLabel()
                                                + ") would act: "
                                                + writers.verdict().message()),
                                readiness(who, writers.readiness().message()),
                                writers.requeue(),
                                writers.notices())
                        : new ReplicationPlan(
                                writers.action(),
                                writers.ledger(),
                                Optional.empty(),
                                writers.verdict(),
                                readiness(who, writers.readiness().message()),
                                writers.requeue(),
                                writers.notices());
        return withHandoverNotice(plan, desired, memory, who);
    }

    /**
     * An observer's PromotionReady: a request here is recorded, never sent, and the one change that
     * makes this cluster promote; what the writer's gate says follows.
     */
    private static Readiness readiness(WriteAuthority who, String writersGate) {
        return Readiness.no(GeoReplicationReasons.OBSERVER, HANDOVER.readiness(who, writersGate));
    }

    private static ReplicationPlan withHandoverNotice(
            ReplicationPlan plan,
            ReplicationDesired desired,
            ReplicationMemory before,
            WriteAuthority who) {
        Optional<PromotionInFlight> inFlight = before.ledger().flatMap(PromotionLedger::inFlight);
        return HANDOVER.notice(
                        who,
                        desired.promotionRequested(),
                        before.ledger().map(PromotionLedger::lastHandledRequest),
                        inFlight.map(
                                f ->
                                        new ObserverHandover.Held(
                                                f.request(),
                                                f.phase().name(),
                                                f.phase() == PromotionPhase.Accepted)))
                .map(plan::withNotice)
                .orElse(plan);
    }
}
