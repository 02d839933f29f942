package dev.geodr.servicebus.crd;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
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
 *       the order they are declared on {@link ServiceBusGeoPairing} (ALIAS ... AGE).
 *   <li>{@code spec}, {@code status} and the root live in fabric8's {@code CustomResource}, and
 *       {@code status.conditions} items are fabric8's {@code Condition}: neither carries
 *       descriptions, and {@code kubectl explain} should describe every field.
 *   <li>A pairing without {@code spec} means nothing and would skip the spec's CEL rules: require
 *       it.
 * </ul>
 */
public class GeoPairingCrdPostProcessor implements CRDPostProcessor {

    static final String CRD_NAME = ServiceBusGeoPairing.PLURAL + "." + ServiceBusGeoPairing.GROUP;

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
    static final Map<String, String> CONDITION_FIELD_DESCRIPTIONS =
            Map.of(
                    "type",
                    "Condition type: Ready, Reconciling, Stalled or FailoverReady.",
                    "status",
                    "True, False or Unknown.",
                    "observedGeneration",
                    "The metadata.generation this condition was computed for; when it is older than "
                            + "metadata.generation the condition is out of date.",
                    "lastTransitionTime",
                    "When the condition last changed status (RFC 3339, UTC).",
                    "reason",
                    "CamelCase reason for the condition's current status, e.g. Paired, Pairing, Breaking, FailingOver, "
                            + "FailedOver, Deleting, InvalidSpec, AzureError, Throttled or ReplicationPending.",
                    "message",
                    "Human-readable details. Deterministic (no request or correlation ids, no timestamps), so an "
                            + "unchanged situation does not rewrite the status.");

    @Override
    public HasMetadata process(HasMetadata resource, String crdSpecVersion) {
        if (!(resource instanceof CustomResourceDefinition crd)
                || !CRD_NAME.equals(crd.getMetadata().getName())) {
            return resource;
        }
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            orderPrinterColumnsAsDeclared(version);
            describe(version.getSchema().getOpenAPIV3Schema());
        }
        return crd;
    }

    private static void orderPrinterColumnsAsDeclared(CustomResourceDefinitionVersion version) {
        List<String> declared =
                Arrays.stream(
                                ServiceBusGeoPairing.class.getAnnotationsByType(
                                        AdditionalPrinterColumn.class))
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

    private static void describe(JSONSchemaProps root) {
        root.setDescription(ROOT_DESCRIPTION);
        root.setRequired(List.of("spec"));
        Map<String, JSONSchemaProps> properties = root.getProperties();
        properties.get("spec").setDescription(SPEC_DESCRIPTION);
        JSONSchemaProps status = properties.get("status");
        status.setDescription(STATUS_DESCRIPTION);
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
    }
}
