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
 * The desired Geo-Replication of one namespace. Field initializers mirror the CRD defaults so an
 * object that never went through the API server's defaulting reads the same as one that did.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "self.primaryLocation.lowerAscii().replace(' ', '') !="
                        + " self.secondaryLocation.lowerAscii().replace(' ', '')",
        message =
                "spec.secondaryLocation must name a different region than spec.primaryLocation"
                        + " (compared ignoring case and spaces, as ARM does)",
        fieldPath = ".secondaryLocation",
        reason = "FieldValueInvalid")
public class ServiceBusGeoReplicationSpec {

    @Required
    @Pattern(FieldPatterns.NAMESPACE_ID)
    @Size(max = FieldPatterns.NAMESPACE_ID_MAX_LENGTH)
    @ValidationRule(
            value = "self.lowerAscii() == oldSelf.lowerAscii()",
            message =
                    "spec.namespace is immutable: create a new ServiceBusGeoReplication for another"
                            + " namespace",
            reason = "FieldValueForbidden")
    @JsonPropertyDescription(
            "Full ARM id of the Service Bus Premium namespace to geo-replicate: "
                    + "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ServiceBus/namespaces/{name}"
                    + " (keywords in any case, the subscription a GUID, the name 6-50 letters, digits or hyphens). The namespace"
                    + " itself is usually created by another tool (Terraform, Bicep); the operator changes only its"
                    + " properties.geoDataReplication, by a read-modify-write that keeps every other property. Immutable.")
    private String namespace;

    @Required
    @Pattern(FieldPatterns.LOCATION)
    @Size(min = 2, max = FieldPatterns.LOCATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "The namespace's own region (its ARM location, e.g. westeurope): primary when the operator first sets up"
                    + " replication. Roles are whatever ARM shows afterwards; only a promotion request changes them.")
    private String primaryLocation;

    @Required
    @Pattern(FieldPatterns.LOCATION)
    @Size(min = 2, max = FieldPatterns.LOCATION_MAX_LENGTH)
    @JsonPropertyDescription(
            "The one other region that holds a replica (e.g. northeurope); must differ from primaryLocation."
                    + " A promotion makes the replica in the region that is secondary at the time the primary.")
    private String secondaryLocation;

    @Min(0)
    @Default("300")
    @ValidationRule(
            value = "self == 0 || (self >= 300 && self <= 86400)",
            message =
                    "spec.maxReplicationLagSeconds must be 0 (synchronous) or between 300 (5 min)"
                            + " and 86400 (1 day)",
            reason = "FieldValueInvalid")
    @JsonPropertyDescription(
            "The most the secondary may lag behind, in seconds: 0 replicates synchronously (a message is"
                    + " acknowledged only once both regions hold it, so a forced promotion loses nothing, at the cost of"
                    + " latency and of both regions being needed to publish), else 300 (5 min) to 86400 (1 day) for"
                    + " asynchronous replication. Defaults to 300.")
    private long maxReplicationLagSeconds = 300;

    @Min(0)
    @Default("0")
    @ValidationRule(
            value = "self >= oldSelf",
            message =
                    "spec.promotionRequested may never decrease: it counts promotion requests, so"
                            + " increase it by one to request a promotion",
            reason = "FieldValueForbidden")
    @JsonPropertyDescription(
            "Promotion request counter. Increase it to ask for one promotion of the region that is secondary"
                    + " now: the operator POSTs the namespace's failover once per increase (several increases before it acts"
                    + " count as one request) and records the value it acted on in status.promotion.lastHandledRequest. It"
                    + " may never decrease. The value a ServiceBusGeoReplication has when the operator first sees it is adopted"
                    + " without promoting, so re-applying a manifest from Git never promotes again. Defaults to 0.")
    private long promotionRequested;

