package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.georeplication.GeoReplicationPlanner;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;

/**
 * Thin JOSDK adapter around {@link ReplicationPass}: the framework owns the finalizer and the
 * status write.
 */
@ControllerConfiguration(name = GeoReplicationReconciler.NAME)
public class GeoReplicationReconciler
        implements Reconciler<ServiceBusGeoReplication>, Cleaner<ServiceBusGeoReplication> {

    static final String NAME = "servicebusgeoreplication";

    private final ReplicationPass pass;
    private final KubernetesClient client;
    private final EventEmitter events;

    public GeoReplicationReconciler(
            ArmPortFactory ports,
            GeoReplicationPlanner planner,
            Clock clock,
            KubernetesClient client,
            OperatorSettings settings) {
        this.pass =
                new ReplicationPass(
                        ports, planner, clock, settings.clusterName().filter(n -> !n.isBlank()));
        this.client = client;
        this.events = new EventEmitter(client, clock);
    }

    @Override
    public UpdateControl<ServiceBusGeoReplication> reconcile(
            ServiceBusGeoReplication resource, Context<ServiceBusGeoReplication> context) {
        ReplicationPass.Outcome outcome = pass.run(resource, cluster(context));
        return Controls.afterPass(
                resource,
                outcome.status(),
                outcome.written(),
                outcome.requeue(),
                ServiceBusGeoReplication::new);
    }

    @Override
    public DeleteControl cleanup(
            ServiceBusGeoReplication resource, Context<ServiceBusGeoReplication> context) {
        ReplicationPass.Outcome outcome = pass.run(resource, cluster(context));
        if (outcome.releaseFinalizer()) {
            return DeleteControl.defaultDelete();
        }
        return Controls.stillDeleting(
                context,
                resource,
                outcome.status(),
                outcome.written(),
                outcome.requeue(),
                ServiceBusGeoReplication::new);
    }

    private ResourceSide<ServiceBusGeoReplication, ServiceBusGeoReplicationStatus> cluster(
            Context<ServiceBusGeoReplication> context) {
        return new KubeResourceSide<>(
                client,
                events,
                context,
                ServiceBusGeoReplication::new,
                r -> r.getSpec().getCredentialsSecretRef());
    }
}
