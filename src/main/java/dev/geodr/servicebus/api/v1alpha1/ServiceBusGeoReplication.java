package dev.geodr.servicebus.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * One geo-replicated Service Bus Premium namespace ({@code properties.geoDataReplication}): its two
 * regions, the allowed replication lag and its promotion requests.
 */
@Group(ServiceBusGeoPairing.GROUP)
@Version(ServiceBusGeoPairing.VERSION)
@Plural(ServiceBusGeoReplication.PLURAL)
@ShortNames({"sbgr", "georeplication"})
@AdditionalPrinterColumn(
        name = "PRIMARY",
        jsonPath = ".status.primaryLocation",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "SECONDARY",
        jsonPath = ".status.secondaryLocation",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "LAG",
        jsonPath = ".status.replicationLag.seconds",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
        name = "PROMOTION",
        jsonPath = ".status.promotion.inFlight.phase",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "READY",
        jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "PROMOTION-READY",
        jsonPath = ".status.conditions[?(@.type==\"PromotionReady\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
        name = "OBSERVED",
        jsonPath = ".status.lastObservedTime",
        type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
        name = "AGE",
        jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class ServiceBusGeoReplication
        extends CustomResource<ServiceBusGeoReplicationSpec, ServiceBusGeoReplicationStatus>
        implements Namespaced {

    public static final String PLURAL = "servicebusgeoreplications";
}
