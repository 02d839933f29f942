package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.SecretReference;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link ResourceSide} on a real API server for any kind: fabric8 for Events and the credentials
 * Secret, JOSDK's context for status.
 */
class KubeResourceSide<S, R extends CustomResource<?, S>> implements ResourceSide<R, S> {

    private final KubernetesClient client;
    private final EventEmitter events;
    private final Context<R> context;
    private final Supplier<R> blank;
    private final Function<R, SecretReference> credentialsRef;

    /**
     * @param blank a new, empty resource of the kind, for server-side apply of status
     * @param credentialsRef the kind's {@code spec.credentialsSecretRef}
     */
    KubeResourceSide(
            KubernetesClient client,
            EventEmitter events,
            Context<R> context,
            Supplier<R> blank,
            Function<R, SecretReference> credentialsRef) {
        this.client = client;
        this.events = events;
        this.context = context;
        this.blank = blank;
        this.credentialsRef = credentialsRef;
    }

    @Override
    public void event(R resource, boolean warning, String reason, String message) {
        if (warning) {
            events.warning(resource, reason, message);
        } else {
            events.normal(resource, reason, message);
        }
    }

    @Override
    public R writeStatusNow(R resource, S status) {
        return StatusWriter.writeNow(context, resource, status, blank);
    }

    @Override
    public CredentialResolver.Result credentials(R resource) {
        return CredentialResolver.resolve(
                client, resource.getMetadata().getNamespace(), credentialsRef.apply(resource));
    }
}
