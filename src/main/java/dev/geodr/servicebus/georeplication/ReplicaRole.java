package dev.geodr.servicebus.georeplication;

/** {@code geoDataReplication.locations[].roleType}. */
public enum ReplicaRole {
    Primary,
    Secondary
}
