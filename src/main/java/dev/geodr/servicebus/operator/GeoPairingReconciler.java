package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.pairing.PairingPlanner;
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
        this.pass = new ReconcilePass(ports, planner, clock, metrics, PassSettings.of(settings));
        this.metrics = metrics;
        this.client = client;
        this.events = new EventEmitter(client, clock);
        this.secrets = new ConnectionSecretWriter(client, clock);
    }

    @Override
    public UpdateControl<ServiceBusGeoPairing> reconcile(
            ServiceBusGeoPairing resource, Context<ServiceBusGeoPairing> context) {
        ReconcilePass.Outcome outcome = pass.run(resource, cluster(context));
        return Controls.afterPass(
                resource, outcome.status(), false, outcome.requeue(), ServiceBusGeoPairing::new);
    }

    @Override
    public DeleteControl cleanup(
            ServiceBusGeoPairing resource, Context<ServiceBusGeoPairing> context) {
        ReconcilePass.Outcome outcome = pass.run(resource, cluster(context));
        if (outcome.releaseFinalizer()) {
            metrics.forget(resource);
            return DeleteControl.defaultDelete();
        }
        return Controls.stillDeleting(
                context,
                resource,
                outcome.status(),
                false,
                outcome.requeue(),
                ServiceBusGeoPairing::new);
    }

    private ClusterSide cluster(Context<ServiceBusGeoPairing> context) {
        return new KubeClusterSide(client, events, secrets, context);
    }
}
