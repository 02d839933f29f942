package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import java.util.Optional;

/**
 * The few Kubernetes effects a {@link ReconcilePass} needs, behind one narrow seam so the pass can
 * run against an in-memory cluster in tests without mocking JOSDK or fabric8.
 */
interface ClusterSide {

    /** Best effort: an Event that cannot be written never fails a pass. */
    void event(ServiceBusGeoPairing resource, boolean warning, String reason, String message);

    /**
     * The write-ahead status (failover intent), optimistically locked; throws when the pass is
     * stale.
     */
    void writeStatusNow(ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status);

    /** Which identity the pairing's ARM calls use, or the spec problem that prevents any. */
    CredentialResolver.Result credentials(ServiceBusGeoPairing resource);

    /** What the existing connection Secret says of its keys; empty when there is none. */
    Optional<ConnectionSecretRules.Stamp> connectionSecretStamp(ServiceBusGeoPairing resource);

    /** Writes the connection Secret from {@code keys}; true when its content changed. */
    boolean writeConnectionSecret(
            ServiceBusGeoPairing resource, ConnectionSecretRules.KeySource source, AliasKeys keys);
}
