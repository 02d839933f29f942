package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Names.duration;
import static dev.geodr.servicebus.pairing.Names.ns;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
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
        Context ctx = new Context(desired, memory, observed, now, active);
        if (memory.inFlight().isPresent()) {
            // Bumps while a request is being served fold into it: several bumps are one request.
            InFlightFailover inFlight = memory.inFlight().get();
            if (desired.failoverRequested() > inFlight.request()) {
                inFlight = inFlight.forRequest(desired.failoverRequested());
            }
            return Optional.of(
                    switch (inFlight.phase()) {
                        case Waiting -> waiting(ctx, inFlight);
                        case Intended -> intended(ctx, inFlight);
                        case Issued -> issued(ctx, inFlight);
                    });
        }
        if (desired.failoverRequested() > memory.lastHandledRequest()) {
            InFlightFailover taken =
                    new InFlightFailover(
                            desired.failoverRequested(),
                            desired.failoverMode(),
                            desired.primary(),
                            desired.partner(),
                            FailoverPhase.Waiting,
                            now,
                            now);
            return Optional.of(waiting(ctx, taken));
        }
        return Optional.empty();
    }

    /**
     * A request not yet sent: reject it, keep waiting for its gate, or write intent and issue it.
     */
    private Plan waiting(Context ctx, InFlightFailover inFlight) {
        // The mode is read from the spec each pass, so switching a waiting Safe request to Forced
        // takes effect.
        InFlightFailover current =
                new InFlightFailover(
                        inFlight.request(),
                        ctx.desired.failoverMode(),
                        inFlight.from(),
                        inFlight.to(),
                        FailoverPhase.Waiting,
                        inFlight.startedAt(),
                        inFlight.phaseSince());
        SideView partner = ctx.observed.partner();
        SideView primary = ctx.observed.primary();

        if (partner.hasRole(AliasRole.PrimaryNotReplicating)
                && !primary.hasRole(AliasRole.Primary)) {
            return reject(
                    ctx,
                    current,
                    "nothing to fail over: the alias already lives on "
                            + ns(current.to())
                            + " (PrimaryNotReplicating); update spec.primaryNamespace and spec.partnerNamespace to restore "
                            + "Geo-DR");
        }
        if (partner instanceof SideView.Absent || partner instanceof SideView.NamespaceMissing) {
            return reject(
                    ctx,
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
                    ctx,
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
            return issue(ctx, current);
        }
        if (timedOut(ctx.now, current.startedAt(), settings.safeFailoverTimeout())) {
            return finish(
                    ctx,
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
        return Plan.waitFor(ctx.memory.withInFlight(current), verdict, fast(), ctx.active);
    }

    /**
     * Null when a failover in this mode would be accepted now, else why not. Safe needs the pairing
     * Succeeded on both sides and zero pending replication; Forced needs only the partner to
     * answer.
     */
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

    private Plan issue(Context ctx, InFlightFailover current) {
        InFlightFailover intended = current.inPhase(FailoverPhase.Intended, ctx.now);
        InFlightFailover issued = current.inPhase(FailoverPhase.Issued, ctx.now);
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
                        new Action.Failover(current.to(), ctx.desired.alias(), current.mode()),
                        ctx.memory.withInFlight(issued),
                        verdict,
                        fast(),
                        ctx.active)
                .withIntent(ctx.memory.withInFlight(intended));
    }

    /**
     * After a restart in Intended, ARM's state decides: partner still a steady Secondary means not
     * applied.
     */
    private Plan intended(Context ctx, InFlightFailover inFlight) {
        SideView partner = ctx.observed.partner();
        if (partner.is(AliasRole.Secondary, ProvisioningState.Succeeded)) {
            return waiting(ctx, inFlight);
        }
        if (partner.hasRole(AliasRole.Secondary)
                || partner.hasRole(AliasRole.PrimaryNotReplicating)) {
            return issued(ctx, inFlight.inPhase(FailoverPhase.Issued, ctx.now));
        }
        if (!partner.reachable()) {
            return unreachableWhileRunning(ctx, inFlight);
        }
        return finish(
                ctx,
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
    private Plan issued(Context ctx, InFlightFailover inFlight) {
        SideView partner = ctx.observed.partner();
        SideView oldPrimary = ctx.observed.primary();
        if (partner.is(AliasRole.PrimaryNotReplicating, ProvisioningState.Succeeded)
                && !(oldPrimary instanceof SideView.Present)) {
            return finish(
                    ctx,
                    inFlight,
                    FailoverOutcome.Succeeded,
                    "failed over from " + ns(inFlight.from()) + " to " + ns(inFlight.to()));
        }
        if (!partner.reachable()) {
            return unreachableWhileRunning(ctx, inFlight);
        }
        if (partner instanceof SideView.Absent || partner instanceof SideView.NamespaceMissing) {
            return finish(
                    ctx,
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
        if (!progressing && timedOut(ctx.now, inFlight.phaseSince(), settings.issuedTimeout())) {
            return finish(
                    ctx,
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
        return Plan.waitFor(ctx.memory.withInFlight(inFlight), verdict, fast(), ctx.active);
    }

    private Plan unreachableWhileRunning(Context ctx, InFlightFailover inFlight) {
        if (timedOut(ctx.now, inFlight.phaseSince(), settings.issuedTimeout())) {
            return finish(
                    ctx,
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
        return Plan.waitFor(ctx.memory.withInFlight(inFlight), verdict, fast(), ctx.active);
    }

    private Plan reject(Context ctx, InFlightFailover inFlight, String why) {
        return finish(ctx, inFlight, FailoverOutcome.Rejected, why);
    }

    private Plan finish(
            Context ctx, InFlightFailover inFlight, FailoverOutcome outcome, String message) {
        FailoverResult result =
                new FailoverResult(
                        inFlight.request(),
                        outcome,
                        inFlight.mode(),
                        inFlight.from(),
                        inFlight.to(),
                        inFlight.startedAt(),
                        ctx.now,
                        message);
        FailoverMemory next = ctx.memory.finished(result);
        if (outcome == FailoverOutcome.Succeeded) {
            Verdict verdict =
                    Verdict.stalled(
                            Reasons.FAILED_OVER,
                            FailedOverGuidance.message(ctx.desired, inFlight.to()));
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
        return Plan.waitFor(next, verdict, fast(), ctx.active)
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

    private record Context(
            Desired desired,
            FailoverMemory memory,
            Observed observed,
            Instant now,
            Optional<NamespaceRef> active) {}
}
