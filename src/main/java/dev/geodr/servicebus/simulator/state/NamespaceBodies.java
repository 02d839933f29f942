package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Instant;
import java.util.Locale;

/**
 * Namespace-level reads the operator's preflight makes through the real SDK ({@code
 * getNamespaces().getByResourceGroup}, {@code getQueues()/getTopics().listByNamespace}). Entities
 * are modelled as queues; there are no topics.
 */
public final class NamespaceBodies {

    private NamespaceBodies() {}

    public static ObjectNode namespace(SimNamespace ns) {
        return namespace(ns, false);
    }

    /**
     * The namespace body; {@code geoVersion} (an api-version that knows Geo-Replication) adds
     * {@code geoDataReplication} and {@code platformCapabilities}, which older versions lack.
     */
    public static ObjectNode namespace(SimNamespace ns, boolean geoVersion) {
        ObjectNode body = Json.object();
        ObjectNode sku = body.putObject("sku");
        sku.put("name", ns.sku());
        sku.put("tier", ns.sku());
        if (ns.isPremium()) {
            sku.put("capacity", Math.max(1, ns.partitions()));
        }
        body.put("id", ns.id());
        body.put("name", ns.name());
        body.put("type", ns.provider().namespaceType());
        body.put("location", ns.location());
        body.set("tags", ns.tags.deepCopy());
        ObjectNode p = body.putObject("properties");
        p.put("premiumMessagingPartitions", ns.isPremium() ? ns.partitions() : 0);
        SecurityBodies.renderOnNamespace(ns, body, p);
        p.put("zoneRedundant", false);
        ArrayNode pes = p.putArray("privateEndpointConnections");
        for (int i = 1; i <= ns.privateEndpoints(); i++) {
            pes.add(privateEndpoint(ns, i));
        }
        if (geoVersion) {
            p.putObject("platformCapabilities")
                    .putObject("confidentialCompute")
                    .put("mode", "Disabled");
            if (ns.geo != null) {
                p.set("geoDataReplication", GeoBodies.geoDataReplication(ns.geo));
            }
        }
        ns.extraProperties
                .fields()
                .forEachRemaining(e -> p.set(e.getKey(), e.getValue().deepCopy()));
        boolean updating = ns.geo != null && ns.geo.running != null;
        p.put("provisioningState", updating ? "Updating" : "Succeeded");
        p.put("status", "Active");
        p.put("metricId", ns.subscriptionId() + ":" + ns.name().toLowerCase(Locale.ROOT));
        p.put("createdAt", Instant.ofEpochMilli(ns.createdAt()).toString());
        p.put("updatedAt", Instant.ofEpochMilli(ns.updatedAt()).toString());
        p.put(
                "serviceBusEndpoint",
                "https://" + ns.name().toLowerCase(Locale.ROOT) + ".servicebus.windows.net:443/");
        return body;
    }

    private static ObjectNode privateEndpoint(SimNamespace ns, int i) {
        ObjectNode pe = Json.object();
        String name = ns.name() + "-pe-" + i;
        pe.put("id", ns.id() + "/privateEndpointConnections/" + name);
        pe.put("name", name);
        pe.put("type", ns.provider().childType("PrivateEndpointConnections"));
        pe.put("location", ns.location());
        ObjectNode props = pe.putObject("properties");
        props.putObject("privateEndpoint")
                .put(
                        "id",
                        "/subscriptions/"
                                + ns.subscriptionId()
                                + "/resourceGroups/"
                                + ns.resourceGroup()
                                + "/providers/Microsoft.Network/privateEndpoints/"
                                + name);
        ObjectNode state = props.putObject("privateLinkServiceConnectionState");
        state.put("status", "Approved");
        state.put("description", "Auto-Approved");
        props.put("provisioningState", "Succeeded");
        return pe;
    }

    /** {@code {"value":[...]}} with {@code count} queues named queue-1…queue-N, and no nextLink. */
    public static ObjectNode queues(SimNamespace ns, long count) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        String created = Instant.ofEpochMilli(ns.createdAt()).toString();
        for (long i = 1; i <= count; i++) {
            ObjectNode q = value.addObject();
            q.put("id", ns.id() + "/queues/queue-" + i);
            q.put("name", "queue-" + i);
            q.put("type", ns.provider().childType("Queues"));
            q.put("location", ns.location());
            ObjectNode p = q.putObject("properties");
            p.put("maxSizeInMegabytes", 1024);
            // Premium's default is 1 MB; up to 100 MB once large messages are enabled
            p.put("maxMessageSizeInKilobytes", i <= ns.largeMessageQueues ? 102_400 : 1_024);
            p.put("sizeInBytes", 0);
            p.put("messageCount", 0);
            p.put("status", "Active");
            p.put("createdAt", created);
            p.put("updatedAt", created);
        }
        return body;
    }

    public static ObjectNode topics() {
        ObjectNode body = Json.object();
        body.putArray("value");
        return body;
    }
}
