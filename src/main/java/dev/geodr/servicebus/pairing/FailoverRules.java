package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Names.duration;
import static dev.geodr.servicebus.pairing.Names.ns;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The exactly-once failover rule. A request is {@code spec.failoverRequested > lastHandledRequest};
 * it is taken once, its intent is persisted before the POST, and after a restart ARM's state (not
 * memory of the call) tells whether the POST was applied. Every request ends Succeeded, Failed or
 * Rejected and is never retried by itself.
 */
final class FailoverRules {

    private final PlannerSettings settings;

    FailoverRules(PlannerSettings settings) {
        this.settings = settings;
    }

    /** Empty when there is no failover work: then the pairing rules decide. */
    Optional<Plan> plan(
            Desired desired,
            FailoverMemory memory,
            Observed observed,
            Instant now,
            Optional<NamespaceRef> active) {
        Situation c = new Situation(desired, memory, observed, now, active);
        if (memory.inFlight().isPresent()) {
            // Bumps while a request is being served fold into it: several bumps are one request.
            FailoverInFlight inFlight = memory.inFlight().get();
            if (desired.failoverRequested() > inFlight.request()) {
                inFlight = inFlight.forRequest(desired.failoverRequested());
            }
            return Optional.of(
                    switch (inFlight.phase()) {
                        case Waiting -> waiting(c, inFlight);
                        case Intended -> intended(c, inFlight);
                        case Issued -> issued(c, inFlight);
                    });
        }
        if (desired.failoverRequested() > memory.lastHandledRequest()) {
            FailoverInFlight taken =
                    new FailoverInFlight(
                            desired.failoverRequested(),
                            desired.failoverMode(),
                            desired.primary(),
                            desired.partner(),
                            FailoverPhase.Waiting,
                            now,
                            now);
            return Optional.of(waiting(c, taken));
        }
        return Optional.empty();
    }

    /**
     * A request not yet sent: reject it, keep waiting for its gate, or write intent and issue it.
     */
    private Plan waiting(Situation c, FailoverInFlight inFlight) {
        // The mode is read from the spec each pass, so switching a waiting Safe request to Forced
        // takes effect.
        FailoverInFlight current =
                new FailoverInFlight(
                        inFlight.request(),
                        c.desired.failoverMode(),
                        inFlight.from(),
                        inFlight.to(),
                        FailoverPhase.Waiting,
                        inFlight.startedAt(),
                        inFlight.phaseSince());
        SideView partner = c.observed.partner();
        SideView primary = c.observed.primary();

        Optional<String> crossSubscription = acrossSubscriptions(c.desired);
        if (current.mode() == FailoverMode.Safe && crossSubscription.isPresent()) {
            return reject(c, current, crossSubscription.get() + "; nothing was sent");
        }
        if (partner.hasRole(AliasRole.PrimaryNotReplicating)
                && !primary.hasRole(AliasRole.Primary)) {
            return reject(
                    c,
                    current,
                    "nothing to fail over: the alias already lives on "
                            + ns(current.to())
                            + " (PrimaryNotReplicating); update spec.primaryNamespace and spec.partnerNamespace to restore "
                            + "Geo-DR");
        }
        if (partner instanceof SideView.Absent || partner instanceof SideView.NamespaceMissing) {
            return reject(
                    c,
                    current,
                    "nothing to fail over: the partner namespace "
                            + ns(current.to())
                            + " shows "
                            + partner.describe()
                            + " (the alias is not paired)");
        }
        if (partner instanceof SideView.Present p
                && !(p.record().role() == AliasRole.Secondary
                        && p.record()
                                .partnerNamespace()
                                .map(current.from()::sameAs)
                                .orElse(false))) {
            return reject(
                    c,
                    current,
                    "nothing to fail over: the partner namespace "
                            + ns(current.to())
                            + " is "
                            + partner.describe()
                            + ", not the Secondary of "
                            + ns(current.from()));
        }
        String blocker = gateBlocker(current.mode(), primary, partner);
        if (blocker == null) {
            return issue(c, current);
        }
        if (timedOut(c.now, current.startedAt(), settings.safeFailoverTimeout())) {
            return finish(
                    c,
                    current,
                    FailoverOutcome.Failed,
                    "failover request "
                            + current.request()
                            + " could not be issued within "
                            + duration(settings.safeFailoverTimeout())
                            + ": "
                            + blocker
                            + "; bump spec.failoverRequested to try again, with failoverMode Forced to skip the wait");
        }
        String reason = partner.reachable() ? Reasons.REPLICATION_PENDING : Reasons.UNREACHABLE;
        Verdict verdict =
                Verdict.progressing(
                        reason,
                        current.mode()
                                + " failover request "
                                + current.request()
                                + " is waiting: "
                                + blocker
                                + "; it fails after "
                                + duration(settings.safeFailoverTimeout()));
        return Plan.waitFor(c.memory.withInFlight(current), verdict, fast(), c.active);
    }

