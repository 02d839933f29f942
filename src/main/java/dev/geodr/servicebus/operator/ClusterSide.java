package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import java.util.Optional;

/**
 * The Kubernetes effects a {@link ReconcilePass} needs: what every kind needs, plus the pairing's
 * connection Secret.
 */
interface ClusterSide extends ResourceSide<ServiceBusGeoPairing, ServiceBusGeoPairingStatus> {

    /** What the existing connection Secret says of its keys; empty when there is none. */
    Optional<ConnectionSecretRules.Stamp> connectionSecretStamp(ServiceBusGeoPairing resource);

    /** Writes the connection Secret from {@code keys}; true when its content changed. */
    boolean writeConnectionSecret(
            ServiceBusGeoPairing resource, ConnectionSecretRules.KeySource source, AliasKeys keys);
}
