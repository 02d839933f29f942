package dev.geodr.servicebus.status;

import dev.geodr.servicebus.api.v1alpha1.Conditions;
import dev.geodr.servicebus.api.v1alpha1.NamespaceStatus;
import dev.geodr.servicebus.api.v1alpha1.ParityStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverGate;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.Reasons;
import dev.geodr.servicebus.pairing.SideView;
import dev.geodr.servicebus.parity.ParityReport;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one place that turns a pass's outcome into status. Pure: the same inputs give the same
 * status, and a condition whose status, reason and message did not change keeps its
 * lastTransitionTime, so an unchanged situation produces an equal status and no patch.
 */
public final class StatusProjector {

    public static final String READY = Conditions.READY;
    public static final String RECONCILING = Conditions.RECONCILING;
    public static final String STALLED = Conditions.STALLED;
    public static final String FAILOVER_READY = Conditions.FAILOVER_READY;

    private StatusProjector() {}

    /** {@code status.mode} of an operator that may write for the resource. */
    public static final String WRITER = "Writer";

    /** {@code status.mode} of an operator that only reads: spec.writerCluster names another. */
    public static final String OBSERVER = "Observer";

    /**
     * Inputs of one projection; {@code observed} may be empty when ARM was not read (invalid spec,
     * throttled).
     *
     * @param who whether this operator writes for the resource or observes it
     * @param parity the comparison of the unreplicated settings this pass made, if it made one
     */
    public record Input(
            long generation,
            Desired desired,
            Optional<Observed> observed,
            FailoverMemory memory,
            Verdict verdict,
            Optional<NamespaceRef> active,
            Instant now,
            WriteAuthority who,
            Optional<ParityReport> parity) {

        /** One cluster: the operator writes. */
        public Input(
                long generation,
                Desired desired,
                Optional<Observed> observed,
                FailoverMemory memory,
                Verdict verdict,
                Optional<NamespaceRef> active,
                Instant now) {
            this(
                    generation,
                    desired,
                    observed,
                    memory,
                    verdict,
                    active,
                    now,
                    WriteAuthority.single(),
                    Optional.empty());
        }
    }

    public static ServiceBusGeoPairingStatus project(
            ServiceBusGeoPairingStatus previous, Input in) {
        ServiceBusGeoPairingStatus out = new ServiceBusGeoPairingStatus();
        out.setObservedGeneration(in.generation());
        Optional<Observed> observed = in.observed();
        if (observed.isPresent()) {
            SideView primary = observed.get().primary();
            record(primary)
                    .ifPresentOrElse(
                            r -> {
                                out.setRole(r.role() == null ? "" : r.role().name());
                                out.setProvisioningState(
                                        r.provisioningState() == null
                                                ? null
                                                : r.provisioningState().name());
                                out.setPendingReplicationOperationsCount(
                                        r.pendingReplicationOperationsCount().orElse(null));
                            },
                            () -> out.setRole(""));
            out.setPrimary(side(in.desired().primary(), primary));
            out.setPartner(side(in.desired().partner(), observed.get().partner()));
        } else if (previous != null) {
            // Nothing was read this pass: keep what was last seen rather than erase it.
            out.setRole(previous.getRole());
            out.setProvisioningState(previous.getProvisioningState());
            out.setPendingReplicationOperationsCount(
                    previous.getPendingReplicationOperationsCount());
            out.setPrimary(previous.getPrimary());
            out.setPartner(previous.getPartner());
        }
        in.active()
                .ifPresent(
                        a -> {
                            out.setActiveNamespace(a.id());
                            out.setActiveNamespaceName(a.name());
                        });
        out.setMode(in.who().mayWrite() ? WRITER : OBSERVER);
        out.setCluster(in.who().thisCluster().orElse(null));
        out.setParity(
                ParityProjection.status(
                        in.parity(), previous == null ? null : previous.getParity()));
        out.setFailover(FailoverMemoryCodec.write(in.memory()));
        out.setConditions(conditions(previous, in, out.getParity()));
        // lastSyncTime moves only with the rest of the status, and lastObservedTime at most every
        // OBSERVED_REFRESH besides, so a steady pairing is not patched every poll.
        boolean readArm = in.observed().isPresent();
        if (previous != null) {
            out.setLastSyncTime(previous.getLastSyncTime());
            out.setLastObservedTime(previous.getLastObservedTime());
            if (out.equals(previous)) {
                if (readArm && Kstatus.observationIsOld(previous.getLastObservedTime(), in.now())) {
                    out.setLastObservedTime(Times.format(in.now()));
                }
                return out;
            }
        }
        out.setLastSyncTime(Times.format(in.now()));
        if (readArm) {
            out.setLastObservedTime(Times.format(in.now()));
        }
        return out;
    }