    /**
     * Null when a failover in this mode would be accepted now, else why not. Safe needs the pairing
     * Succeeded on both sides and zero pending replication; Forced needs only the partner to
     * answer.
     */
    /**
     * ARM refuses a Safe failover when primary and partner are in different subscriptions
     * (docs/arm-semantics.md §2.6), whatever the pairing's state: say so rather than wait for it.
     */
    static Optional<String> acrossSubscriptions(Desired desired) {
        String from = desired.primary().subscriptionId();
        String to = desired.partner().subscriptionId();
        if (from.equalsIgnoreCase(to)) {
            return Optional.empty();
        }
        return Optional.of(
                "a Safe failover is refused by ARM when primary and partner are in different"
                        + " subscriptions (primary in "
                        + from
                        + ", partner in "
                        + to
                        + "); a Forced one works (spec.failoverMode: Forced)");
    }

    static String gateBlocker(FailoverMode mode, SideView primary, SideView partner) {
        if (!partner.reachable()) {
            return "the partner namespace is unreachable";
        }
        if (mode == FailoverMode.Forced) {
            return null;
        }
        if (!primary.reachable()) {
            return "the primary namespace is unreachable, so pending replication cannot be checked";
        }
        if (!(primary instanceof SideView.Present p) || p.record().role() != AliasRole.Primary) {
            return "the primary namespace shows " + primary.describe();
        }
        if (p.record().provisioningState() != ProvisioningState.Succeeded) {
            return "the pairing is " + p.record().provisioningState() + ", not Succeeded";
        }
        if (!partner.is(AliasRole.Secondary, ProvisioningState.Succeeded)) {
            return "the partner namespace shows " + partner.describe();
        }
        long pending = p.record().pendingReplicationOperationsCount().orElse(0L);
        if (pending > 0) {
            return "replication is pending (" + pending + " operation(s))";
        }
        return null;
    }

    private Plan issue(Situation c, FailoverInFlight current) {
        FailoverInFlight intended = current.inPhase(FailoverPhase.Intended, c.now);
        FailoverInFlight issued = current.inPhase(FailoverPhase.Issued, c.now);
        Verdict verdict =
                Verdict.progressing(
                        Reasons.FAILING_OVER,
                        current.mode()
                                + " failover request "
                                + current.request()
                                + " issued on "
                                + ns(current.to())
                                + "; waiting for ARM to complete it");
        return Plan.act(
                        new Action.Failover(current.to(), c.desired.alias(), current.mode()),
                        c.memory.withInFlight(issued),
                        verdict,
                        fast(),
                        c.active)
                .withIntent(c.memory.withInFlight(intended));
    }

    /**
     * After a restart in Intended, ARM's state decides: partner still a steady Secondary means not
     * applied.
     */
    private Plan intended(Situation c, FailoverInFlight inFlight) {
        SideView partner = c.observed.partner();
        if (partner.is(AliasRole.Secondary, ProvisioningState.Succeeded)) {
            return waiting(c, inFlight);
        }
        if (partner.hasRole(AliasRole.Secondary)
                || partner.hasRole(AliasRole.PrimaryNotReplicating)) {
            return issued(c, inFlight.inPhase(FailoverPhase.Issued, c.now));
        }
        if (!partner.reachable()) {
            return unreachableWhileRunning(c, inFlight);
        }
        return finish(
                c,
                inFlight,
                FailoverOutcome.Failed,
                "failover request "
                        + inFlight.request()
                        + " was not applied: the partner namespace "
                        + ns(inFlight.to())
                        + " shows "
                        + partner.describe());
    }

