package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Names.ns;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Converging Azure to the spec when no failover is being served: create, wait, repair a broken
 * pairing, change partner (break, wait, PUT), follow a fail-forward, and report a failover that
 * already happened. Every write here is preceded by a fresh observation of both namespaces.
 */
final class PairingRules {

    private final PlannerSettings settings;

    PairingRules(PlannerSettings settings) {
        this.settings = settings;
    }

    Plan plan(
            Desired desired,
            FailoverMemory memory,
            Memory previous,
            Observed observed,
            Optional<NamespaceRef> active) {
        Situation c = new Situation(desired, memory, previous, observed, active);
        SideView primary = observed.primary();
        SideView partner = observed.partner();

        if (primary instanceof SideView.NamespaceMissing) {
            return c.stalled(
                    Reasons.INVALID_SPEC,
                    "spec.primaryNamespace: namespace "
                            + desired.primary().id()
                            + " does not exist");
        }
        if (partner instanceof SideView.NamespaceMissing) {
            return c.stalled(
                    Reasons.INVALID_SPEC,
                    "spec.partnerNamespace: namespace "
                            + desired.partner().id()
                            + " does not exist");
        }
        if (!primary.reachable()) {
            if (partner.hasRole(AliasRole.PrimaryNotReplicating)) {
                return failedOver(c);
            }
            return c.waitSlowly(
                    Verdict.progressing(
                            Reasons.UNREACHABLE,
                            "spec.primaryNamespace "
                                    + ns(desired.primary())
                                    + " is unreachable ("
                                    + ((SideView.Unreachable) primary).message()
                                    + "); nothing is written until it "
                                    + "answers; to move the alias to "
                                    + ns(desired.partner())
                                    + " bump spec.failoverRequested with failoverMode Forced"));
        }
        if (primary instanceof SideView.Absent) {
            return primaryHasNoRecord(c);
        }
        AliasRecord record = ((SideView.Present) primary).record();
        if (record.role() == null || record.provisioningState() == null) {
            return c.stalled(
                    Reasons.AZURE_ERROR,
                    "ARM returned an unknown role or provisioningState for the alias on "
                            + ns(desired.primary()));
        }
        if (record.provisioningState() == ProvisioningState.Failed) {
            return c.stalled(
                    Reasons.AZURE_ERROR,
                    "ARM reports provisioningState Failed for the alias on "
                            + ns(desired.primary())
                            + " (role "
                            + record.role()
                            + "); check the namespace in Azure");
        }
        return switch (record.role()) {
            case Primary -> primaryRecord(c, record);
            case PrimaryNotReplicating -> notReplicating(c, record);
            case Secondary ->
                    c.stalled(
                            Reasons.INVALID_SPEC,
                            "spec.primaryNamespace: "
                                    + ns(desired.primary())
                                    + " is the Secondary of this alias (its primary is "
                                    + record.partnerNamespace().map(NamespaceRef::name).orElse("?")
                                    + "); the operator never fails over "
                                    + "implicitly: swap spec.primaryNamespace and spec.partnerNamespace to match Azure, then bump "
                                    + "spec.failoverRequested if you want the roles exchanged");
        };
    }

    private Plan primaryHasNoRecord(Situation c) {
        SideView partner = c.observed.partner();
        if (partner.hasRole(AliasRole.PrimaryNotReplicating)) {
            return failedOver(c);
        }
        if (partner.hasRole(AliasRole.Primary)) {
            return partnerTaken(c);
        }
        if (partner.hasRole(AliasRole.Secondary)) {
            if (partner.partnerIs(c.desired.primary())) {
                // The secondary record appears with the primary's; give ARM a moment to show both.
                return c.waitFast(
                        Verdict.progressing(
                                Reasons.PAIRING,
                                "the partner shows Secondary of "
                                        + ns(c.desired.primary())
                                        + " but the primary has no record yet; waiting"));
            }
            return partnerTaken(c);
        }
        if (!partner.reachable()) {
            return partnerUnreachable(c, "create the pairing");
        }
        return createPairing(
                c,
                "creating the alias "
                        + c.desired.alias()
                        + " on "
                        + ns(c.desired.primary())
                        + " with partner "
                        + ns(c.desired.partner()));
    }

