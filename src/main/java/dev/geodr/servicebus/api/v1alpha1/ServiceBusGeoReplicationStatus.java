package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/**
 * The namespace's replication as the operator last saw it in ARM and Azure Monitor, its promotion
 * ledger and conditions. Written only by the operator.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceBusGeoReplicationStatus(
        @JsonPropertyDescription(
                        "The metadata.generation of the spec this status was computed for.")
                Long observedGeneration,
        @JsonPropertyDescription(
                        "The region ARM shows as primary now: where clients publish and receive."
                                + " After a promotion this is the former secondary.")
                String primaryLocation,
        @JsonPropertyDescription(
                        "The region ARM shows as secondary now; absent while the namespace has no"
                                + " secondary replica.")
                String secondaryLocation,
        @JsonPropertyDescription("Every replica ARM reports, primary first.")
                List<ReplicaStatus> replicas,
        @JsonPropertyDescription(
                        "The maximum replication lag ARM has configured, in seconds (0 ="
                                + " synchronous).")
                Long maxReplicationLagSeconds,
        @JsonPropertyDescription(
                        "ARM provisioningState of the namespace: Succeeded when settled, Updating"
                                + " while a replica change or a promotion runs.")
                String provisioningState,
        @JsonPropertyDescription(
                        "Writer when this cluster's operator may write to Azure for the namespace"
                                + " (spec.writerCluster is omitted or names this cluster), Observer"
                                + " when it only reads ARM and projects status.")
                String mode,
        @JsonPropertyDescription(
                        "The cluster whose operator wrote this status, as its setting"
                                + " geodr.cluster-name names it; absent when that setting is not"
                                + " given.")
                String cluster,
        @JsonPropertyDescription(
                        "The worst entity's replication lag from Azure Monitor and how old it is, or"
                                + " why it is unknown.")
                ReplicationLagStatus replicationLag,
        @JsonPropertyDescription(
                        "Promotion bookkeeping: the last request acted on, the promotion in flight"
                                + " and the outcome of the last one. Absent until the operator first"
                                + " sees the resource.")
                PromotionStatus promotion,
        @JsonPropertyDescription(
                        "The namespace update the operator sent and follows until ARM reports it"
                                + " ended; absent when none runs.")
                ReplicaOperationStatus replicaOperation,
        @JsonPropertyDescription(
                        "When an observation of ARM last changed this status (RFC 3339, UTC).")
                String lastSyncTime,
        @JsonPropertyDescription(
                        "When the operator last read the namespace from ARM (RFC 3339, UTC). Moved"
                                + " with every status change and otherwise at most every 10 minutes,"
                                + " so a reader can tell fresh data from stale.")
                String lastObservedTime,
        @JsonPropertyDescription(
                        "Standard Kubernetes conditions, each with the observedGeneration it was"
                                + " computed for: Ready, Reconciling (True while converging), Stalled"
                                + " (True when a person must act) and PromotionReady (True when a"
                                + " Planned promotion would start now; its message says how far behind"
                                + " the secondary is).")
                List<Condition> conditions) {

    public ServiceBusGeoReplicationStatus {
        replicas = replicas == null ? null : List.copyOf(replicas);
        conditions = conditions == null ? null : List.copyOf(conditions);
    }

    /** The same status with another promotion ledger and observation times. */
    public ServiceBusGeoReplicationStatus with(
            PromotionStatus promotion, String lastSyncTime, String lastObservedTime) {
        return new ServiceBusGeoReplicationStatus(
                observedGeneration,
                primaryLocation,
                secondaryLocation,
                replicas,
                maxReplicationLagSeconds,
                provisioningState,
                mode,
                cluster,
                replicationLag,
                promotion,
                replicaOperation,
                lastSyncTime,
                lastObservedTime,
                conditions);
    }
}
