package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_ESCALATED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_FAILED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_REJECTED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PROMOTION_WAITING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.UNREACHABLE;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Locations;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.util.Optional;

/**
 * Exactly once for promotions: a request is taken once, the intent is written before the POST,
 * ARM's operation (its persisted URL) or, without one, the namespace's roles decide after a crash,
 * and nothing is ever retried by itself. A Planned request escalated to Forced gets at most one
 * forced POST.
 */
final class PromotionRules {

    /** The plan for promotion work, or empty when no request is pending or in flight. */
    Optional<ReplicationPlan> plan(Situation c) {
        Optional<PromotionInFlight> inFlight = c.ledger().inFlight();
        if (inFlight.isPresent()) {
            PromotionInFlight f = inFlight.get();
            return Optional.of(
                    switch (f.phase()) {
                        case Waiting -> waiting(c, f);
                        case Intended -> intended(c, f);
                        case Accepted -> accepted(c, f);
                    });
        }
        if (c.desired().promotionRequested() > c.ledger().lastHandledRequest()) {
            return Optional.of(take(c));
        }
        return Optional.empty();
    }

    private ReplicationPlan take(Situation c) {
        long request = c.desired().promotionRequested();
        if (c.observed().namespace() instanceof NamespaceView.Unreachable
                && c.desired().promotionMode() == PromotionMode.Forced
                && c.previousSecondary().isPresent()) {
            // The worst day: the primary's region is down and ARM answers nothing about the
            // namespace, but a forced promotion still goes through. Its target is the secondary
            // the last status showed; the roles decide again once the namespace answers.
            String to = c.previousSecondary().get();
            ReplicationDesired d = c.desired();
            String from =
                    Locations.same(to, d.secondaryLocation())
                            ? d.primaryLocation()
                            : d.secondaryLocation();
            return post(
                    c,
                    PromotionInFlight.taken(request, PromotionMode.Forced, from, to, c.now()),
                    PromotionMode.Forced);
        }
        if (c.observed().namespace() instanceof NamespaceView.Unreachable u) {
            return waitFor(
                    c,
                    c.ledger(),
                    Verdict.progressing(
                            UNREACHABLE,
                            "promotion request "
                                    + request
                                    + " waits: ARM does not answer for namespace "
                                    + c.namespaceName()
                                    + ": "
                                    + u.message()),
                    c.settings().pendingPoll());
        }
        Optional<GeoReplication> geo = c.geo();
        if (geo.isEmpty() || geo.get().secondary().isEmpty() || geo.get().primary().isEmpty()) {
            return finish(
                    c,
                    new PromotionResult(
                            request,
                            c.desired().promotionMode(),
                            PromotionOutcome.Rejected,
                            "promotion request "
                                    + request
                                    + " rejected: namespace "
                                    + c.namespaceName()
                                    + " has no secondary replica to promote; nothing was sent",
                            c.now()));
        }
        PromotionInFlight taken =
                PromotionInFlight.taken(
                        request,
                        c.desired().promotionMode(),
                        geo.get().primary().get().location(),
                        geo.get().secondary().get().location(),
                        c.now());
        return c.desired().promotionMode() == PromotionMode.Forced
                ? post(c, taken, PromotionMode.Forced)
                : waiting(c, taken);
    }

    /** A Planned request before its POST: the gate, escalation, and the start deadline. */
    private ReplicationPlan waiting(Situation c, PromotionInFlight f) {
        if (c.primaryIs(f.to())) {
            // Promoted while the request waited (by another tool): nothing left to send.
            return succeeded(c, f);
        }
        if (c.desired().promotionMode() == PromotionMode.Forced) {
            return post(c, f, PromotionMode.Forced);
        }
        String closed = gate(c, f);
        if (closed == null) {
            return post(c, f, PromotionMode.Planned);
        }
        if (!c.now().isBefore(f.startedAt().plus(c.settings().plannedStartTimeout()))) {
            return finish(
                    c,
                    result(
                            c,
                            f,
                            PromotionOutcome.Rejected,
                            "Planned promotion request "
                                    + f.request()
                                    + " did not start within "
                                    + minutes(c.settings().plannedStartTimeout())
                                    + ": "
                                    + closed
                                    + "; nothing was sent (bump spec.promotionRequested to try"
                                    + " again, or use promotionMode Forced)"));
        }
        return waitFor(
                c,
                c.ledger().withInFlight(f),
                Verdict.progressing(
                        PROMOTION_WAITING,
                        "Planned promotion request "
                                + f.request()
                                + " to "
                                + f.to()
                                + " waits: "
                                + closed),
                c.settings().fastPoll());
    }

