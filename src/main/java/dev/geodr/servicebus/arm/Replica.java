package dev.geodr.servicebus.arm;

import java.util.Optional;

/**
 * One location of a geo-replicated namespace as ARM reports it.
 *
 * @param state ARM's {@code replicaState} when it reports one (the Service Bus spec has no such
 *     field; Event Hubs reports Creating/Active/...): only shown, never decided on
 */
public record Replica(String location, ReplicaRole role, Optional<String> state) {

    public boolean isPrimary() {
        return role == ReplicaRole.Primary;
    }
}
