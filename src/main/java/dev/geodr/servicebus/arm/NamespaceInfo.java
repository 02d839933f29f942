package dev.geodr.servicebus.arm;

/**
 * What preflight needs to know about a namespace before anything is written to Azure.
 *
 * @param sku "Basic", "Standard" or "Premium"
 * @param location the region as ARM reports it
 * @param partitions premium messaging partitions (1 = not partitioned)
 * @param entityCount queues plus topics
 * @param privateEndpoints private endpoint connections
 */
public record NamespaceInfo(
        NamespaceRef namespace,
        String sku,
        String location,
        int partitions,
        long entityCount,
        int privateEndpoints) {

    public boolean isPremium() {
        return "Premium".equalsIgnoreCase(sku);
    }
}
