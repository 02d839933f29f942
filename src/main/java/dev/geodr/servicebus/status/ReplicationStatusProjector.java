package dev.geodr.servicebus.status;

import dev.geodr.servicebus.api.v1alpha1.ReplicaOperationStatus;
import dev.geodr.servicebus.api.v1alpha1.ReplicaStatus;
import dev.geodr.servicebus.api.v1alpha1.ReplicationLagStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import dev.geodr.servicebus.georeplication.LagView;
import dev.geodr.servicebus.georeplication.NamespaceView;
import dev.geodr.servicebus.georeplication.PromotionLedger;
import dev.geodr.servicebus.georeplication.Readiness;
import dev.geodr.servicebus.georeplication.ReplicationObserved;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one place that turns a Geo-Replication pass into status. Pure: the same inputs give the same
 * status, and conditions keep their lastTransitionTime while their status holds, so an unchanged
 * situation produces an equal status and no patch.
 */
public final class ReplicationStatusProjector {

    public static final String PROMOTION_READY = "PromotionReady";

    private ReplicationStatusProjector() {}

    /**
     * @param observed empty when ARM was not read this pass (invalid spec, throttled): what was
     *     last seen is kept
     * @param replicaOperation the URL of the namespace update status follows from now on
     */
    public record Input(
            long generation,
            Optional<ReplicationObserved> observed,
            PromotionLedger ledger,
            Optional<String> replicaOperation,
            Verdict verdict,
            Readiness readiness,
            Instant now,
            WriteAuthority who) {}

    public static ServiceBusGeoReplicationStatus project(
            ServiceBusGeoReplicationStatus previous, Input in) {
        Optional<NamespaceView.Present> present =
                in.observed()
                        .map(ReplicationObserved::namespace)
                        .filter(NamespaceView.Present.class::isInstance)
                        .map(NamespaceView.Present.class::cast);
        Roles roles = present.map(Roles::of).orElseGet(() -> Roles.kept(previous));
        List<Condition> before = previous == null ? null : previous.conditions();
        Condition promotionReady =
                Kstatus.condition(
                        before,
                        in.generation(),
                        PROMOTION_READY,
                        in.readiness().ready(),
                        in.readiness().reason(),
                        in.readiness().message(),
                        in.now());
        boolean readArm = present.isPresent();
        String lastSync = previous == null ? null : previous.lastSyncTime();
        String lastObserved = previous == null ? null : previous.lastObservedTime();
        ServiceBusGeoReplicationStatus out =
                status(
                        previous,
                        in,
                        roles,
                        lag(previous, in, roles),
                        Kstatus.conditions(
                                before,
                                in.generation(),
                                in.verdict(),
                                in.now(),
                                List.of(promotionReady)),
                        lastSync,
                        lastObserved);
        if (previous != null && out.equals(previous)) {
            // lastSyncTime moves only with the rest of the status, lastObservedTime at most every
            // OBSERVED_REFRESH besides, so a steady namespace is not patched every poll.
            return readArm && Kstatus.observationIsOld(lastObserved, in.now())
                    ? out.with(out.promotion(), lastSync, Times.format(in.now()))
                    : out;
        }
        return out.with(
                out.promotion(),
                Times.format(in.now()),
                readArm ? Times.format(in.now()) : lastObserved);
    }

    /** True when writing {@code next} would change nothing a user or tool can see. */
    public static boolean unchanged(
            ServiceBusGeoReplicationStatus previous, ServiceBusGeoReplicationStatus next) {
        return Kstatus.unchanged(previous, next);
    }

    /** What ARM showed of the namespace's replication, or what the last status kept. */
    private record Roles(
            String primary,
            String secondary,
            List<ReplicaStatus> replicas,
            Long maxLag,
            String provisioningState) {

        static Roles of(NamespaceView.Present p) {
            Optional<GeoReplication> geo = p.geoReplication();
            return new Roles(
                    geo.flatMap(GeoReplication::primary).map(Replica::location).orElse(null),
                    geo.flatMap(GeoReplication::secondary).map(Replica::location).orElse(null),
                    geo.map(ReplicationStatusProjector::replicas).orElse(null),
                    geo.map(GeoReplication::maxReplicationLagSeconds).orElse(null),
                    p.provisioningState().isEmpty() ? null : p.provisioningState());
        }

        static Roles kept(ServiceBusGeoReplicationStatus previous) {
            return previous == null
                    ? new Roles(null, null, null, null, null)
                    : new Roles(
                            previous.primaryLocation(),
                            previous.secondaryLocation(),
                            previous.replicas(),
                            previous.maxReplicationLagSeconds(),
                            previous.provisioningState());
        }
    }

    private static List<ReplicaStatus> replicas(GeoReplication geo) {
        return geo.replicas().stream()
                .sorted(Comparator.comparing((Replica r) -> !r.isPrimary()))
                .map(r -> new ReplicaStatus(r.location(), r.role().name(), r.state().orElse(null)))
                .toList();
    }

    /**
     * The lag as read this pass; when not read, the last figure stays while the namespace still has
     * a secondary (its asOf tells how old it is), and goes when there is nothing to lag.
     */
    private static ReplicationLagStatus lag(
            ServiceBusGeoReplicationStatus previous, Input in, Roles roles) {
        LagView view = in.observed().map(ReplicationObserved::lag).orElse(new LagView.NotRead());
        if (view instanceof LagView.Known k) {
            return new ReplicationLagStatus(
                    k.worst().toSeconds(),
                    k.entity().isEmpty() ? null : k.entity(),
                    Times.format(k.asOf()),
                    null);
        }
        if (view instanceof LagView.NotPermitted n) {
            return new ReplicationLagStatus(
                    null,
                    null,
                    null,
                    "replication lag unknown: Azure Monitor refused the metrics read ("
                            + n.message()
                            + "); grant microsoft.insights/metrics/read to show it");
        }
        return roles.secondary() == null || previous == null ? null : previous.replicationLag();
    }

    /** The update followed, with when it was sent (kept from the last status for the same URL). */
    private static ReplicaOperationStatus replicaOperation(
            ServiceBusGeoReplicationStatus previous, Input in) {
        return in.replicaOperation()
                .map(
                        url ->
                                previous != null
                                                && previous.replicaOperation() != null
                                                && url.equals(
                                                        previous.replicaOperation().operationUrl())
                                        ? previous.replicaOperation()
                                        : new ReplicaOperationStatus(url, Times.format(in.now())))
                .orElse(null);
    }

    private static ServiceBusGeoReplicationStatus status(
            ServiceBusGeoReplicationStatus previous,
            Input in,
            Roles roles,
            ReplicationLagStatus lag,
            List<Condition> conditions,
            String lastSync,
            String lastObserved) {
        return new ServiceBusGeoReplicationStatus(
                in.generation(),
                roles.primary(),
                roles.secondary(),
                roles.replicas(),
                roles.maxLag(),
                roles.provisioningState(),
                in.who().mayWrite() ? StatusProjector.WRITER : StatusProjector.OBSERVER,
                in.who().thisCluster().orElse(null),
                lag,
                PromotionLedgerCodec.write(in.ledger()),
                replicaOperation(previous, in),
                lastSync,
                lastObserved,
                conditions);
    }
}
