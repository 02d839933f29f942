package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.state.GeoAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceSpec;
import dev.geodr.servicebus.simulator.state.NsKeys;
import java.util.function.Function;

/**
 * The Geo-Replication part of the admin API: the {@code geoReplication} field of the admin
 * namespace PUT and the {@code /simulator/georeplication/...} calls. Validates before it changes
 * anything, so a refused seed leaves no half-created namespace behind.
 */
final class GeoAdminCalls {

    private final NamespaceAdmin namespaces;
    private final GeoAdmin geo;

    GeoAdminCalls(NamespaceAdmin namespaces, GeoAdmin geo) {
        this.namespaces = namespaces;
        this.geo = geo;
    }

    GeoAdmin admin() {
        return geo;
    }

    /**
     * {@code geoReplication}: absent keeps it, null removes it, an object seeds an Active replica.
     */
    NamespaceAdmin.PutResult putNamespace(JsonNode body, String sub, String rg, String name) {
        NamespaceSpec spec = NamespaceSpec.fromJson(body, sub, rg, name);
        JsonNode geoNode = body == null ? null : body.get("geoReplication");
        GeoAdmin.Seed seed =
                geoNode == null || geoNode.isNull() ? null : GeoAdmin.parseSeed(geoNode);
        String key = NsKeys.of(sub, rg, name);
        if (seed != null) {
            geo.checkSeedable(key, spec.sku(), spec.provider());
        }
        NamespaceAdmin.PutResult res = namespaces.put(spec);
        if (geoNode == null) {
            return res;
        }
        geo.seed(key, seed);
        return new NamespaceAdmin.PutResult(res.created(), namespaces.get(sub, rg, name));
    }

    /** A call on one namespace's Geo-Replication: 404 for an unknown one, else its view. */
    SimResponse view(String sub, String rg, String name, Function<String, ObjectNode> call) {
        if (namespaces.get(sub, rg, name) == null) {
            return AdminHandler.error(404, "NotFound", "Namespace '" + name + "' does not exist.");
        }
        ObjectNode view = call.apply(NsKeys.of(sub, rg, name));
        return view == null
                ? AdminHandler.error(
                        404, "NotFound", "Namespace '" + name + "' is not geo-replicated.")
                : SimResponse.json(200, view);
    }
}
