package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Optional;

/**
 * {@link ClusterSide} on a real API server: fabric8 for Events and Secrets, JOSDK's context for
 * status.
 */
final class KubeClusterSide implements ClusterSide {

    private final KubernetesClient client;
    private final EventEmitter events;
    private final ConnectionSecretWriter secrets;
    private final Context<ServiceBusGeoPairing> context;

    KubeClusterSide(
            KubernetesClient client,
            EventEmitter events,
            ConnectionSecretWriter secrets,
            Context<ServiceBusGeoPairing> context) {
        this.client = client;
        this.events = events;
        this.secrets = secrets;
        this.context = context;
    }

    @Override
    public void event(
            ServiceBusGeoPairing resource, boolean warning, String reason, String message) {
        if (warning) {
            events.warning(resource, reason, message);
        } else {
            events.normal(resource, reason, message);
        }
    }

    @Override
    public void writeStatusNow(ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status) {
        StatusWriter.writeNow(context, resource, status);
    }

    @Override
    public CredentialResolver.Result credentials(ServiceBusGeoPairing resource) {
        return CredentialResolver.resolve(client, resource);
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
