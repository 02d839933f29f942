package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClusterSide} in memory: the operator's own identity, Events and intent writes recorded.
 */
final class InMemoryClusterSide implements ClusterSide {

    record Event(boolean warning, String reason, String message) {}

    final List<Event> events = new ArrayList<>();
    final List<ServiceBusGeoPairingStatus> statusWrites = new ArrayList<>();
    int secretSyncs;

    @Override
    public void event(
            ServiceBusGeoPairing resource, boolean warning, String reason, String message) {
        events.add(new Event(warning, reason, message));
    }

    @Override
    public void writeStatusNow(ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status) {
        statusWrites.add(status);
    }

    @Override
    public CredentialResolver.Result credentials(ServiceBusGeoPairing resource) {
        return CredentialResolver.Result.ok(new ArmIdentity.OperatorDefault());
    }

    @Override
    public boolean syncConnectionSecret(
            ServiceBusGeoPairing resource, ArmGeoDrPort port, NamespaceRef holder) {
        secretSyncs++;
        return false;
    }

    boolean hasEvent(String reason) {
        return events.stream().anyMatch(e -> e.reason().equals(reason));
    }
}
