package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link ClusterSide} in memory: the operator's own identity, Events and intent writes recorded.
 */
final class InMemoryClusterSide implements ClusterSide {

    record Event(boolean warning, String reason, String message) {}

    final List<Event> events = new ArrayList<>();
    final List<ServiceBusGeoPairingStatus> statusWrites = new ArrayList<>();

    /** The connection Secret as the pass left it: its stamp, and how often it was written. */
    Optional<ConnectionSecretRules.Stamp> secretStamp = Optional.empty();

    int secretWrites;
    private final Clock clock;

    /**
     * @param clock stamps the connection Secret's refresh time, as the real writer does
     */
    InMemoryClusterSide(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void event(
            ServiceBusGeoPairing resource, boolean warning, String reason, String message) {
        events.add(new Event(warning, reason, message));
    }

    @Override
    public ServiceBusGeoPairing writeStatusNow(
            ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status) {
        statusWrites.add(status);
        return resource;
    }

    @Override
    public CredentialResolver.Result credentials(ServiceBusGeoPairing resource) {
        return CredentialResolver.Result.ok(new ArmIdentity.OperatorDefault());
    }

    @Override
    public Optional<ConnectionSecretRules.Stamp> connectionSecretStamp(
            ServiceBusGeoPairing resource) {
        return secretStamp;
    }

    @Override
    public boolean writeConnectionSecret(
            ServiceBusGeoPairing resource, ConnectionSecretRules.KeySource source, AliasKeys keys) {
        secretWrites++;
        boolean changed = secretStamp.map(s -> !s.source().equals(source.id())).orElse(true);
        secretStamp =
                Optional.of(
                        new ConnectionSecretRules.Stamp(source.id(), Optional.of(clock.instant())));
        return changed;
    }

    boolean hasEvent(String reason) {
        return events.stream().anyMatch(e -> e.reason().equals(reason));
    }
}
