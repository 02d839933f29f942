package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Writes status in the middle of a pass: the failover intent before the POST, and the status of a
 * deletion (a Cleaner cannot return a status patch). It writes through the same patch mechanism the
 * framework uses for the final status (server-side apply in production, JSON patch where SSA is
 * off), and with the resourceVersion the pass read, so a stale pass (a second leader, a concurrent
 * edit) fails here instead of sending a second failover.
 */
final class StatusWriter {

    private StatusWriter() {}

    static void writeNow(
            Context<ServiceBusGeoPairing> context,
            ServiceBusGeoPairing resource,
            ServiceBusGeoPairingStatus status) {
        boolean ssa =
                context.getControllerConfiguration()
                        .getConfigurationService()
                        .useSSAToPatchPrimaryResource();
        if (ssa) {
            ServiceBusGeoPairing fresh = fresh(resource, status);
            fresh.getMetadata().setResourceVersion(resource.getMetadata().getResourceVersion());
            context.resourceOperations().serverSideApplyPrimaryStatus(fresh);
        } else {
            // Never mutate the cached resource: patch a clone that keeps the resourceVersion for
            // locking.
            ServiceBusGeoPairing copy =
                    context.getControllerConfiguration()
                            .getConfigurationService()
                            .getResourceCloner()
                            .clone(resource);
            context.resourceOperations()
                    .jsonPatchPrimaryStatus(
                            copy,
                            r -> {
                                r.setStatus(status);
                                return r;
                            });
        }
    }

    /** Only what this operator owns: identity plus status, as server-side apply wants it. */
    static ServiceBusGeoPairing fresh(
            ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status) {
        ServiceBusGeoPairing fresh = new ServiceBusGeoPairing();
        fresh.setMetadata(
                new ObjectMetaBuilder()
                        .withName(resource.getMetadata().getName())
                        .withNamespace(resource.getMetadata().getNamespace())
                        .build());
        fresh.setStatus(status);
        return fresh;
    }
}