    /**
     * Waiting for completion: partner Succeeded/PrimaryNotReplicating and the old primary's record
     * gone.
     */
    private Plan issued(Situation c, FailoverInFlight inFlight) {
        SideView partner = c.observed.partner();
        SideView oldPrimary = c.observed.primary();
        if (partner.is(AliasRole.PrimaryNotReplicating, ProvisioningState.Succeeded)
                && !(oldPrimary instanceof SideView.Present)) {
            return finish(
                    c,
                    inFlight,
                    FailoverOutcome.Succeeded,
                    "failed over from " + ns(inFlight.from()) + " to " + ns(inFlight.to()));
        }
        if (!partner.reachable()) {
            return unreachableWhileRunning(c, inFlight);
        }
        if (partner instanceof SideView.Absent || partner instanceof SideView.NamespaceMissing) {
            return finish(
                    c,
                    inFlight,
                    FailoverOutcome.Failed,
                    "failover request "
                            + inFlight.request()
                            + " failed: the partner namespace "
                            + ns(inFlight.to())
                            + " shows "
                            + partner.describe());
        }
        boolean progressing =
                partner instanceof SideView.Present p
                        && (p.record().isAccepted()
                                || p.record().role() == AliasRole.PrimaryNotReplicating);
        if (!progressing && timedOut(c.now, inFlight.phaseSince(), settings.issuedTimeout())) {
            return finish(
                    c,
                    inFlight,
                    FailoverOutcome.Failed,
                    "failover request "
                            + inFlight.request()
                            + " was accepted by ARM but the partner namespace still shows "
                            + partner.describe()
                            + " after "
                            + duration(settings.issuedTimeout()));
        }
        Verdict verdict =
                Verdict.progressing(
                        Reasons.FAILING_OVER,
                        inFlight.mode()
                                + " failover request "
                                + inFlight.request()
                                + " to "
                                + ns(inFlight.to())
                                + " is running: partner shows "
                                + partner.describe()
                                + ", old primary shows "
                                + oldPrimary.describe());
        return Plan.waitFor(c.memory.withInFlight(inFlight), verdict, fast(), c.active);
    }

    private Plan unreachableWhileRunning(Situation c, FailoverInFlight inFlight) {
        if (timedOut(c.now, inFlight.phaseSince(), settings.issuedTimeout())) {
            return finish(
                    c,
                    inFlight,
                    FailoverOutcome.Failed,
                    "failover request "
                            + inFlight.request()
                            + ": the partner namespace "
                            + ns(inFlight.to())
                            + " stayed unreachable for "
                            + duration(settings.issuedTimeout()));
        }
        Verdict verdict =
                Verdict.progressing(
                        Reasons.UNREACHABLE,
                        inFlight.mode()
                                + " failover request "
                                + inFlight.request()
                                + " is "
                                + inFlight.phase()
                                + "; the partner namespace "
                                + ns(inFlight.to())
                                + " is unreachable, so its progress cannot be seen");
        return Plan.waitFor(c.memory.withInFlight(inFlight), verdict, fast(), c.active);
    }

    private Plan reject(Situation c, FailoverInFlight inFlight, String why) {
        return finish(c, inFlight, FailoverOutcome.Rejected, why);
    }

    private Plan finish(
            Situation c, FailoverInFlight inFlight, FailoverOutcome outcome, String message) {
        FailoverResult result =
                new FailoverResult(
                        inFlight.request(),
                        outcome,
                        inFlight.mode(),
                        inFlight.from(),
                        inFlight.to(),
                        inFlight.startedAt(),
                        c.now,
                        message);
        FailoverMemory next = c.memory.finished(result);
        if (outcome == FailoverOutcome.Succeeded) {
            Verdict verdict =
                    Verdict.stalled(
                            Reasons.FAILED_OVER,
                            FailedOverGuidance.message(c.desired, inFlight.to()));
            return Plan.waitFor(
                            next,
                            verdict,
                            new Requeue(settings.steadyPoll(), true),
                            Optional.of(inFlight.to()))
                    .withNotice(
                            Notice.normal(
                                    Reasons.FAILOVER_SUCCEEDED,
                                    "Failover request "
                                            + inFlight.request()
                                            + " succeeded: "
                                            + message));
        }
        String reason =
                outcome == FailoverOutcome.Rejected
                        ? Reasons.FAILOVER_REJECTED
                        : Reasons.FAILOVER_FAILED;
        // The pairing rules take over from here; the result stays visible in status.failover.last.
        Verdict verdict = Verdict.progressing(reason, message);
        return Plan.waitFor(next, verdict, fast(), c.active)
                .withNotice(
                        Notice.warning(
                                reason,
                                "Failover request "
                                        + inFlight.request()
                                        + " "
                                        + outcome.name().toLowerCase(Locale.ROOT)
                                        + ": "
                                        + message));
    }

    private Requeue fast() {
        return new Requeue(settings.fastPoll(), false);
    }

    private static boolean timedOut(Instant now, Instant since, Duration limit) {
        return !now.isBefore(since.plus(limit));
    }

    /** What one planning pass sees: the same name in every rule set of the planner. */
    private record Situation(
            Desired desired,
            FailoverMemory memory,
            Observed observed,
            Instant now,
            Optional<NamespaceRef> active) {}
}
