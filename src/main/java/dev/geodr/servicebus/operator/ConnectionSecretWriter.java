package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.NamespaceRef;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the alias connection Secret in step with {@code listKeys}. listKeys is an ARM write-bucket
 * call, so it is only made when the Secret is missing, its source (holder namespace, alias, rule)
 * changed, or the refresh interval passed. The Secret is owned by the resource and never logged.
 */
final class ConnectionSecretWriter {

    static final String SOURCE = "servicebus.geodr.dev/source";
    static final String REFRESHED = "servicebus.geodr.dev/keys-refreshed-at";

    private final KubernetesClient client;
    private final Clock clock;
    private final Duration refresh;

    ConnectionSecretWriter(KubernetesClient client, Clock clock, Duration refresh) {
        this.client = client;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** True when the Secret's content was created or changed. */
    boolean sync(ServiceBusGeoPairing resource, ArmGeoDrPort port, NamespaceRef holder) {
        var spec = resource.getSpec().getConnectionSecret();
        String rule =
                spec.getAuthorizationRule() == null || spec.getAuthorizationRule().isBlank()
                        ? "RootManageSharedAccessKey"
                        : spec.getAuthorizationRule();
        String ns = resource.getMetadata().getNamespace();
        String source =
                holder.id()
                        + "/disasterRecoveryConfigs/"
                        + resource.getSpec().getAlias()
                        + "/"
                        + rule;
        Secret existing = client.secrets().inNamespace(ns).withName(spec.getName()).get();
        if (existing != null && isFresh(existing, source)) {
            return false;
        }
        AliasKeys keys = port.listKeys(holder, resource.getSpec().getAlias(), rule);
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
                        .addToAnnotations(SOURCE, source)
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

    private boolean isFresh(Secret existing, String source) {
        Map<String, String> annotations = existing.getMetadata().getAnnotations();
        if (annotations == null || !source.equals(annotations.get(SOURCE))) {
            return false;
        }
        try {
            Instant refreshed = Instant.parse(annotations.get(REFRESHED));
            return clock.instant().isBefore(refreshed.plus(refresh));
        } catch (RuntimeException e) {
            return false;
        }
    }
}
