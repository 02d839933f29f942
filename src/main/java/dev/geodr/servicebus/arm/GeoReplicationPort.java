package dev.geodr.servicebus.arm;

import java.util.List;
import java.util.Optional;

/**
 * What the Geo-Replication kind asks of ARM for one Service Bus namespace with {@code
 * properties.geoDataReplication} (api-version 2026-01-01): read it, change its replicas, promote a
 * secondary, poll the long-running operations those writes start, and read the replication lag. The
 * port of the Geo-DR alias kind ({@link ArmGeoDrPort}) is separate because the released SDK knows
 * nothing of these calls and the two kinds never act on the same namespace.
 *
 * <p>Every failure is an {@link ArmException}. Calls block; each is one HTTP request at most and
 * none is retried (the operator observes before it writes again).
 */
public interface GeoReplicationPort {

    /**
     * GET the namespace: location, SKU, provisioning state and replicas. Throws {@link
     * ArmException} {@link ArmErrorKind#NOT_FOUND} (code {@code ResourceNotFound}, {@link
     * ArmException#isNamespaceNotFound()}) when the namespace does not exist.
     */
    GeoNamespace getNamespace(NamespaceRef ns);

    /**
     * Makes {@code primaryLocation} the primary and {@code secondaryLocation} (when present) the
     * one secondary, with the given maximum lag (0 = synchronous, else 300..86400 s).
     * Read-modify-write of the whole namespace: only {@code properties.geoDataReplication} changes,
     * every other property, tag and the SKU set by another tool are sent back as read. Exactly one
     * PUT (plus the GET before it). A secondary cannot be replaced in one write: remove it first.
     */
    AcceptedOperation setReplicas(
            NamespaceRef ns,
            String primaryLocation,
            Optional<String> secondaryLocation,
            long maxReplicationLagSeconds);

    /**
     * Promotes the secondary in {@code primaryLocation} to primary: planned ({@code force=false},
     * waits for replication to catch up, no data loss) or forced (now, the backlog is lost).
     * Exactly one POST; never retried, because a second promotion is a second outage.
     */
    AcceptedOperation promote(NamespaceRef ns, String primaryLocation, boolean force);

    /**
     * GET an operation URL that {@link #setReplicas} or {@link #promote} returned. The URL comes
     * back from the resource's status, which users can edit, so a URL whose scheme, host or port is
     * not the configured ARM endpoint's is refused ({@link ArmErrorKind#FATAL}, nothing sent): the
     * bearer token must never go anywhere else. An unknown operation is {@link
     * ArmErrorKind#NOT_FOUND}.
     */
    OperationStatus operationStatus(String asyncOperationUrl);

    /**
     * The worst {@code ReplicationLagDuration} (Maximum per minute, over every entity) of the last
     * five minutes, from Azure Monitor: empty when there is no data point. A caller without the
     * {@code microsoft.insights/metrics/read} permission gets ARM's 403 as {@link
     * ArmErrorKind#FATAL} (code {@code AuthorizationFailed}), so it can say "no metrics permission"
     * rather than guess a lag.
     */
    Optional<LagReading> replicationLag(NamespaceRef ns);

    /**
     * The queues and topics on the first page of each list that accept messages above 1 MB ({@code
     * maxMessageSizeInKilobytes} over 1024), which Geo-Replication does not support. Two GETs; read
     * before replication is first enabled.
     */
    List<String> largeMessageEntities(NamespaceRef ns);
}
