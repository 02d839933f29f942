package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Names.ns;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.Optional;

/**
 * What deleting the resource does in Azure. {@code Retain} leaves Azure untouched, so an accidental
 * delete or a GitOps prune never takes the alias DNS name from running applications. {@code Delete}
 * breaks the pairing, waits for PrimaryNotReplicating/Succeeded, deletes the alias where it lives
 * and waits for it to be gone; NotFound at any step counts as done.
 */
final class DeletionRules {

    private final PlannerSettings settings;

    DeletionRules(PlannerSettings settings) {
        this.settings = settings;
    }

    Plan plan(
            Desired desired,
            FailoverMemory memory,
            Observed observed,
            Optional<NamespaceRef> active) {
        if (!desired.deleteInAzure()) {
            return Plan.act(
                    new Action.ReleaseFinalizer(),
                    memory,
                    Verdict.progressing(
                            Reasons.DELETING, "deletionPolicy Retain: the alias is left in Azure"),
                    fast(),
                    active);
        }
        if (!observed.specProblems().isEmpty()) {
            return waitFor(
                    memory,
                    active,
                    Reasons.INVALID_SPEC,
                    "cannot delete the alias in Azure: "
                            + String.join("; ", observed.specProblems())
                            + "; fix it, or set spec.deletionPolicy to Retain to let the resource go");
        }
        Optional<Plan> onPrimary =
                holder(desired, desired.primary(), observed.primary(), memory, active);
        if (onPrimary.isPresent()) {
            return onPrimary.get();
        }
        Optional<Plan> onPartner =
                holder(desired, desired.partner(), observed.partner(), memory, active);
        if (onPartner.isPresent()) {
            return onPartner.get();
        }
        if (observed.partner().hasRole(AliasRole.Secondary)
                || observed.primary().hasRole(AliasRole.Secondary)) {
            return waitFor(
                    memory,
                    active,
                    Reasons.DELETING,
                    "a Secondary record is still visible (failover or break in progress); waiting before deleting");
        }
        if (!observed.primary().reachable() || !observed.partner().reachable()) {
            return waitFor(
                    memory,
                    active,
                    Reasons.UNREACHABLE,
                    "cannot see where the alias lives: "
                            + (observed.primary().reachable()
                                    ? ""
                                    : ns(desired.primary()) + " is unreachable ")
                            + (observed.partner().reachable()
                                    ? ""
                                    : ns(desired.partner()) + " is unreachable ")
                            + "; waiting, or set spec.deletionPolicy to Retain to let the resource go");
        }
        return Plan.act(
                new Action.ReleaseFinalizer(),
                memory,
                Verdict.progressing(Reasons.DELETING, "the alias is gone from Azure"),
                fast(),
                Optional.empty());
    }

    /**
     * The plan for the side that holds the alias as Primary or PrimaryNotReplicating, if this one
     * does.
     */
    private Optional<Plan> holder(
            Desired desired,
            NamespaceRef ns,
            SideView side,
            FailoverMemory memory,
            Optional<NamespaceRef> active) {
        if (side.is(AliasRole.Primary, ProvisioningState.Succeeded)) {
            return Optional.of(
                    Plan.act(
                            new Action.BreakPairing(ns, desired.alias()),
                            memory,
                            Verdict.progressing(
                                    Reasons.DELETING,
                                    "deletionPolicy Delete: breaking the pairing on "
                                            + ns(ns)
                                            + " before deleting the alias"),
                            fast(),
                            active));
        }
        if (side.is(AliasRole.PrimaryNotReplicating, ProvisioningState.Succeeded)) {
            return Optional.of(
                    Plan.act(
                            new Action.DeleteAlias(ns, desired.alias()),
                            memory,
                            Verdict.progressing(
                                    Reasons.DELETING,
                                    "deletionPolicy Delete: deleting the alias on " + ns(ns)),
                            fast(),
                            active));
        }
        if (side.hasRole(AliasRole.Primary) || side.hasRole(AliasRole.PrimaryNotReplicating)) {
            return Optional.of(
                    waitFor(
                            memory,
                            active,
                            Reasons.DELETING,
                            "deletionPolicy Delete: the alias on "
                                    + ns(ns)
                                    + " is "
                                    + side.describe()
                                    + "; waiting for Succeeded"));
        }
        return Optional.empty();
    }

    private Plan waitFor(
            FailoverMemory memory, Optional<NamespaceRef> active, String reason, String message) {
        return Plan.waitFor(memory, Verdict.progressing(reason, message), fast(), active);
    }

    private Requeue fast() {
        return new Requeue(settings.fastPoll(), false);
    }
}
