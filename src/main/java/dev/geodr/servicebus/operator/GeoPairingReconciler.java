package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.status.StatusProjector;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/**
 * Thin JOSDK adapter around {@link ReconcilePass}: the framework owns the finalizer and the status
 * write.
 */
@ControllerConfiguration(name = "servicebusgeopairing")
public class GeoPairingReconciler
        implements Reconciler<ServiceBusGeoPairing>, Cleaner<ServiceBusGeoPairing> {

    private final ReconcilePass pass;
    private final OperatorMetrics metrics;
    private final KubernetesClient client;
    private final EventEmitter events;
    private final ConnectionSecretWriter secrets;

    public GeoPairingReconciler(
            ArmPortFactory ports,
            PairingPlanner planner,
            Clock clock,
            KubernetesClient client,
            OperatorMetrics metrics,
            OperatorSettings settings) {
        this.pass = new ReconcilePass(ports, planner, clock, metrics, settings.keyRefresh());
        this.metrics = metrics;
        this.client = client;
        this.events = new EventEmitter(client, clock);
        this.secrets = new ConnectionSecretWriter(client, clock);
    }

    @Override
    public UpdateControl<ServiceBusGeoPairing> reconcile(
            ServiceBusGeoPairing resource, Context<ServiceBusGeoPairing> context) {
        ReconcilePass.Outcome outcome = pass.run(resource, cluster(context));
        UpdateControl<ServiceBusGeoPairing> control =
                StatusProjector.unchanged(resource.getStatus(), outcome.status())
                        ? UpdateControl.noUpdate()
                        : UpdateControl.patchStatus(
                                StatusWriter.fresh(
                                        resource, outcome.status(), ServiceBusGeoPairing::new));
        return control.rescheduleAfter(RequeueDelay.of(outcome.requeue()));
    }

    @Override
    public DeleteControl cleanup(
            ServiceBusGeoPairing resource, Context<ServiceBusGeoPairing> context) {
        ReconcilePass.Outcome outcome = pass.run(resource, cluster(context));
        if (outcome.releaseFinalizer()) {
            metrics.forget(resource);
            return DeleteControl.defaultDelete();
        }
        if (!StatusProjector.unchanged(resource.getStatus(), outcome.status())) {
            // Cleaner cannot return a status patch; keep users informed while deletion waits on
            // Azure.
            try {
                StatusWriter.writeNow(
                        context, resource, outcome.status(), ServiceBusGeoPairing::new);
            } catch (RuntimeException ignored) {
                // A concurrent change is fine here: the next pass recomputes the same status.
            }
        }
        return DeleteControl.noFinalizerRemoval()
                .rescheduleAfter(RequeueDelay.of(outcome.requeue()));
    }

    private ClusterSide cluster(Context<ServiceBusGeoPairing> context) {
        return new KubeClusterSide(client, events, secrets, context);
    }
}