    /** Why a Planned POST may not go now, or null when it may. */
    private static String gate(Situation c, PromotionInFlight f) {
        if (c.observed().namespace() instanceof NamespaceView.Unreachable u) {
            return "ARM does not answer for the namespace: " + u.message();
        }
        Optional<NamespaceView.Present> p = c.present();
        if (p.isEmpty()) {
            return "the namespace is gone";
        }
        if (!p.get().settled()) {
            return "ARM is updating the namespace (" + p.get().updateState() + ")";
        }
        if (c.geo().flatMap(g -> g.in(f.to())).isEmpty()) {
            return "the namespace has no replica in " + f.to();
        }
        return null;
    }

    /** Intent first: the POST follows in the same pass, and its URL is added when ARM accepts. */
    private ReplicationPlan post(Situation c, PromotionInFlight f, PromotionMode mode) {
        PromotionInFlight intended = f.intending(mode, c.now());
        PromotionLedger written = c.ledger().withInFlight(intended);
        boolean escalation = f.mode() == PromotionMode.Planned && mode == PromotionMode.Forced;
        ReplicationPlan plan =
                ReplicationPlan.act(
                                new ReplicationAction.Promote(
                                        c.desired().namespace(), f.to(), mode),
                                written,
                                Verdict.progressing(
                                        PROMOTING,
                                        mode
                                                + " promotion request "
                                                + f.request()
                                                + " of "
                                                + f.to()
                                                + " sent; waiting for ARM to complete it"),
                                ReadinessRules.inFlight(),
                                new Requeue(c.settings().fastPoll(), false))
                        .withIntent(written);
        return escalation
                ? plan.withNotice(
                        Notice.warning(
                                PROMOTION_ESCALATED,
                                "Planned promotion request "
                                        + f.request()
                                        + " escalated to Forced: messages not yet replicated"
                                        + " to "
                                        + f.to()
                                        + " may be lost"))
                : plan;
    }

    /**
     * The intent is in status but no operation URL: the POST may or may not have reached ARM. The
     * namespace's roles decide; a request that ever had an accepted operation (an escalation) is
     * never posted again.
     */
    private ReplicationPlan intended(Situation c, PromotionInFlight f) {
        if (c.primaryIs(f.to())) {
            return succeeded(c, f);
        }
        if (c.observed().namespace() instanceof NamespaceView.Unreachable) {
            return waitFor(
                    c,
                    c.ledger(),
                    Verdict.progressing(
                            UNREACHABLE,
                            "promotion request "
                                    + f.request()
                                    + ": ARM does not answer; waiting to see whether it took"
                                    + " the request"),
                    c.settings().pendingPoll());
        }
        Optional<NamespaceView.Present> p = c.present();
        if (p.isPresent() && !p.get().settled()) {
            return runningWithoutUrl(c, f);
        }
        if (f.operationUrl().isPresent()) {
            return failed(
                    c,
                    f,
                    "Forced escalation of promotion request "
                            + f.request()
                            + " may not have reached ARM and "
                            + f.to()
                            + " is not primary; not sent again (bump"
                            + " spec.promotionRequested to try again)");
        }
        if (c.observed().namespace() instanceof NamespaceView.Missing) {
            return failed(
                    c,
                    f,
                    "namespace "
                            + c.namespaceName()
                            + " is gone; promotion request "
                            + f.request()
                            + " is not sent again");
        }
        if (c.geo().flatMap(g -> g.in(f.to())).isEmpty()) {
            return finish(
                    c,
                    result(
                            c,
                            f,
                            PromotionOutcome.Rejected,
                            "promotion request "
                                    + f.request()
                                    + " rejected: namespace "
                                    + c.namespaceName()
                                    + " has no replica in "
                                    + f.to()
                                    + " any more; nothing was sent"));
        }
        // ARM shows the old roles and no operation running: it never took the POST.
        return post(c, f, f.mode());
    }

    private ReplicationPlan runningWithoutUrl(Situation c, PromotionInFlight f) {
        if (!c.now().isBefore(f.phaseSince().plus(c.settings().operationTimeout()))) {
            return timedOut(c, f);
        }
        return running(c, f, ": ARM is updating the namespace; waiting for it to end", null);
    }

