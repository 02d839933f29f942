package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.function.Supplier;

/**
 * Writes status in the middle of a pass: the intent before a failover or promotion POST, and the
 * status of a deletion (a Cleaner cannot return a status patch). It writes through the same patch
 * mechanism the framework uses for the final status (server-side apply in production, JSON patch
 * where SSA is off), and with the resourceVersion the pass read, so a stale pass (a second leader,
 * a concurrent edit) fails here instead of sending a second failover or promotion. Any kind.
 */
final class StatusWriter {

    private StatusWriter() {}

    /** Returns the resource as the API server now holds it. */
    static <S, R extends CustomResource<?, S>> R writeNow(
            Context<R> context, R resource, S status, Supplier<R> blank) {
        boolean ssa =
                context.getControllerConfiguration()
                        .getConfigurationService()
                        .useSSAToPatchPrimaryResource();
        if (ssa) {
            R fresh = fresh(resource, status, blank);
            fresh.getMetadata().setResourceVersion(resource.getMetadata().getResourceVersion());
            return context.resourceOperations().serverSideApplyPrimaryStatus(fresh);
        } else {
            // Never mutate the cached resource: patch a clone that keeps the resourceVersion for
            // locking.
            R copy =
                    context.getControllerConfiguration()
                            .getConfigurationService()
                            .getResourceCloner()
                            .clone(resource);
            return context.resourceOperations()
                    .jsonPatchPrimaryStatus(
                            copy,
                            r -> {
                                r.setStatus(status);
                                return r;
                            });
        }
    }

    /** Only what this operator owns: identity plus status, as server-side apply wants it. */
    static <S, R extends CustomResource<?, S>> R fresh(R resource, S status, Supplier<R> blank) {
        R fresh = blank.get();
        fresh.setMetadata(
                new ObjectMetaBuilder()
                        .withName(resource.getMetadata().getName())
                        .withNamespace(resource.getMetadata().getNamespace())
                        .build());
        fresh.setStatus(status);
        return fresh;
    }
}
