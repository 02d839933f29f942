package dev.geodr.servicebus.arm;

import java.util.List;
import java.util.Optional;

/** A namespace's {@code properties.geoDataReplication}: its replicas and the allowed lag. */
public record GeoReplication(long maxReplicationLagSeconds, List<Replica> replicas) {

    public GeoReplication {
        replicas = List.copyOf(replicas);
    }

    public Optional<Replica> primary() {
        return replicas.stream().filter(Replica::isPrimary).findFirst();
    }

    public Optional<Replica> secondary() {
        return replicas.stream().filter(r -> !r.isPrimary()).findFirst();
    }

    public Optional<Replica> in(String location) {
        return replicas.stream().filter(r -> Locations.same(r.location(), location)).findFirst();
    }
}
