package dev.geodr.servicebus.simulator.state;

/**
 * A secondary replica's state as {@code locations[].replicaState} shows it. The wire words follow
 * the Event Hubs REST example (Creating, Active); Microsoft's prose says InBuild / Ready /
 * Deleting, and the Service Bus spec has no such field at all, so this is a simulator decision
 * (docs/simulator.md).
 */
enum ReplicaState {
    CREATING("Creating"),
    ACTIVE("Active"),
    DELETING("Deleting"),
    /** The old primary after a forced promotion: listed, never replicated to again. */
    UNAVAILABLE("Unavailable");

    private final String wire;

    ReplicaState(String wire) {
        this.wire = wire;
    }

    String wire() {
        return wire;
    }
}
