package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Optional;

/** {@link ClusterSide} on a real API server: the shared part plus the connection Secret. */
final class KubeClusterSide
        extends KubeResourceSide<ServiceBusGeoPairingStatus, ServiceBusGeoPairing>
        implements ClusterSide {

    private final ConnectionSecretWriter secrets;

    KubeClusterSide(
            KubernetesClient client,
            EventEmitter events,
            ConnectionSecretWriter secrets,
            Context<ServiceBusGeoPairing> context) {
        super(
                client,
                events,
                context,
                ServiceBusGeoPairing::new,
                r -> r.getSpec().getCredentialsSecretRef());
        this.secrets = secrets;
    }

    @Override
    public Optional<ConnectionSecretRules.Stamp> connectionSecretStamp(
            ServiceBusGeoPairing resource) {
        return secrets.stamp(resource);
    }

    @Override
    public boolean writeConnectionSecret(
            ServiceBusGeoPairing resource, ConnectionSecretRules.KeySource source, AliasKeys keys) {
        return secrets.write(resource, source, keys);
    }
}
