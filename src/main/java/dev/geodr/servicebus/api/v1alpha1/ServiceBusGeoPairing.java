package dev.geodr.servicebus.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One Azure Service Bus Geo-DR alias ({@code disasterRecoveryConfigs/{alias}}) and the pairing
 * behind it.
 */
@Group(ServiceBusGeoPairing.GROUP)
@Version(ServiceBusGeoPairing.VERSION)
@Plural(ServiceBusGeoPairing.PLURAL)
@ShortNames({"sbgp", "geopairing"})
@AdditionalPrinterColumn(
        name = "ALIAS",
        jsonPath = ".spec.alias",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "ROLE",
        jsonPath = ".status.role",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "STATE",
        jsonPath = ".status.provisioningState",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "PENDING",
        jsonPath = ".status.pendingReplicationOperationsCount",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "ACTIVE",
        jsonPath = ".status.activeNamespaceName",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "READY",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "MODE",
        jsonPath = ".status.mode",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "OBSERVED",
        jsonPath = ".status.lastObservedTime",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "AGE",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class ServiceBusGeoPairing
        extends CustomResource<ServiceBusGeoPairingSpec, ServiceBusGeoPairingStatus>
        implements Namespaced {

    public static final String GROUP = "servicebus.geodr.dev";
    public static final String VERSION = "v1alpha1";
    public static final String PLURAL = "servicebusgeopairings";
}
