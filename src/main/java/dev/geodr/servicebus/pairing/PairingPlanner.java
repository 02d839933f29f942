package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.ObserverHandover;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The pure decision of one reconcile pass: (desired, memory, observed, now) → plan. No I/O;
 * table-tested. Order matters: invalid spec, then deletion, then failover (exactly once), then
 * pairing convergence.
 */
public final class PairingPlanner {

    /** How an observer of this kind words a request passing to the writer, and the handover. */
    public static final ObserverHandover OBSERVER_HANDOVER = ObserverRules.HANDOVER;

    private final PlannerSettings settings;
    private final FailoverRules failover;
    private final PairingRules pairing;
    private final DeletionRules deletion;
    private final ObserverRules observer;

    public PairingPlanner(PlannerSettings settings) {
        this.settings = settings;
        this.failover = new FailoverRules(settings);
        this.pairing = new PairingRules(settings);
        this.deletion = new DeletionRules(settings);
        this.observer = new ObserverRules(this, settings);
    }

    public PlannerSettings settings() {
        return settings;
    }

    public Plan plan(Desired desired, Memory memory, Observed observed, Instant now) {
        var active = ActiveNamespace.of(desired, observed, memory);
        // First sight adopts the requested count: restoring a resource from Git after a failover
        // must never
        // fail over again.
        FailoverMemory failoverMemory =
                memory.failover()
                        .orElseGet(() -> FailoverMemory.adopted(desired.failoverRequested()));
        if (desired.deleting()) {
            return deletion.plan(desired, failoverMemory, observed, active);
        }
        if (!observed.specProblems().isEmpty()) {
            return Plan.waitFor(
                    failoverMemory,
                    Verdict.stalled(
                            Reasons.INVALID_SPEC, String.join("; ", observed.specProblems())),
                    new Requeue(settings.steadyPoll(), true),
                    active);
        }
        Plan plan =
                failover.plan(desired, failoverMemory, observed, now, active)
                        .orElseGet(
                                () ->
                                        pairing.plan(
                                                desired, failoverMemory, memory, observed, active));
        if (memory.failover().isEmpty() && desired.failoverRequested() > 0) {
            plan =
                    plan.withNotice(
                            Notice.normal(
                                    Reasons.FAILOVER_ADOPTED,
                                    "First sight: adopted "
                                            + "spec.failoverRequested="
                                            + desired.failoverRequested()
                                            + " as already handled; no failover"));
        }
        return plan;
    }

    /**
     * The pass of an operator that may not write for this resource ({@link
     * WriteAuthority#mayWrite()} false): the plan never holds a write or an intent; see {@link
     * ObserverRules}.
     */
    public Plan planAsObserver(
            Desired desired, Memory memory, Observed observed, Instant now, WriteAuthority who) {
        return observer.plan(desired, memory, observed, now, who);
    }

    /**
     * The memory an observer works from: every request value seen is handled, nothing unsent is in
     * flight. The operator reads ARM by it, so an observer's reads never take a failover's
     * priority.
     */
    public static Memory observerMemory(Desired desired, Memory memory) {
        return ObserverRules.memory(desired, memory);
    }

    /**
     * A spec the operator cannot read (admission normally refuses it): nothing is sent to Azure,
     * and deleting such a resource touches nothing. First sight still adopts the raw {@code
     * spec.failoverRequested}, read leniently from the otherwise invalid spec: adopting 0 here
     * would turn fixing the spec into a failover nobody asked for.
     */
    public Plan planUnreadableSpec(
            Memory memory, long rawFailoverRequested, List<String> problems, boolean deleting) {
        FailoverMemory failoverMemory =
                memory.failover()
                        .orElseGet(() -> FailoverMemory.adopted(Math.max(0, rawFailoverRequested)));
        Action action = deleting ? new Action.ReleaseFinalizer() : Action.none();
        return Plan.act(
                action,
                failoverMemory,
                Verdict.stalled(Reasons.INVALID_SPEC, String.join("; ", problems)),
                new Requeue(settings.steadyPoll(), true),
                memory.previousActive());
    }

    /**
     * Reading ARM failed, so nothing is known of Azure this pass; see {@link ObservationFailures}.
     *
     * @param spread in [0, 1), drawn by the caller, spreads throttled pairings over the wait
     */
    public Plan afterObservationFailure(
            Desired desired,
            Memory memory,
            ArmErrorKind kind,
            String message,
            Optional<Duration> retryAfter,
            double spread) {
        return ObservationFailures.after(
                desired, memory, kind, message, retryAfter, spread, settings);
    }

    /**
     * Whether this pass works on a failover request: one adopted earlier and not yet handled, or
     * one in flight. Its ARM calls outrank routine work. A request seen for the first time is
     * adopted, not acted on, and a resource being deleted fails nothing over.
     */
    public static boolean failoverPending(Desired desired, Memory memory) {
        return !desired.deleting()
                && memory.failover()
                        .map(
                                f ->
                                        f.inFlight().isPresent()
                                                || desired.failoverRequested()
                                                        > f.lastHandledRequest())
                        .orElse(false);
    }

    /**
     * Whether a poll may skip the partner: while ARM pairs (the primary's record is Accepted and
     * names our partner) nothing is decided from the partner's record, and ARM shows it only as the
     * Secondary being made. The primary's record going to Succeeded is what the poll waits for; the
     * pass that sees it reads the partner again.
     */
    public static boolean partnerCanWait(Desired desired, SideView primary) {
        return !desired.deleting()
                && primary.is(AliasRole.Primary, ProvisioningState.Accepted)
                && primary.partnerIs(desired.partner());
    }

    /**
     * A pending Forced request: it needs only the secondary, so a primary that just failed to
     * answer need not be read again.
     */
    public static boolean forcedFailoverPending(Desired desired, Memory memory) {
        if (!failoverPending(desired, memory)) {
            return false;
        }
        return desired.failoverMode() == FailoverMode.Forced
                || memory.failover()
                        .flatMap(FailoverMemory::inFlight)
                        .map(f -> f.mode() == FailoverMode.Forced)
                        .orElse(false);
    }

    /**
     * Whether this pass must read both namespaces' SKU, partitions and entity counts (and list
     * their aliases, see {@link #needsAliasList}): only when a PUT may follow, or a break for a new
     * partner that a PUT would follow, so a steady pairing costs two GETs per poll.
     */
    public static boolean needsNamespaceInfo(Desired desired, SideView primary, SideView partner) {
        if (desired.deleting() || !partner.isAbsent()) {
            return false;
        }
        return primary.isAbsent()
                || primary.is(AliasRole.PrimaryNotReplicating, ProvisioningState.Succeeded)
                || (primary.is(AliasRole.Primary, ProvisioningState.Succeeded)
                        && !primary.partnerIs(desired.partner()));
    }

    /**
     * Whether this side's aliases must be listed: with the namespace info, and only on a side that
     * holds no record of our alias (a namespace that holds ours cannot hold another).
     */
    public static boolean needsAliasList(
            Desired desired, SideView primary, SideView partner, SideView side) {
        return needsNamespaceInfo(desired, primary, partner) && side.isAbsent();
    }

    /**
     * The plan after the action failed in ARM. A failed failover POST goes back to waiting (a Safe
     * request refused for pending replication keeps its timeout) unless the refusal is final; other
     * failures keep the memory and let the next observation decide.
     */
    public Plan afterActionFailure(
            Plan plan,
            ArmErrorKind kind,
            String message,
            Optional<Duration> retryAfter,
            Instant now) {
        return ActionFailures.after(plan, kind, message, retryAfter, now, settings);
    }
}
