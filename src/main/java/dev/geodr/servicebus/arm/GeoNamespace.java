package dev.geodr.servicebus.arm;

import java.util.Objects;
import java.util.Optional;

/**
 * A Service Bus namespace as the Geo-Replication kind needs to see it: where it lives, its SKU
 * (only Premium can replicate), whether ARM is busy with it, and its replicas.
 *
 * @param location the namespace's ARM {@code location}; it never changes, and the primary replica
 *     need not be in it
 * @param sku {@code sku.name} (Premium, Standard, Basic), empty when ARM sent none
 * @param provisioningState ARM's {@code properties.provisioningState} as sent (Succeeded, Updating,
 *     ...), empty when absent: the operator reads it to know an operation still runs
 * @param geoReplication {@code properties.geoDataReplication}, empty when the namespace is not
 *     geo-replicated
 * @param messagingPartitions {@code properties.premiumMessagingPartitions}: above 1 the namespace
 *     is partitioned, which Geo-Replication supports only in preview; 0 when ARM sent none
 */
public record GeoNamespace(
        NamespaceRef ref,
        String location,
        String sku,
        String provisioningState,
        Optional<GeoReplication> geoReplication,
        int messagingPartitions) {

    public GeoNamespace {
        Objects.requireNonNull(ref, "ref");
        location = location == null ? "" : location;
        sku = sku == null ? "" : sku;
        provisioningState = provisioningState == null ? "" : provisioningState;
        Objects.requireNonNull(geoReplication, "geoReplication");
    }
}