    /** ARM accepted the POST: its operation and the namespace's roles decide. */
    private ReplicationPlan accepted(Situation c, PromotionInFlight f) {
        if (c.primaryIs(f.to())) {
            return succeeded(c, f);
        }
        if (f.mode() == PromotionMode.Planned
                && c.desired().promotionMode() == PromotionMode.Forced
                && !f.forcedIntended()) {
            return post(c, f, PromotionMode.Forced);
        }
        OperationView op =
                c.observed().operation().orElse(new OperationView.InProgress(Optional.empty()));
        if (op instanceof OperationView.Failed failed) {
            return failed(
                    c,
                    f,
                    f.mode()
                            + " promotion request "
                            + f.request()
                            + " ended "
                            + failed.status()
                            + " at ARM: "
                            + failed.message()
                            + "; not retried (bump spec.promotionRequested to try"
                            + " again)");
        }
        if (op instanceof OperationView.Gone && c.present().map(p -> p.settled()).orElse(false)) {
            return failed(
                    c,
                    f,
                    "ARM no longer knows promotion request "
                            + f.request()
                            + "'s operation and "
                            + f.to()
                            + " is not primary; not retried");
        }
        if (!c.now().isBefore(f.phaseSince().plus(c.settings().operationTimeout()))) {
            return timedOut(c, f);
        }
        Duration retryAfter =
                op instanceof OperationView.InProgress inProgress
                        ? inProgress.retryAfter().orElse(null)
                        : null;
        return running(c, f, " is running at ARM", retryAfter);
    }

    /** Waiting on ARM: polled after its Retry-After when it named one, else after a fast poll. */
    private static ReplicationPlan running(
            Situation c, PromotionInFlight f, String state, Duration retryAfter) {
        return waitFor(
                c,
                c.ledger(),
                Verdict.progressing(PROMOTING, describe(f) + state),
                retryAfter != null ? retryAfter : c.settings().fastPoll());
    }

    /** "Planned promotion request 3 of westus". */
    private static String describe(PromotionInFlight f) {
        return f.mode() + " promotion request " + f.request() + " of " + f.to();
    }

    private ReplicationPlan failed(Situation c, PromotionInFlight f, String message) {
        return finish(c, result(c, f, PromotionOutcome.Failed, message));
    }

    private ReplicationPlan timedOut(Situation c, PromotionInFlight f) {
        return failed(
                c,
                f,
                f.mode()
                        + " promotion request "
                        + f.request()
                        + " showed no end within "
                        + minutes(c.settings().operationTimeout())
                        + " and "
                        + f.to()
                        + " is not primary; not retried");
    }

    private ReplicationPlan succeeded(Situation c, PromotionInFlight f) {
        return finish(
                c,
                result(
                        c,
                        f,
                        PromotionOutcome.Succeeded,
                        f.mode()
                                + " promotion request "
                                + f.request()
                                + " succeeded: "
                                + f.to()
                                + " is primary"));
    }

    private static PromotionResult result(
            Situation c, PromotionInFlight f, PromotionOutcome outcome, String message) {
        return new PromotionResult(f.request(), f.mode(), outcome, message, c.now());
    }

    /** The request ends; the next pass converges the replicas with the new roles. */
    private ReplicationPlan finish(Situation c, PromotionResult result) {
        PromotionLedger done = c.ledger().finished(result);
        boolean ok = result.outcome() == PromotionOutcome.Succeeded;
        String reason =
                switch (result.outcome()) {
                    case Succeeded -> PROMOTED;
                    case Failed -> PROMOTION_FAILED;
                    case Rejected -> PROMOTION_REJECTED;
                };
        return ReplicationPlan.waitFor(
                        done,
                        Verdict.progressing(reason, result.message()),
                        ReadinessRules.inFlight(),
                        new Requeue(Duration.ZERO, false))
                .withNotice(
                        ok
                                ? Notice.normal(reason, result.message())
                                : Notice.warning(reason, result.message()));
    }

    private static ReplicationPlan waitFor(
            Situation c, PromotionLedger ledger, Verdict verdict, Duration after) {
        return ReplicationPlan.waitFor(
                ledger, verdict, ReadinessRules.inFlight(), new Requeue(after, false));
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
