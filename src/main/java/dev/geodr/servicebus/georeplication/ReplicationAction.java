package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.Optional;

/** At most one of these per pass. */
public sealed interface ReplicationAction {

    record None() implements ReplicationAction {}

    /**
     * Set the namespace's replicas and lag by read-modify-write of the whole namespace (a PUT: the
     * PATCH model has no geoDataReplication), so nothing another tool manages on it is lost.
     *
     * @param secondaryLocation empty to remove the secondary
     */
    record SetReplicas(
            NamespaceRef namespace,
            String primaryLocation,
            Optional<String> secondaryLocation,
            long maxReplicationLagSeconds)
            implements ReplicationAction {}

    /** {@code POST {namespace}/failover {primaryLocation, force}}: a long-running operation. */
    record Promote(NamespaceRef namespace, String toLocation, PromotionMode mode)
            implements ReplicationAction {}

    /** Let the resource go (deletion done, or nothing to do in Azure). */
    record ReleaseFinalizer() implements ReplicationAction {}

    default boolean writesToArm() {
        return this instanceof SetReplicas || this instanceof Promote;
    }
}