    private Plan primaryRecord(Situation c, AliasRecord record) {
        NamespaceRef wanted = c.desired.partner();
        boolean partnerMatches = record.partnerNamespace().map(wanted::sameAs).orElse(false);
        if (!partnerMatches) {
            String current = record.partnerNamespace().map(NamespaceRef::name).orElse("none");
            if (record.isAccepted()) {
                return c.waitFast(
                        Verdict.progressing(
                                Reasons.BREAKING,
                                "spec.partnerNamespace changed from "
                                        + current
                                        + " to "
                                        + ns(wanted)
                                        + "; waiting for ARM (Accepted) before breaking and re-pairing"));
            }
            // Judge the new partner before breaking: a break for a PUT that preflight (or ARM)
            // would refuse leaves the old pairing broken for nothing.
            List<String> problems = preflight(c);
            if (!problems.isEmpty()) {
                return c.stalled(Reasons.INVALID_SPEC, String.join("; ", problems));
            }
            return c.act(
                    new Action.BreakPairing(c.desired.primary(), c.desired.alias()),
                    Verdict.progressing(
                            Reasons.BREAKING,
                            "spec.partnerNamespace changed from "
                                    + current
                                    + " to "
                                    + ns(wanted)
                                    + "; breaking the pairing before re-pairing"));
        }
        if (record.isAccepted()) {
            return c.waitFast(
                    Verdict.progressing(
                            Reasons.PAIRING,
                            "ARM reports the alias Accepted on "
                                    + ns(c.desired.primary())
                                    + "; waiting for Succeeded"));
        }
        SideView partner = c.observed.partner();
        long pending = record.pendingReplicationOperationsCount().orElse(0L);
        if (partner.is(AliasRole.Secondary, ProvisioningState.Succeeded) || !partner.reachable()) {
            String tail =
                    !partner.reachable()
                            ? "; the partner namespace is unreachable"
                            : pending > 0
                                    ? "; " + pending + " replication operation(s) pending"
                                    : "";
            Verdict verdict =
                    Verdict.ready(
                            Reasons.PAIRED,
                            "alias "
                                    + c.desired.alias()
                                    + " is Primary on "
                                    + ns(c.desired.primary())
                                    + " with Secondary "
                                    + ns(wanted)
                                    + tail);
            boolean steady = pending == 0 && partner.reachable();
            return c.waitWith(
                    verdict,
                    steady
                            ? new Requeue(settings.steadyPoll(), true)
                            : new Requeue(settings.pendingPoll(), false));
        }
        return c.waitFast(
                Verdict.progressing(
                        Reasons.PAIRING,
                        "the primary is Succeeded; waiting for the partner "
                                + ns(wanted)
                                + " (shows "
                                + partner.describe()
                                + ")"));
    }

    private Plan notReplicating(Situation c, AliasRecord record) {
        if (record.isAccepted()) {
            return c.waitFast(
                    Verdict.progressing(
                            Reasons.BREAKING,
                            "ARM is finishing a break on "
                                    + ns(c.desired.primary())
                                    + " (PrimaryNotReplicating/Accepted); waiting"));
        }
        SideView partner = c.observed.partner();
        if (partner instanceof SideView.Present) {
            if (partner.partnerIs(c.desired.primary())) {
                return c.waitFast(
                        Verdict.progressing(
                                Reasons.BREAKING,
                                "the partner "
                                        + ns(c.desired.partner())
                                        + " still shows "
                                        + partner.describe()
                                        + "; waiting for the break to finish"));
            }
            return partnerTaken(c);
        }
        if (!partner.reachable()) {
            return partnerUnreachable(c, "re-pair");
        }
        // A PNR record on the spec'd primary: broken out of band, our own break for a new partner,
        // or the
        // namespace that took over in a failover now named as primary (fail-forward). All re-pair
        // by PUT.
        return createPairing(
                c,
                "re-pairing the alias "
                        + c.desired.alias()
                        + " on "
                        + ns(c.desired.primary())
                        + " (PrimaryNotReplicating) with partner "
                        + ns(c.desired.partner()));
    }

