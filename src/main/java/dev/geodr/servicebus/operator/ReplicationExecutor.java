package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.arm.AcceptedOperation;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import dev.geodr.servicebus.georeplication.GeoReplicationPlanner;
import dev.geodr.servicebus.georeplication.GeoReplicationReasons;
import dev.geodr.servicebus.georeplication.PromotionMode;
import dev.geodr.servicebus.georeplication.ReplicationAction;
import dev.geodr.servicebus.georeplication.ReplicationPlan;
import java.time.Instant;
import java.util.Optional;

/**
 * Carries out a Geo-Replication plan's one ARM write and tells the planner what ARM answered: the
 * promotion's operation URL (kept in the ledger), a namespace update's operation URL (followed
 * until it ends), or the failure.
 */
final class ReplicationExecutor {

    /**
     * @param startedUpdate the operation URL of a namespace update this pass sent
     */
    record Executed(ReplicationPlan plan, Optional<String> startedUpdate) {}

    private final GeoReplicationPlanner planner;

    ReplicationExecutor(GeoReplicationPlanner planner) {
        this.planner = planner;
    }

    Executed execute(
            ResourceSide<ServiceBusGeoReplication, ServiceBusGeoReplicationStatus> cluster,
            ServiceBusGeoReplication resource,
            GeoReplicationPort port,
            ReplicationPlan plan,
            Instant now) {
        if (!plan.action().writesToArm()) {
            return new Executed(plan, Optional.empty());
        }
        try {
            if (plan.action() instanceof ReplicationAction.Promote promote) {
                AcceptedOperation accepted =
                        port.promote(
                                promote.namespace(),
                                promote.toLocation(),
                                promote.mode() == PromotionMode.Forced);
                cluster.event(
                        resource,
                        promote.mode() == PromotionMode.Forced,
                        GeoReplicationReasons.PROMOTING,
                        promote.mode()
                                + " promotion of "
                                + promote.toLocation()
                                + " sent to ARM"
                                + (promote.mode() == PromotionMode.Forced
                                        ? "; messages not yet replicated may be lost"
                                        : ""));
                // Without an operation URL the request stays Intended: the roles decide next.
                ReplicationPlan next =
                        accepted.asyncOperationUrl()
                                .map(
                                        url ->
                                                planner.afterPromotionAccepted(
                                                        plan, url, accepted.retryAfter(), now))
                                .orElse(plan);
                return new Executed(next, Optional.empty());
            }
            ReplicationAction.SetReplicas set = (ReplicationAction.SetReplicas) plan.action();
            AcceptedOperation accepted =
                    port.setReplicas(
                            set.namespace(),
                            set.primaryLocation(),
                            set.secondaryLocation(),
                            set.maxReplicationLagSeconds());
            cluster.event(
                    resource,
                    false,
                    GeoReplicationReasons.UPDATING,
                    "namespace update sent to ARM: primary "
                            + set.primaryLocation()
                            + set.secondaryLocation()
                                    .map(s -> ", secondary " + s)
                                    .orElse(", no secondary")
                            + ", maximum lag "
                            + set.maxReplicationLagSeconds()
                            + " s");
            return new Executed(plan, accepted.asyncOperationUrl());
        } catch (ArmException e) {
            cluster.event(
                    resource,
                    true,
                    e.kind() == ArmErrorKind.THROTTLED ? "Throttled" : "AzureError",
                    (plan.action() instanceof ReplicationAction.Promote
                                    ? "promotion POST"
                                    : "namespace update")
                            + " failed: "
                            + e.getMessage());
            return new Executed(
                    planner.afterActionFailure(plan, e.kind(), e.getMessage(), now),
                    Optional.empty());
        }
    }
}
