package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.DELETING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.INVALID_SPEC;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_ADOPTED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_FAILED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_REJECTED;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure decision of one pass of the Geo-Replication kind: (desired, memory, observed, now) →
 * plan. No I/O; table-tested. Order: invalid spec, then deletion, then promotion (exactly once),
 * then replica convergence.
 */
public final class GeoReplicationPlanner {

    private final GeoReplicationSettings settings;
    private final PromotionRules promotion = new PromotionRules();
    private final ReplicaRules replicas = new ReplicaRules();
    private final ReplicationObserverRules observer;

    public GeoReplicationPlanner(GeoReplicationSettings settings) {
        this.settings = settings;
        this.observer = new ReplicationObserverRules(this, settings);
    }

    /**
     * The pass of an operator that may not write for this namespace: the plan never holds a write
     * or an intent; see {@link ReplicationObserverRules}.
     */
    public ReplicationPlan planAsObserver(
            ReplicationDesired desired,
            ReplicationMemory memory,
            ReplicationObserved observed,
            Instant now,
            WriteAuthority who) {
        return observer.plan(desired, memory, observed, now, who);
    }

    /** The memory an observer reads ARM by: no request of its own is ever pending. */
    public static ReplicationMemory observerMemory(
            ReplicationDesired desired, ReplicationMemory memory) {
        return ReplicationObserverRules.memory(desired, memory);
    }

    public ReplicationPlan plan(
            ReplicationDesired desired,
            ReplicationMemory memory,
            ReplicationObserved observed,
            Instant now) {
        // First sight adopts the requested count: restoring a resource from Git after a promotion
        // must never promote again.
        PromotionLedger ledger =
                memory.ledger()
                        .orElseGet(() -> PromotionLedger.adopted(desired.promotionRequested()));
        Situation c =
                new Situation(desired, ledger, observed, memory.previousSecondary(), now, settings);
        ReplicationPlan plan;
        if (!observed.specProblems().isEmpty()) {
            plan =
                    ReplicationPlan.waitFor(
                            ledger,
                            Verdict.stalled(
                                    INVALID_SPEC, String.join("; ", observed.specProblems())),
                            Readiness.no(INVALID_SPEC, "the spec is invalid"),
                            new Requeue(settings.steadyPoll(), true));
        } else if (desired.deleting()) {
            plan = deletion(c);
        } else {
            plan = promotion.plan(c).orElseGet(() -> replicas.plan(c));
        }
        if (memory.ledger().isEmpty() && desired.promotionRequested() > 0) {
            plan =
                    plan.withNotice(
                            Notice.normal(
                                    PROMOTION_ADOPTED,
                                    "First sight: adopted spec.promotionRequested="
                                            + desired.promotionRequested()
                                            + " as already handled; no promotion"));
        }
        return plan;
    }

    /**
     * A spec the operator cannot read (it bypassed admission): nothing is written to Azure. First
     * sight still adopts the raw request count, and a deletion lets go at once, since the operator
     * cannot tell which replica it would remove.
     */
    public ReplicationPlan planUnreadableSpec(
            ReplicationMemory memory,
            long rawPromotionRequested,
            List<String> problems,
            boolean deleting) {
        PromotionLedger ledger =
                memory.ledger().orElseGet(() -> PromotionLedger.adopted(rawPromotionRequested));
        Readiness invalid = Readiness.no(INVALID_SPEC, "the spec is invalid");
        if (deleting) {
            return ReplicationPlan.act(
                    new ReplicationAction.ReleaseFinalizer(),
                    ledger,
                    Verdict.progressing(
                            DELETING, "deleted with an invalid spec; Azure is left as it is"),
                    invalid,
                    new Requeue(settings.steadyPoll(), false));
        }
        return ReplicationPlan.waitFor(
                ledger,
                Verdict.stalled(INVALID_SPEC, String.join("; ", problems)),
                invalid,
                new Requeue(settings.steadyPoll(), true));
    }

