package dev.geodr.servicebus.arm;

/** {@code geoDataReplication.locations[].roleType}. */
public enum ReplicaRole {
    Primary,
    Secondary
}
