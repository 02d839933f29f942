package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.NamespaceRef;

/**
 * The spec, validated.
 *
 * @param primaryLocation the namespace's own region, primary when replication is set up
 * @param secondaryLocation the one secondary region
 * @param maxReplicationLagSeconds 0 (synchronous) or 300..86,400
 * @param removeReplicaOnDelete deletionPolicy Delete: deleting the resource removes the secondary
 *     replica; Retain (default) leaves Azure as it is
 */
public record ReplicationDesired(
        NamespaceRef namespace,
        String primaryLocation,
        String secondaryLocation,
        long maxReplicationLagSeconds,
        long promotionRequested,
        PromotionMode promotionMode,
        boolean deleting,
        boolean removeReplicaOnDelete) {}