    private Plan createPairing(Situation c, String message) {
        if (c.observed.primaryInfo().isEmpty() || c.observed.partnerInfo().isEmpty()) {
            throw new IllegalStateException(
                    "namespace info must be observed before a pairing is planned");
        }
        List<String> problems = Preflight.problems(c.desired, c.observed);
        if (!problems.isEmpty()) {
            return c.stalled(Reasons.INVALID_SPEC, String.join("; ", problems));
        }
        return c.act(
                new Action.CreatePairing(
                        c.desired.primary(),
                        c.desired.partner(),
                        c.desired.alias(),
                        c.desired.alternateName()),
                Verdict.progressing(Reasons.PAIRING, message));
    }

    /** Preflight when this pass observed the namespaces (see needsNamespaceInfo), else nothing. */
    private static List<String> preflight(Situation c) {
        if (c.observed.primaryInfo().isEmpty() || c.observed.partnerInfo().isEmpty()) {
            return List.of();
        }
        return Preflight.problems(c.desired, c.observed);
    }

    private Plan failedOver(Situation c) {
        NamespaceRef active = c.desired.partner();
        Plan plan =
                c.stalledAt(
                        Verdict.stalled(
                                Reasons.FAILED_OVER, FailedOverGuidance.message(c.desired, active)),
                        Optional.of(active));
        boolean sawPrimaryActive =
                c.previous.previousActive().map(c.desired.primary()::sameAs).orElse(false);
        if (sawPrimaryActive) {
            return plan.withNotice(
                    Notice.warning(
                            Reasons.OUT_OF_BAND_FAILOVER,
                            "The alias "
                                    + c.desired.alias()
                                    + " moved from "
                                    + ns(c.desired.primary())
                                    + " to "
                                    + ns(active)
                                    + " without a failover request to this operator"));
        }
        return plan;
    }

    private Plan partnerTaken(Situation c) {
        AliasRecord other = ((SideView.Present) c.observed.partner()).record();
        return c.stalled(
                Reasons.INVALID_SPEC,
                "spec.partnerNamespace: namespace "
                        + ns(c.desired.partner())
                        + " already holds the alias as "
                        + other.role()
                        + " in another pairing"
                        + other.partnerNamespace().map(p -> " (with " + p.name() + ")").orElse("")
                        + "; choose a new, empty Premium namespace");
    }

    private Plan partnerUnreachable(Situation c, String what) {
        return c.waitSlowly(
                Verdict.progressing(
                        Reasons.UNREACHABLE,
                        "spec.partnerNamespace "
                                + ns(c.desired.partner())
                                + " is unreachable; waiting for it to answer before trying to "
                                + what));
    }

    /** What one planning pass sees: the same name in every rule set of the planner. */
    private final class Situation {
        final Desired desired;
        final FailoverMemory memory;
        final Memory previous;
        final Observed observed;
        final Optional<NamespaceRef> active;

        Situation(
                Desired desired,
                FailoverMemory memory,
                Memory previous,
                Observed observed,
                Optional<NamespaceRef> active) {
            this.desired = desired;
            this.memory = memory;
            this.previous = previous;
            this.observed = observed;
            this.active = active;
        }

        /** After a pairing PUT the first poll waits for the soonest ARM can be done. */
        Plan act(Action action, Verdict verdict) {
            Duration next =
                    action instanceof Action.CreatePairing
                            ? settings.firstPairingPoll()
                            : settings.fastPoll();
            return Plan.act(action, memory, verdict, new Requeue(next, false), active);
        }

        Plan waitFast(Verdict verdict) {
            return waitWith(verdict, new Requeue(settings.fastPoll(), false));
        }

        Plan waitSlowly(Verdict verdict) {
            return waitWith(verdict, new Requeue(settings.pendingPoll(), false));
        }

        Plan waitWith(Verdict verdict, Requeue requeue) {
            return Plan.waitFor(memory, verdict, requeue, active);
        }

        Plan stalled(String reason, String message) {
            return stalledAt(Verdict.stalled(reason, message), active);
        }

        Plan stalledAt(Verdict verdict, Optional<NamespaceRef> activeNow) {
            return Plan.waitFor(
                    memory, verdict, new Requeue(settings.steadyPoll(), true), activeNow);
        }
    }
}
