package dev.geodr.servicebus.arm;

import java.util.OptionalLong;

/**
 * What preflight needs to know about a namespace before anything is written to Azure.
 *
 * @param sku "Basic", "Standard" or "Premium"
 * @param location the region as ARM reports it
 * @param partitions premium messaging partitions (1 = not partitioned)
 * @param entitiesSeen queues plus topics on the first page of the queue list and, when that is
 *     empty, of the topic list: 0 for an empty namespace, otherwise a lower bound; empty when they
 *     were not looked for (only the partner must be empty, so only its entities are looked for)
 * @param privateEndpoints private endpoint connections
 */
public record NamespaceInfo(
        NamespaceRef namespace,
        String sku,
        String location,
        int partitions,
        OptionalLong entitiesSeen,
        int privateEndpoints) {

    /** A namespace whose entities were looked for. */
    public NamespaceInfo(
            NamespaceRef namespace,
            String sku,
            String location,
            int partitions,
            long entitiesSeen,
            int privateEndpoints) {
        this(namespace, sku, location, partitions, OptionalLong.of(entitiesSeen), privateEndpoints);
    }

    /** The same facts with the entities the adapter saw. */
    public NamespaceInfo withEntitiesSeen(long seen) {
        return new NamespaceInfo(namespace, sku, location, partitions, seen, privateEndpoints);
    }

    public boolean isPremium() {
        return "Premium".equalsIgnoreCase(sku);
    }

    /** True only when its entities were looked for and some were found. */
    public boolean holdsEntities() {
        return entitiesSeen.orElse(0) > 0;
    }
}
