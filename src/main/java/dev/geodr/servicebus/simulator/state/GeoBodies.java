package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Instant;

/** Wire bodies of Geo-Replication: the namespace's block and the async-operation status. */
final class GeoBodies {

    private GeoBodies() {}

    /**
     * {@code {locations: [{locationName, roleType, replicaState}],
     * maxReplicationLagDurationInSeconds}} in the REST example's key order; the primary is always
     * {@code Active}.
     */
    static ObjectNode geoDataReplication(GeoReplica g) {
        ObjectNode geo = Json.object();
        ArrayNode locations = geo.putArray("locations");
        location(locations, g.primary, "Primary", ReplicaState.ACTIVE);
        if (g.secondary != null) {
            location(locations, g.secondary, "Secondary", g.secondaryState);
        }
        geo.put("maxReplicationLagDurationInSeconds", g.maxLagSeconds);
        return geo;
    }

    private static void location(ArrayNode out, String name, String role, ReplicaState state) {
        ObjectNode l = out.addObject();
        l.put("locationName", name);
        l.put("roleType", role);
        l.put("replicaState", state.wire());
    }

    /**
     * ARM's Azure-AsyncOperation body: {@code {id, name, status, startTime, endTime?, error?}}
     * (plus {@code resourceId}, which the ARM RPC allows).
     */
    static ObjectNode status(GeoOperation op, String resourceId) {
        ObjectNode b = Json.object();
        b.put("id", op.statusPath());
        b.put("name", op.id);
        b.put("resourceId", resourceId);
        b.put("status", op.status.wire());
        b.put("startTime", Instant.ofEpochMilli(op.startTime).toString());
        if (!op.running()) {
            b.put("endTime", Instant.ofEpochMilli(op.endTime).toString());
        }
        if (op.error != null) {
            ObjectNode e = b.putObject("error");
            e.put("code", op.error.code());
            e.put("message", op.error.message());
        }
        return b;
    }
}
