package dev.geodr.servicebus.simulator.state;

/**
 * The Geo-Replication side of the Service Bus state machine, one object for the HTTP layer to hold:
 * namespace reads and writes, promotions, long-running operations, metrics and the admin calls, all
 * over the same {@link SimulatorState} (and lock) as the Geo-DR aliases, because a namespace cannot
 * be both.
 */
public record GeoReplication(
        GeoNamespaces namespaces,
        GeoPromotions promotions,
        GeoOperations operations,
        GeoMetrics metrics,
        GeoAdmin admin) {

    public static GeoReplication over(SimulatorState s) {
        return new GeoReplication(
                new GeoNamespaces(s),
                new GeoPromotions(s),
                new GeoOperations(s),
                new GeoMetrics(s),
                new GeoAdmin(s));
    }
}
