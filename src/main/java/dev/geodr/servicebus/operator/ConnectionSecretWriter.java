package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the alias connection Secret; whether to refresh it is the planner's decision
 * ({@link ConnectionSecretRules}). The Secret is owned by the resource and its data never logged.
 */
final class ConnectionSecretWriter {

    static final String SOURCE = "servicebus.geodr.dev/source";
    static final String REFRESHED = "servicebus.geodr.dev/keys-refreshed-at";

    private final KubernetesClient client;
    private final Clock clock;

    ConnectionSecretWriter(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The existing Secret's stamp, or empty when there is no Secret. */
    Optional<ConnectionSecretRules.Stamp> stamp(ServiceBusGeoPairing resource) {
        Secret existing = existing(resource);
        if (existing == null) {
            return Optional.empty();
        }
        Map<String, String> annotations =
                existing.getMetadata().getAnnotations() == null
                        ? Map.of()
                        : existing.getMetadata().getAnnotations();
        return Optional.of(
                new ConnectionSecretRules.Stamp(
                        annotations.getOrDefault(SOURCE, ""),
                        parseInstant(annotations.get(REFRESHED))));
    }

    /**
     * Writes {@code keys} from {@code source}; true when the Secret's content was created or
     * changed.
     */
    boolean write(
            ServiceBusGeoPairing resource, ConnectionSecretRules.KeySource source, AliasKeys keys) {
        var spec = resource.getSpec().getConnectionSecret();
        String ns = resource.getMetadata().getNamespace();
        Secret existing = existing(resource);
        Map<String, String> data = new LinkedHashMap<>();
        data.put("aliasPrimaryConnectionString", keys.aliasPrimaryConnectionString());
        data.put("aliasSecondaryConnectionString", keys.aliasSecondaryConnectionString());
        data.put("primaryKey", keys.primaryKey());
        data.put("secondaryKey", keys.secondaryKey());
        data.put("keyName", keys.keyName());
        boolean changed = existing == null || !Objects.equals(SecretData.of(existing), data);
        Secret secret =
                new SecretBuilder()
                        .withNewMetadata()
                        .withName(spec.getName())
                        .withNamespace(ns)
                        .addToLabels("app.kubernetes.io/managed-by", EventEmitter.COMPONENT)
                        .addToAnnotations(SOURCE, source.id())
                        .addToAnnotations(REFRESHED, clock.instant().toString())
                        .withOwnerReferences(
                                new OwnerReferenceBuilder()
                                        .withApiVersion(resource.getApiVersion())
                                        .withKind(resource.getKind())
                                        .withName(resource.getMetadata().getName())
                                        .withUid(resource.getMetadata().getUid())
                                        .withController(true)
                                        .withBlockOwnerDeletion(true)
                                        .build())
                        .endMetadata()
                        .withType("Opaque")
                        .withStringData(data)
                        .build();
        client.secrets().inNamespace(ns).resource(secret).createOr(NonDeletingOperation::update);
        return changed;
    }

    private Secret existing(ServiceBusGeoPairing resource) {
        return client.secrets()
                .inNamespace(resource.getMetadata().getNamespace())
                .withName(resource.getSpec().getConnectionSecret().getName())
                .get();
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