    @Default("Planned")
    @JsonPropertyDescription(
            "How a requested promotion is sent. Planned (default): ARM waits for replication to catch up"
                    + " (the namespace is read-only meanwhile) and the old primary becomes the secondary; no message is lost;"
                    + " both regions must answer. Forced: at once, for when the primary region is down; messages not yet"
                    + " replicated may be lost. Changing Planned to Forced while a Planned request waits or runs sends one"
                    + " forced promotion for that request.")
    private PromotionMode promotionMode = PromotionMode.Planned;

    @Default("Retain")
    @JsonPropertyDescription(
            "What deleting this ServiceBusGeoReplication does in Azure. Retain (default): nothing; the namespace"
                    + " keeps replicating. Delete: wait until no promotion or update runs, remove the secondary replica, then"
                    + " let the object go. The namespace itself is never deleted.")
    private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

    @Pattern(FieldPatterns.CLUSTER_NAME)
    @Size(max = FieldPatterns.CLUSTER_NAME_MAX_LENGTH)
    @JsonPropertyDescription(
            "The cluster whose operator may write to Azure for this namespace, as that operator's setting"
                    + " geodr.cluster-name (GEODR_CLUSTER_NAME, chart value clusterName) names it: a lowercase DNS label."
                    + " Operators in other clusters observe: they read ARM and project the whole status but never send a"
                    + " PUT or a promotion; every promotionRequested value they see is recorded as handled by the writer,"
                    + " and deleting the object there never touches Azure. Omitted: every operator that sees this object"
                    + " writes. To promote from the surviving cluster, name it here, set promotionMode Forced and increase"
                    + " promotionRequested in one change (docs/multi-cluster.md).")
    private String writerCluster;

    @JsonPropertyDescription(
            "Secret in this ServiceBusGeoReplication's Kubernetes namespace with the Azure credentials to use:"
                    + " AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_FEDERATED_TOKEN_FILE instead of the"
                    + " secret). When omitted, the operator uses its own identity (workload identity or"
                    + " DefaultAzureCredential).")
    private SecretReference credentialsSecretRef;

    public String getWriterCluster() {
        return writerCluster;
    }

    public void setWriterCluster(String writerCluster) {
        this.writerCluster = writerCluster;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getPrimaryLocation() {
        return primaryLocation;
    }

    public void setPrimaryLocation(String primaryLocation) {
        this.primaryLocation = primaryLocation;
    }

    public String getSecondaryLocation() {
        return secondaryLocation;
    }

    public void setSecondaryLocation(String secondaryLocation) {
        this.secondaryLocation = secondaryLocation;
    }

    public long getMaxReplicationLagSeconds() {
        return maxReplicationLagSeconds;
    }

    public void setMaxReplicationLagSeconds(long maxReplicationLagSeconds) {
        this.maxReplicationLagSeconds = maxReplicationLagSeconds;
    }

    public long getPromotionRequested() {
        return promotionRequested;
    }

    public void setPromotionRequested(long promotionRequested) {
        this.promotionRequested = promotionRequested;
    }

    public PromotionMode getPromotionMode() {
        return promotionMode;
    }

    public void setPromotionMode(PromotionMode promotionMode) {
        this.promotionMode = promotionMode;
    }

    public DeletionPolicy getDeletionPolicy() {
        return deletionPolicy;
    }

    public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
        this.deletionPolicy = deletionPolicy;
    }

    public SecretReference getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceBusGeoReplicationSpec other
                && Objects.equals(namespace, other.namespace)
                && Objects.equals(primaryLocation, other.primaryLocation)
                && Objects.equals(secondaryLocation, other.secondaryLocation)
                && maxReplicationLagSeconds == other.maxReplicationLagSeconds
                && promotionRequested == other.promotionRequested
                && promotionMode == other.promotionMode
                && deletionPolicy == other.deletionPolicy
                && Objects.equals(writerCluster, other.writerCluster)
                && Objects.equals(credentialsSecretRef, other.credentialsSecretRef);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                namespace,
                primaryLocation,
                secondaryLocation,
                maxReplicationLagSeconds,
                promotionRequested,
                promotionMode,
                deletionPolicy,
                writerCluster,
                credentialsSecretRef);
    }
}
