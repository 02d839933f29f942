package dev.geodr.servicebus.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Finishes the generated CRD where annotations cannot reach. Runs at build time inside the QOSDK
 * CRD generator ({@code quarkus.operator-sdk.crd.post-processor}); it is not used at run time.
 *
 * <ul>
 *   <li>The generator sorts printer columns by JSONPath; {@code kubectl get} should show them in
 *       the order they are declared on the kind's class (ALIAS ... AGE).
 *   <li>{@code spec}, {@code status} and the root live in fabric8's {@code CustomResource}, and
 *       {@code status.conditions} items are fabric8's {@code Condition}: neither carries
 *       descriptions, and {@code kubectl explain} should describe every field.
 *   <li>A resource without {@code spec} means nothing and would skip the spec's CEL rules: require
 *       it.
 * </ul>
 */
public class CrdPostProcessor implements CRDPostProcessor {

    static final String CRD_NAME = ServiceBusGeoPairing.PLURAL + "." + ServiceBusGeoPairing.GROUP;
    static final String REPLICATION_CRD_NAME =
            ServiceBusGeoReplication.PLURAL + "." + ServiceBusGeoPairing.GROUP;

    /** What differs between the kinds' CRDs: where annotations cannot reach. */
    record Kind(
            Class<?> type,
            String root,
            String spec,
            String status,
            String conditionTypes,
            String conditionReasons) {}

    static final String ROOT_DESCRIPTION =
            "ServiceBusGeoPairing declares one Azure Service Bus Geo-DR alias "
                    + "(Microsoft.ServiceBus/namespaces/{namespace}/disasterRecoveryConfigs/{alias}) pairing a primary Premium "
                    + "namespace with a partner. The operator creates and repairs the pairing, fails over once per increase of "
                    + "spec.failoverRequested and reports the observed pairing in status.";
    static final String SPEC_DESCRIPTION =
            "The desired pairing: which alias, on which primary namespace, paired with "
                    + "which partner, and how failover and deletion behave.";
    static final String STATUS_DESCRIPTION =
            "The pairing as the operator last observed it in Azure Resource Manager, "
                    + "its failover bookkeeping and standard conditions. Written only by the operator.";

    static final String CONDITION_DESCRIPTION =
            "One condition in the standard Kubernetes metav1.Condition shape.";
    static final Kind PAIRING =
            new Kind(
                    ServiceBusGeoPairing.class,
                    ROOT_DESCRIPTION,
                    SPEC_DESCRIPTION,
                    STATUS_DESCRIPTION,
                    "Condition type: Ready, Reconciling, Stalled, FailoverReady or SettingsInParity.",
                    "CamelCase reason for the condition's current status, e.g. Paired, Pairing, Breaking, FailingOver, "
                            + "FailedOver, Deleting, InvalidSpec, AzureError, Throttled or ReplicationPending.");

    static final Kind REPLICATION =
            new Kind(
                    ServiceBusGeoReplication.class,
                    "ServiceBusGeoReplication declares the Geo-Replication of one Azure Service Bus Premium namespace "
                            + "(properties.geoDataReplication): its primary and secondary regions and the allowed replication "
                            + "lag. The operator sets up and repairs the replicas, promotes the secondary once per increase of "
                            + "spec.promotionRequested (Planned or Forced) and reports roles, lag and the promotion in status.",
                    "The desired replication: which namespace, its two regions, the maximum lag, and how promotion and "
                            + "deletion behave.",
                    "The replication as the operator last observed it in Azure Resource Manager and Azure Monitor, its "
                            + "promotion bookkeeping and standard conditions. Written only by the operator.",
                    "Condition type: Ready, Reconciling, Stalled or PromotionReady.",
                    "CamelCase reason for the condition's current status, e.g. Replicating, EnablingReplication, "
                            + "UpdatingReplicas, Promoting, PromotionWaiting, Promoted, PromotionFailed, PromotionRejected, "
                            + "Deleting, InvalidSpec, NamespaceNotFound, Unreachable, AzureError or Throttled.");

    static final Map<String, String> CONDITION_FIELD_DESCRIPTIONS =
            Map.of(
                    "status",
                    "True, False or Unknown.",
                    "observedGeneration",
                    "The metadata.generation this condition was computed for; when it is older than "
                            + "metadata.generation the condition is out of date.",
                    "lastTransitionTime",
                    "When the condition last changed status (RFC 3339, UTC).",
                    "message",
                    "Human-readable details. Deterministic (no request or correlation ids, no timestamps), so an "
                            + "unchanged situation does not rewrite the status.");

    @Override
    public HasMetadata process(HasMetadata resource, String crdSpecVersion) {
        if (!(resource instanceof CustomResourceDefinition crd)) {
            return resource;
        }
        Kind kind =
                switch (crd.getMetadata().getName()) {
                    case CRD_NAME -> PAIRING;
                    case REPLICATION_CRD_NAME -> REPLICATION;
                    default -> null;
                };
        if (kind == null) {
            return resource;
        }
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            orderPrinterColumnsAsDeclared(kind, version);
            describe(kind, version.getSchema().getOpenAPIV3Schema());
        }
        return crd;
    }

    private static void orderPrinterColumnsAsDeclared(
            Kind kind, CustomResourceDefinitionVersion version) {
        List<String> declared =
                Arrays.stream(kind.type().getAnnotationsByType(AdditionalPrinterColumn.class))
                        .map(AdditionalPrinterColumn::name)
                        .toList();
        List<CustomResourceColumnDefinition> columns =
                new ArrayList<>(version.getAdditionalPrinterColumns());
        columns.sort(
                Comparator.comparingInt(
                        c -> {
                            int i = declared.indexOf(c.getName());
                            return i < 0 ? Integer.MAX_VALUE : i;
                        }));
        version.setAdditionalPrinterColumns(columns);
    }

    private static void describe(Kind kind, JSONSchemaProps root) {
        root.setDescription(kind.root());
        root.setRequired(List.of("spec"));
        Map<String, JSONSchemaProps> properties = root.getProperties();
        properties.get("spec").setDescription(kind.spec());
        JSONSchemaProps status = properties.get("status");
        status.setDescription(kind.status());
        // A new object gets status {observedGeneration: 0}: kstatus (Flux, kubectl wait tools) then
        // reads it
        // as InProgress until the operator has looked at it, instead of Current for having no
        // status at all.
        status.setDefault(JsonNodeFactory.instance.objectNode());
        status.getProperties()
                .get("observedGeneration")
                .setDefault(JsonNodeFactory.instance.numberNode(0));
        JSONSchemaProps condition = status.getProperties().get("conditions").getItems().getSchema();
        condition.setDescription(CONDITION_DESCRIPTION);
        CONDITION_FIELD_DESCRIPTIONS.forEach(
                (field, text) -> condition.getProperties().get(field).setDescription(text));
        condition.getProperties().get("type").setDescription(kind.conditionTypes());
        condition.getProperties().get("reason").setDescription(kind.conditionReasons());
        describeParityItems(status);
    }

    /**
     * The items of {@code status.parity}'s lists: the generator describes a list, not its items,
     * and {@code kubectl explain} shows both.
     */
    private static void describeParityItems(JSONSchemaProps status) {
        JSONSchemaProps parity = status.getProperties().get("parity");
        if (parity == null) {
            return;
        }
        parity.getProperties()
                .get("differences")
                .getItems()
                .getSchema()
                .setDescription(
                        "One setting Geo-DR does not replicate in which the partner differs from the primary.");
        parity.getProperties()
                .get("problems")
                .getItems()
                .getSchema()
                .setDescription("One part that could not be compared, and why.");
    }
}
