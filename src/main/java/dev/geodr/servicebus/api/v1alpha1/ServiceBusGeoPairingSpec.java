package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.Objects;

/**
 * The desired Geo-DR pairing. Field initializers mirror the CRD defaults so an object that never
 * went through the API server's defaulting (tests, the mock server) reads the same as one that did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.primaryNamespace.lowerAscii() != self.partnerNamespace.lowerAscii()",
        message =
                "spec.partnerNamespace must name a different namespace than spec.primaryNamespace "
                        + "(ARM ids are compared case-insensitively)",
        fieldPath = ".partnerNamespace",
        reason = "FieldValueInvalid")
// The pattern on primaryNamespace guarantees it ends in "/namespaces/<name>", so endsWith is an
// exact name
// comparison that cannot fail at run time (split()[8] would throw on an id the pattern rejects).
@ValidationRule(
        value =
                "!has(self.alternateName) || self.primaryNamespace.lowerAscii().endsWith('/namespaces/' + self.alias.lowerAscii())",
        message =
                "spec.alternateName may only be set when spec.alias equals the name of the spec.primaryNamespace "
                        + "namespace (Azure keeps that namespace reachable under the alternate name)",
        fieldPath = ".alternateName",
        reason = "FieldValueForbidden")
public class ServiceBusGeoPairingSpec {

    /** The rules of {@link FieldPatterns#NAMESPACE_ID}, for the two namespace fields. */
    private static final String ID_RULES =
            "As in ARM, the keywords (subscriptions, resourceGroups, providers, Microsoft.ServiceBus, namespaces) match in "
                    + "any case; the subscription is a GUID; the resource group has 1-90 letters, digits, underscores, hyphens, "
                    + "periods or parentheses and does not end with a period (ARM also allows non-ASCII letters, this field only "
                    + "ASCII); the name has 6-50 letters, digits or hyphens, starts with a letter and ends with a letter or digit. ";

    @Required
    @Pattern(FieldPatterns.ALIAS)
    @Size(min = 1, max = FieldPatterns.ALIAS_MAX_LENGTH)
    @ValidationRule(
            value = "self == oldSelf",
            message =
                    "spec.alias is immutable: create a new ServiceBusGeoPairing to use another alias",
            reason = "FieldValueForbidden")
    @JsonPropertyDescription(
            "Name of the Geo-DR configuration (Microsoft.ServiceBus/namespaces/{namespace}/disasterRecoveryConfigs/{alias}), "
                    + "which is also the DNS name <alias>.servicebus.windows.net that applications connect to and that always resolves "
                    + "to the active namespace. 1-50 characters: letters, digits and hyphens, starting with a letter and ending with a "
                    + "letter or digit; unique across Azure. Immutable: to use another alias, create a new ServiceBusGeoPairing.")
    private String alias;

    @Required
    @Pattern(FieldPatterns.NAMESPACE_ID)
    @Size(max = FieldPatterns.NAMESPACE_ID_MAX_LENGTH)
    @JsonPropertyDescription(
            "Full ARM id of the Service Bus Premium namespace that should hold the alias as Primary: "
                    + "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ServiceBus/namespaces/{name}. "
                    + ID_RULES
                    + "The operator creates the pairing with a PUT of the alias on this namespace. After a failover the alias lives on the "
                    + "former partner (status.activeNamespace): set primaryNamespace to it, and partnerNamespace to a new empty Premium "
                    + "namespace, to restore geo-DR protection.")
    private String primaryNamespace;

    @Required
    @Pattern(FieldPatterns.NAMESPACE_ID)
    @Size(max = FieldPatterns.NAMESPACE_ID_MAX_LENGTH)
    @JsonPropertyDescription(
            "Full ARM id of the Service Bus Premium namespace that should be the Secondary of the pairing (same form and rules as "
                    + "primaryNamespace); "
                    + "it must differ from primaryNamespace (compared case-insensitively) and, when first paired, have no entities and the "
                    + "same partitioning as the primary. A requested failover is POSTed on this namespace, which then becomes the active "
                    + "one. Changing this field makes the operator break the current pairing, wait for the break to finish and pair with "
                    + "the new partner.")
    private String partnerNamespace;

    @Pattern(FieldPatterns.NAMESPACE_NAME)
    @Size(max = FieldPatterns.NAMESPACE_NAME_MAX_LENGTH)
    @JsonPropertyDescription(
            "ARM alternateName of the Geo-DR configuration. Allowed only when alias equals the name of the "
                    + "primary namespace: the alias then takes over that namespace's DNS name and the namespace itself stays reachable "
                    + "under this alternate name. A valid namespace name (6-50 characters). Omit it otherwise.")
    private String alternateName;

    @Min(0)
    @Default("0")
    @ValidationRule(
            value = "self >= oldSelf",
            message =
                    "spec.failoverRequested may never decrease: it counts failover requests, so increase it by one "
                            + "to request a failover",
            reason = "FieldValueForbidden")
    @JsonPropertyDescription(
            "Failover request counter. Increase it to ask for one failover: the operator POSTs failover on "
                    + "partnerNamespace once per increase (several increases before it acts count as one request) and records the value "
                    + "it acted on in status.failover.lastHandledRequest. It may never decrease. The value a ServiceBusGeoPairing has when "
                    + "the operator first sees it is adopted without failing over, so re-applying a manifest from Git never fails over "
                    + "again. Defaults to 0.")
    private long failoverRequested;

    @Default("Safe")
    @JsonPropertyDescription(
            "How a requested failover is issued. Safe (default): wait until the pairing is Succeeded and no "
                    + "replication is pending, then POST failover with IsSafeFailover=true; if replication is still pending when the "
                    + "operator's safe-failover timeout expires, the request ends with outcome Failed; with primary and "
                    + "partner in different subscriptions ARM refuses every Safe failover, so the request ends Rejected at once, "
                    + "nothing sent. Forced: POST failover at once "
                    + "without IsSafeFailover; only the partner namespace has to answer, so it works while the primary region is down; "
                    + "entities not yet replicated may be missing on the new primary.")
    private FailoverMode failoverMode = FailoverMode.Safe;

    @Default("Retain")
    @JsonPropertyDescription(
            "What deleting this ServiceBusGeoPairing does in Azure. Retain (default): nothing; the alias and "
                    + "its pairing stay in Azure untouched, so an accidental delete or a GitOps prune never takes the alias DNS name away "
                    + "from running applications. Delete: break the pairing if paired, wait until the break has finished, delete the "
                    + "alias on the namespace that holds it and wait until it is gone before the object is removed.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

    @Pattern(FieldPatterns.CLUSTER_NAME)
    @Size(max = FieldPatterns.CLUSTER_NAME_MAX_LENGTH)
    @JsonPropertyDescription(
            "The cluster whose operator may write to Azure for this pairing, as that operator's setting "
                    + "geodr.cluster-name (GEODR_CLUSTER_NAME, chart value clusterName) names it: a lowercase DNS label. "
                    + "Operators in other clusters observe: they read ARM and project the whole status and the connection Secret, "
                    + "but never send a PUT, a failover, a break or a DELETE; every failoverRequested value they see is recorded as "
                    + "handled by the writer, and deleting the object there never touches Azure. Omitted: every operator that sees "
                    + "this object writes (one cluster). To fail over from the surviving cluster, name it here, set failoverMode "
                    + "Forced and increase failoverRequested in one change: its operator fails over once (docs/multi-cluster.md).")
    private String writerCluster;

    @JsonPropertyDescription(
            "Secret in this ServiceBusGeoPairing's Kubernetes namespace with the Azure credentials to use for "
                    + "this pairing: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE instead of "
                    + "the secret). When omitted, the operator uses its own identity (workload identity or DefaultAzureCredential).")
    private SecretReference credentialsSecretRef;

    @JsonPropertyDescription(
            "When set, the operator writes the alias connection strings and keys, read with listKeys on the "
                    + "alias, to this Secret and refreshes it when they change. When omitted, no Secret is written.")
    private ConnectionSecret connectionSecret;

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public String getPrimaryNamespace() {
        return primaryNamespace;
    }

    public void setPrimaryNamespace(String primaryNamespace) {
        this.primaryNamespace = primaryNamespace;
    }

    public String getPartnerNamespace() {
        return partnerNamespace;
    }

    public void setPartnerNamespace(String partnerNamespace) {
        this.partnerNamespace = partnerNamespace;
    }

    public String getAlternateName() {
        return alternateName;
    }

    public void setAlternateName(String alternateName) {
        this.alternateName = alternateName;
    }

    public long getFailoverRequested() {
        return failoverRequested;
    }

    public void setFailoverRequested(long failoverRequested) {
        this.failoverRequested = failoverRequested;
    }

    public FailoverMode getFailoverMode() {
        return failoverMode;
    }

    public void setFailoverMode(FailoverMode failoverMode) {
        this.failoverMode = failoverMode;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public String getWriterCluster() {
        return writerCluster;
    }

    public void setWriterCluster(String writerCluster) {
        this.writerCluster = writerCluster;
    }

    public SecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public ConnectionSecret getConnectionSecret() {
        return connectionSecret;
    }

    public void setConnectionSecret(ConnectionSecret connectionSecret) {
        this.connectionSecret = connectionSecret;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceBusGeoPairingSpec other
                && failoverRequested == other.failoverRequested
                && Objects.equals(alias, other.alias)
                && Objects.equals(primaryNamespace, other.primaryNamespace)
                && Objects.equals(partnerNamespace, other.partnerNamespace)
                && Objects.equals(alternateName, other.alternateName)
                && failoverMode == other.failoverMode
                && deletionPolicy == other.deletionPolicy
                && Objects.equals(writerCluster, other.writerCluster)
                && Objects.equals(credentialsSecretRef, other.credentialsSecretRef)
                && Objects.equals(connectionSecret, other.connectionSecret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                alias,
                primaryNamespace,
                partnerNamespace,
                alternateName,
                failoverRequested,
                failoverMode,
                deletionPolicy,
                writerCluster,
                credentialsSecretRef,
                connectionSecret);
    }

    @Override
    public String toString() {
        return "ServiceBusGeoPairingSpec{alias="
                + alias
                + ", primaryNamespace="
                + primaryNamespace
                + ", partnerNamespace="
                + partnerNamespace
                + ", alternateName="
                + alternateName
                + ", failoverRequested="
                + failoverRequested
                + ", failoverMode="
                + failoverMode
                + ", deletionPolicy="
                + deletionPolicy
                + ", writerCluster="
                + writerCluster
                + ", credentialsSecretRef="
                + credentialsSecretRef
                + ", connectionSecret="
                + connectionSecret
                + "}";
    }
}