    /** True when writing {@code next} would change nothing a user or tool can see. */
    public static boolean unchanged(
            ServiceBusGeoPairingStatus previous, ServiceBusGeoPairingStatus next) {
        return Kstatus.unchanged(previous, next);
    }

    private static List<Condition> conditions(
            ServiceBusGeoPairingStatus previous, Input in, ParityStatus parity) {
        List<Condition> before = previous == null ? null : previous.getConditions();
        String blocker = failoverBlocker(in);
        String armSays =
                (blocker == null ? "a Safe failover issued now would be accepted" : blocker)
                        + ParityProjection.failoverTail(parity);
        Condition failoverReady =
                in.who().mayWrite()
                        ? Kstatus.condition(
                                before,
                                in.generation(),
                                FAILOVER_READY,
                                blocker == null,
                                blocker == null ? "Ready" : failoverReason(in),
                                armSays,
                                in.now())
                        : Kstatus.condition(
                                before,
                                in.generation(),
                                FAILOVER_READY,
                                false,
                                Reasons.OBSERVER,
                                observerFailoverMessage(in.who(), armSays),
                                in.now());
        Condition settingsInParity =
                ParityProjection.condition(before, in.generation(), parity, in.now());
        return Kstatus.conditions(
                before,
                in.generation(),
                in.verdict(),
                in.now(),
                List.of(failoverReady, settingsInParity));
    }

    /**
     * An observer's FailoverReady: a request here is never sent, and the one change that makes this
     * cluster the one that fails over. What ARM would say to the writer follows.
     */
    private static String observerFailoverMessage(WriteAuthority who, String armSays) {
        return PairingPlanner.OBSERVER_HANDOVER.readiness(who, armSays);
    }

    /** Null when a Safe failover issued now would be accepted, else why not. */
    private static String failoverBlocker(Input in) {
        if (in.desired() != null) {
            Optional<String> never = FailoverGate.safeNeverAccepted(in.desired());
            if (never.isPresent()) {
                return never.get();
            }
        }
        if (in.memory().inFlight().isPresent()) {
            return "a failover is already in flight";
        }
        if (in.observed().isEmpty()) {
            return "ARM was not read in this pass";
        }
        SideView primary = in.observed().get().primary();
        SideView partner = in.observed().get().partner();
        if (!primary.hasRole(AliasRole.Primary) || !primary.partnerIs(in.desired().partner())) {
            return "the alias is not paired as spec'd (primary shows " + primary.describe() + ")";
        }
        String blocker = FailoverGate.blocker(FailoverMode.Safe, primary, partner);
        return blocker;
    }

    private static String failoverReason(Input in) {
        if (in.desired() != null && FailoverGate.safeNeverAccepted(in.desired()).isPresent()) {
            return Reasons.CROSS_SUBSCRIPTION;
        }
        if (in.memory().inFlight().isPresent()) {
            return Reasons.FAILING_OVER;
        }
        if (in.observed().isEmpty()) {
            return in.verdict().reason();
        }
        SideView primary = in.observed().get().primary();
        SideView partner = in.observed().get().partner();
        if (!primary.reachable() || !partner.reachable()) {
            return Reasons.UNREACHABLE;
        }
        if (primary.is(AliasRole.Primary, ProvisioningState.Succeeded)
                && primary.partnerIs(in.desired().partner())
                && partner.is(AliasRole.Secondary, ProvisioningState.Succeeded)) {
            return Reasons.REPLICATION_PENDING;
        }
        return Reasons.NOT_PAIRED;
    }

    private static NamespaceStatus side(NamespaceRef ns, SideView view) {
        NamespaceStatus s = new NamespaceStatus();
        s.setNamespace(ns.id());
        s.setReachable(view.reachable());
        record(view)
                .ifPresent(
                        r -> {
                            s.setRole(r.role() == null ? null : r.role().name());
                            s.setProvisioningState(
                                    r.provisioningState() == null
                                            ? null
                                            : r.provisioningState().name());
                            s.setPartnerNamespace(
                                    r.partnerNamespace().map(NamespaceRef::id).orElse(""));
                        });
        return s;
    }

    private static Optional<AliasRecord> record(SideView view) {
        return view instanceof SideView.Present p ? Optional.of(p.record()) : Optional.empty();
    }
}