    /**
     * Retain (the default) leaves Azure as it is. Delete removes the secondary replica once no
     * promotion is in flight, then lets the resource go.
     */
    private ReplicationPlan deletion(Situation c) {
        ReplicationAction release = new ReplicationAction.ReleaseFinalizer();
        Readiness none = Readiness.no("Deleting", "the resource is being deleted");
        if (!c.desired().removeReplicaOnDelete()
                || c.observed().namespace() instanceof NamespaceView.Missing) {
            return ReplicationPlan.act(
                    release,
                    c.ledger(),
                    Verdict.progressing(DELETING, "deleted; Azure is left as it is"),
                    none,
                    new Requeue(settings.steadyPoll(), false));
        }
        if (c.ledger().inFlight().isPresent() || !c.present().map(p -> p.settled()).orElse(false)) {
            return ReplicationPlan.waitFor(
                    c.ledger(),
                    Verdict.progressing(
                            DELETING,
                            "deletionPolicy Delete: waiting for the namespace to settle before"
                                    + " removing the secondary replica"),
                    none,
                    new Requeue(settings.fastPoll(), false));
        }
        Optional<Replica> primary = c.geo().flatMap(GeoReplication::primary);
        if (primary.isEmpty() || c.geo().flatMap(GeoReplication::secondary).isEmpty()) {
            return ReplicationPlan.act(
                    release,
                    c.ledger(),
                    Verdict.progressing(DELETING, "the secondary replica is removed"),
                    none,
                    new Requeue(settings.steadyPoll(), false));
        }
        return ReplicationPlan.act(
                new ReplicationAction.SetReplicas(
                        c.desired().namespace(),
                        primary.get().location(),
                        Optional.empty(),
                        c.geo().get().maxReplicationLagSeconds()),
                c.ledger(),
                Verdict.progressing(
                        DELETING, "deletionPolicy Delete: removing the secondary replica"),
                none,
                new Requeue(settings.fastPoll(), false));
    }

    /**
     * ARM accepted the promotion POST and named its operation: poll that from now on, first after
     * the Retry-After ARM sent with it.
     */
    public ReplicationPlan afterPromotionAccepted(
            ReplicationPlan plan, String operationUrl, Optional<Duration> retryAfter, Instant now) {
        PromotionLedger ledger = plan.ledger();
        PromotionInFlight f = ledger.inFlight().orElseThrow();
        return new ReplicationPlan(
                plan.action(),
                ledger.withInFlight(f.accepted(operationUrl, now)),
                plan.intent(),
                plan.verdict(),
                plan.readiness(),
                retryAfter.map(after -> new Requeue(after, false)).orElse(plan.requeue()),
                plan.notices());
    }

    /**
     * The plan after the action failed in ARM. A promotion POST that may have reached ARM
     * (throttled or no answer) stays Intended and the next observation decides; one ARM refused
     * ends the request, never retried. A failed replica update is retried after a fresh
     * observation.
     */
    public ReplicationPlan afterActionFailure(
            ReplicationPlan plan, ArmErrorKind kind, String message, Instant now) {
        if (plan.action() instanceof ReplicationAction.Promote promote
                && (kind == ArmErrorKind.CONFLICT || kind == ArmErrorKind.FATAL)) {
            PromotionInFlight f = plan.ledger().inFlight().orElseThrow();
            PromotionOutcome outcome =
                    f.operationUrl().isEmpty()
                            ? PromotionOutcome.Rejected
                            : PromotionOutcome.Failed;
            String text =
                    promote.mode()
                            + " promotion request "
                            + f.request()
                            + " refused by ARM: "
                            + message
                            + "; not retried (bump spec.promotionRequested to try again)";
            PromotionLedger done =
                    plan.ledger()
                            .finished(
                                    new PromotionResult(
                                            f.request(), promote.mode(), outcome, text, now));
            String reason =
                    outcome == PromotionOutcome.Rejected ? PROMOTION_REJECTED : PROMOTION_FAILED;
            return new ReplicationPlan(
                    new ReplicationAction.None(),
                    done,
                    Optional.empty(),
                    Verdict.stalled(reason, text),
                    ReadinessRules.inFlight(),
                    new Requeue(settings.fastPoll(), false),
                    List.of(Notice.warning(reason, text)));
        }
        String what =
                plan.action() instanceof ReplicationAction.Promote
                        ? "the promotion POST (it may have reached ARM; the next observation"
                                + " decides)"
                        : "the replica update";
        return new ReplicationPlan(
                new ReplicationAction.None(),
                plan.action() instanceof ReplicationAction.Promote
                        ? plan.intent().orElse(plan.ledger())
                        : plan.ledger(),
                Optional.empty(),
                Verdict.progressing(
                        kind == ArmErrorKind.THROTTLED ? "Throttled" : "AzureError",
                        what + " failed: " + message),
                plan.readiness(),
                new Requeue(
                        kind == ArmErrorKind.THROTTLED
                                ? settings.pendingPoll()
                                : settings.fastPoll(),
                        false),
                plan.notices());
    }
}
