package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.GeoNamespace;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import dev.geodr.servicebus.arm.LagReading;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.OperationStatus;
import dev.geodr.servicebus.georeplication.LagView;
import dev.geodr.servicebus.georeplication.NamespaceView;
import dev.geodr.servicebus.georeplication.OperationView;
import dev.geodr.servicebus.georeplication.PromotionInFlight;
import dev.geodr.servicebus.georeplication.PromotionLedger;
import dev.geodr.servicebus.georeplication.PromotionPhase;
import dev.geodr.servicebus.georeplication.ReplicationObserved;
import java.util.List;
import java.util.Optional;

/**
 * Reads what one Geo-Replication pass needs and maps ARM's answers to the planner's views: the
 * namespace (always), the persisted promotion operation (only while one is Accepted), the namespace
 * update status follows (only while it keeps one), the Geo-DR aliases (only before a secondary
 * exists, for preflight) and the lag (only with a secondary and no update of ours running). Every
 * read failure becomes a view the planner decides on; nothing here decides.
 */
final class ReplicationObserver {

    /** What a namespace GET failure means to the planner. */
    static NamespaceView namespaceFailure(ArmException e) {
        return e.isNamespaceNotFound()
                ? new NamespaceView.Missing()
                : new NamespaceView.Unreachable(e.getMessage());
    }

    ReplicationObserved observe(
            GeoReplicationPort port,
            ArmGeoDrPort aliases,
            NamespaceRef ns,
            PromotionLedger ledger,
            Optional<String> replicaOperation) {
        // null when status keeps no update, or its status could not be read
        OperationView update = replicaOperation.map(url -> status(port, url)).orElse(null);
        GeoNamespace namespace;
        try {
            namespace = port.getNamespace(ns);
        } catch (ArmException e) {
            return withReplicaOperation(
                    withOperation(ReplicationObserved.of(namespaceFailure(e)), port, ledger),
                    update);
        }
        // Not readable counts as still running: the cautious reading before the next write.
        boolean updateRunning =
                replicaOperation.isPresent()
                        && (update == null || update instanceof OperationView.InProgress);
        boolean hasSecondary =
                namespace.geoReplication().flatMap(GeoReplication::secondary).isPresent();
        NamespaceView view;
        if (hasSecondary || !"Premium".equalsIgnoreCase(namespace.sku())) {
            // Preflight's extra reads only matter before the first enable of a Premium namespace:
            // anything else is refused on its SKU alone (and Geo-DR needs Premium too).
            view = present(namespace, false, List.of(), updateRunning);
        } else {
            try {
                view =
                        present(
                                namespace,
                                !aliases.listAliases(ns).isEmpty(),
                                largeMessageEntities(port, ns),
                                updateRunning);
            } catch (ArmException e) {
                // Preflight cannot tell whether a Geo-DR alias is in the way: nothing may be
                // written, so the namespace counts as not answering this pass.
                view =
                        new NamespaceView.Unreachable(
                                "could not list the namespace's Geo-DR aliases: " + e.getMessage());
            }
        }
        ReplicationObserved observed =
                withReplicaOperation(
                        withOperation(ReplicationObserved.of(view), port, ledger), update);
        // While an update of ours runs (a secondary being built, the lag being changed) the figure
        // would describe a replica that is not there yet, or the old setting: not read.
        return hasSecondary && !updateRunning ? observed.withLag(lag(port, ns)) : observed;
    }

    private static ReplicationObserved withReplicaOperation(
            ReplicationObserved observed, OperationView update) {
        return update == null ? observed : observed.withReplicaOperation(update);
    }

    /** Only a warning depends on it, so a failed read leaves it out rather than stop the pass. */
    private static List<String> largeMessageEntities(GeoReplicationPort port, NamespaceRef ns) {
        try {
            return port.largeMessageEntities(ns);
        } catch (ArmException e) {
            return List.of();
        }
    }

    private static NamespaceView.Present present(
            GeoNamespace ns,
            boolean holdsGeoDrAlias,
            List<String> largeMessageEntities,
            boolean updateRunning) {
        return new NamespaceView.Present(
                ns.location(),
                ns.sku(),
                ns.provisioningState(),
                ns.geoReplication(),
                holdsGeoDrAlias,
                ns.messagingPartitions(),
                largeMessageEntities,
                updateRunning);
    }

    private static ReplicationObserved withOperation(
            ReplicationObserved observed, GeoReplicationPort port, PromotionLedger ledger) {
        OperationView op = operation(port, ledger);
        return op == null ? observed : observed.withOperation(op);
    }

    /** The accepted promotion's operation, or null (read as still running) when not readable. */
    private static OperationView operation(GeoReplicationPort port, PromotionLedger ledger) {
        Optional<String> url =
                ledger.inFlight()
                        .filter(f -> f.phase() == PromotionPhase.Accepted)
                        .flatMap(PromotionInFlight::operationUrl);
        return url.isEmpty() ? null : status(port, url.get());
    }

    /** One operation's status as the planner sees it, or null when it could not be read. */
    private static OperationView status(GeoReplicationPort port, String url) {
        try {
            OperationStatus status = port.operationStatus(url);
            if (status.succeeded()) {
                return new OperationView.Succeeded();
            }
            if (status.isTerminal()) {
                return new OperationView.Failed(
                        status.status(),
                        status.errorCode().map(c -> c + ": ").orElse("")
                                + status.errorMessage().orElse("no error message"));
            }
            return new OperationView.InProgress(status.retryAfter());
        } catch (ArmException e) {
            if (e.kind() == ArmErrorKind.NOT_FOUND) {
                return new OperationView.Gone();
            }
            if (e.kind() == ArmErrorKind.FATAL) {
                // A URL refused before sending (not on the ARM endpoint) or refused by ARM: the
                // operation cannot be followed, so the namespace's roles decide as for a lost one.
                return new OperationView.Gone();
            }
            return null;
        }
    }

    private static LagView lag(GeoReplicationPort port, NamespaceRef ns) {
        try {
            Optional<LagReading> reading = port.replicationLag(ns);
            return reading.<LagView>map(r -> new LagView.Known(r.worst(), r.entity(), r.asOf()))
                    .orElseGet(LagView.NotRead::new);
        } catch (ArmException e) {
            return e.kind() == ArmErrorKind.FATAL && "AuthorizationFailed".equals(e.code())
                    ? new LagView.NotPermitted(e.getMessage())
                    : new LagView.NotRead();
        }
    }
}
