package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import java.util.Objects;

/**
 * The observed pairing, as the operator last saw it in ARM, plus its failover memory and
 * conditions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceBusGeoPairingStatus {

    @JsonPropertyDescription("The metadata.generation of the spec this status was computed for.")
    private Long observedGeneration;

    @JsonPropertyDescription(
            "ARM role of the alias record on spec.primaryNamespace: Primary when paired as desired, "
                    + "PrimaryNotReplicating when it holds the alias without a partner, Secondary if the roles are reversed; empty "
                    + "when that namespace has no alias record (e.g. after a failover away from it).")
    private String role;

    @JsonPropertyDescription(
            "ARM provisioningState of the alias record on spec.primaryNamespace: Accepted while a pairing, "
                    + "break, failover or delete is in progress, Succeeded when settled, or Failed.")
    private String provisioningState;

    @JsonPropertyDescription(
            "Entities still to be replicated from the primary to the partner, as ARM last reported it on the "
                    + "primary's alias record (ARM reports it only on a Succeeded Primary). A Safe failover waits until it is 0.")
    private Long pendingReplicationOperationsCount;

    @JsonPropertyDescription(
            "Full ARM id of the namespace the alias DNS name resolves to now: the namespace holding the alias "
                    + "as Primary or PrimaryNotReplicating. After a failover this is the former partner.")
    private String activeNamespace;

    @JsonPropertyDescription(
            "Name of the namespace in activeNamespace (its last path segment), for display.")
    private String activeNamespaceName;

    @JsonPropertyDescription("The alias record on spec.primaryNamespace at the last observation.")
    private NamespaceStatus primary;

    @JsonPropertyDescription("The alias record on spec.partnerNamespace at the last observation.")
    private NamespaceStatus partner;

    @JsonPropertyDescription(
            "Writer when this cluster's operator may write to Azure for this pairing (spec.writerCluster is omitted "
                    + "or names this cluster), Observer when it only reads ARM and projects status because spec.writerCluster names "
                    + "another cluster.")
    private String mode;

    @JsonPropertyDescription(
            "The cluster whose operator wrote this status, as its setting geodr.cluster-name names it; absent when "
                    + "that setting is not given.")
    private String cluster;

    @JsonPropertyDescription(
            "The last comparison of primary and partner in the settings Geo-DR does not replicate (network "
                    + "access and rules, private endpoints, local auth, TLS, identity, encryption, role assignments). "
                    + "Differences are reported here and in the SettingsInParity condition; they never block a failover.")
    private ParityStatus parity;

    @JsonPropertyDescription(
            "Failover bookkeeping: the last request acted on, the failover in flight and the outcome of the "
                    + "last one. Absent until the operator first sees the ServiceBusGeoPairing.")
    private FailoverStatus failover;

    @JsonPropertyDescription(
            "When an observation of ARM last changed this status (RFC 3339, UTC). It does not move on "
                    + "polls that find nothing new, so a steady pairing is not rewritten every poll.")
    private String lastSyncTime;

    @JsonPropertyDescription(
            "When the operator last read this pairing's alias records from ARM (RFC 3339, UTC). Moved with "
                    + "every status change, and otherwise at most every 10 minutes, so a steady pairing is "
                    + "rewritten rarely yet a reader can tell fresh data from stale: an age well above "
                    + "geodr.poll.steady + 10m means the operator is not reading ARM (down, throttled or "
                    + "without access).")
    private String lastObservedTime;

    @JsonPropertyDescription(
            "Standard Kubernetes conditions, each with the observedGeneration it was computed for: Ready, "
                    + "Reconciling (True while converging), Stalled (True when a person must act: invalid spec, non-retryable Azure "
                    + "error, or the spec must follow a failover), FailoverReady (True when a Safe failover would be accepted now) "
                    + "and SettingsInParity (False when the partner differs in a setting Geo-DR does not replicate).")
    private List<Condition> conditions;

    public ServiceBusGeoPairingStatus() {}

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getProvisioningState() {
        return provisioningState;
    }

    public void setProvisioningState(String provisioningState) {
        this.provisioningState = provisioningState;
    }

    public Long getPendingReplicationOperationsCount() {
        return pendingReplicationOperationsCount;
    }

    public void setPendingReplicationOperationsCount(Long pendingReplicationOperationsCount) {
        this.pendingReplicationOperationsCount = pendingReplicationOperationsCount;
    }

    public String getActiveNamespace() {
        return activeNamespace;
    }

    public void setActiveNamespace(String activeNamespace) {
        this.activeNamespace = activeNamespace;
    }

    public String getActiveNamespaceName() {
        return activeNamespaceName;
    }

    public void setActiveNamespaceName(String activeNamespaceName) {
        this.activeNamespaceName = activeNamespaceName;
    }

    public NamespaceStatus getPrimary() {
        return primary;
    }

    public void setPrimary(NamespaceStatus primary) {
        this.primary = primary;
    }

    public NamespaceStatus getPartner() {
        return partner;
    }

    public void setPartner(NamespaceStatus partner) {
        this.partner = partner;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getCluster() {
        return cluster;
    }

    public void setCluster(String cluster) {
        this.cluster = cluster;
    }

    public ParityStatus getParity() {
        return parity;
    }

    public void setParity(ParityStatus parity) {
        this.parity = parity;
    }

    public FailoverStatus getFailover() {
        return failover;
    }

    public void setFailover(FailoverStatus failover) {
        this.failover = failover;
    }

    public String getLastSyncTime() {
        return lastSyncTime;
    }

    public void setLastSyncTime(String lastSyncTime) {
        this.lastSyncTime = lastSyncTime;
    }

    public String getLastObservedTime() {
        return lastObservedTime;
    }

    public void setLastObservedTime(String lastObservedTime) {
        this.lastObservedTime = lastObservedTime;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceBusGeoPairingStatus other
                && Objects.equals(observedGeneration, other.observedGeneration)
                && Objects.equals(role, other.role)
                && Objects.equals(provisioningState, other.provisioningState)
                && Objects.equals(
                        pendingReplicationOperationsCount, other.pendingReplicationOperationsCount)
                && Objects.equals(activeNamespace, other.activeNamespace)
                && Objects.equals(activeNamespaceName, other.activeNamespaceName)
                && Objects.equals(primary, other.primary)
                && Objects.equals(partner, other.partner)
                && Objects.equals(mode, other.mode)
                && Objects.equals(cluster, other.cluster)
                && Objects.equals(parity, other.parity)
                && Objects.equals(failover, other.failover)
                && Objects.equals(lastSyncTime, other.lastSyncTime)
                && Objects.equals(lastObservedTime, other.lastObservedTime)
                && Objects.equals(conditions, other.conditions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                observedGeneration,
                role,
                provisioningState,
                pendingReplicationOperationsCount,
                activeNamespace,
                activeNamespaceName,
                primary,
                partner,
                mode,
                cluster,
                parity,
                failover,
                lastSyncTime,
                lastObservedTime,
                conditions);
    }

    @Override
    public String toString() {
        return "ServiceBusGeoPairingStatus{observedGeneration="
                + observedGeneration
                + ", role="
                + role
                + ", provisioningState="
                + provisioningState
                + ", pendingReplicationOperationsCount="
                + pendingReplicationOperationsCount
                + ", activeNamespace="
                + activeNamespace
                + ", activeNamespaceName="
                + activeNamespaceName
                + ", primary="
                + primary
                + ", partner="
                + partner
                + ", mode="
                + mode
                + ", cluster="
                + cluster
                + ", parity="
                + parity
                + ", failover="
                + failover
                + ", lastSyncTime="
                + lastSyncTime
                + ", lastObservedTime="
                + lastObservedTime
                + ", conditions="
                + conditions
                + "}";
    }
}
