package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** What ARM showed for one namespace's alias record at the last observation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceStatus {

    @JsonPropertyDescription("Full ARM id of the namespace, as written in the spec.")
    private String namespace;

    @JsonPropertyDescription(
            "ARM role of this namespace's alias record: Primary, Secondary or PrimaryNotReplicating "
                    + "(holds the alias without a partner, e.g. after a break or a failover). Empty when the namespace has no alias record.")
    private String role;

    @JsonPropertyDescription(
            "ARM provisioningState of this namespace's alias record: Accepted while a pairing, break, failover "
                    + "or delete is in progress, then Succeeded (or Failed). Empty when the namespace has no alias record.")
    private String provisioningState;

    @JsonPropertyDescription(
            "Full ARM id of the namespace this record is paired with, as ARM reports it; empty when it has no "
                    + "partner.")
    private String partnerNamespace;

    @JsonPropertyDescription(
            "Whether ARM answered for this namespace at the last observation; false when the read failed, "
                    + "e.g. during a regional outage.")
    private Boolean reachable;

    public NamespaceStatus() {}

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
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

    public String getPartnerNamespace() {
        return partnerNamespace;
    }

    public void setPartnerNamespace(String partnerNamespace) {
        this.partnerNamespace = partnerNamespace;
    }

    public Boolean getReachable() {
        return reachable;
    }

    public void setReachable(Boolean reachable) {
        this.reachable = reachable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceStatus other
                && Objects.equals(namespace, other.namespace)
                && Objects.equals(role, other.role)
                && Objects.equals(provisioningState, other.provisioningState)
                && Objects.equals(partnerNamespace, other.partnerNamespace)
                && Objects.equals(reachable, other.reachable);
    }

    @Override
    public int hashCode() {
        return Objects.hash(namespace, role, provisioningState, partnerNamespace, reachable);
    }

    @Override
    public String toString() {
        return "NamespaceStatus{namespace="
                + namespace
                + ", role="
                + role
                + ", provisioningState="
                + provisioningState
                + ", partnerNamespace="
                + partnerNamespace
                + ", reachable="
                + reachable
                + "}";
    }
}
