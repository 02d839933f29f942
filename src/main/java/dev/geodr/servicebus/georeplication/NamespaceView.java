package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.GeoReplication;
import java.util.List;
import java.util.Optional;

/** The namespace as this pass read it from ARM. */
public sealed interface NamespaceView {

    /**
     * ARM returned the namespace.
     *
     * @param provisioningState ARM's word for the namespace ("Succeeded" when no update runs)
     * @param holdsGeoDrAlias whether a Geo-DR alias is configured on it: the two models exclude
     *     each other
     * @param messagingPartitions above 1: a partitioned namespace (Geo-Replication in preview)
     * @param largeMessageEntities queues and topics that accept messages above 1 MB, which
     *     Geo-Replication does not support (read only before replication is first enabled)
     * @param updateRunning the namespace update this operator sent is still running by its own
     *     operation's status, whatever provisioningState says (ARM may report Succeeded during a
     *     replica build)
     */
    record Present(
            String location,
            String sku,
            String provisioningState,
            Optional<GeoReplication> geoReplication,
            boolean holdsGeoDrAlias,
            int messagingPartitions,
            List<String> largeMessageEntities,
            boolean updateRunning)
            implements NamespaceView {

        public Present {
            largeMessageEntities = List.copyOf(largeMessageEntities);
        }

        public boolean isPremium() {
            return "Premium".equalsIgnoreCase(sku);
        }

        public boolean settled() {
            return "Succeeded".equalsIgnoreCase(provisioningState) && !updateRunning;
        }

        /** Why the namespace is not settled, for messages. */
        public String updateState() {
            return "Succeeded".equalsIgnoreCase(provisioningState) && updateRunning
                    ? "its update operation is still running"
                    : "provisioningState " + provisioningState;
        }
    }

    /** ARM answered 404 for the namespace. */
    record Missing() implements NamespaceView {}

    /** ARM did not answer for it (a regional outage does not make ARM itself unreachable). */
    record Unreachable(String message) implements NamespaceView {}
}
