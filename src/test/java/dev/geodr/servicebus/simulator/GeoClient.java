package dev.geodr.servicebus.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Geo-Replication calls for the simulator tests, over HTTPS through {@link SimulatorClient}: ARM at
 * api-version 2026-01-01, the admin seeding and rates, and polling of operation URLs.
 */
public final class GeoClient {

    public static final String API = "2026-01-01";
    public static final String RG = "rg-georep";
    public static final String PRIMARY = "westeurope";
    public static final String SECONDARY = "northeurope";

    public final SimulatorClient c;

    public GeoClient(SimulatorClient c) {
        this.c = c;
    }

    public static String id(String name) {
        return SimulatorClient.nsId(RG, name);
    }

    /**
     * A Premium namespace in westeurope replicated to northeurope (Active at once), lag 300 s, with
     * the given rates.
     */
    public String seed(String name, double publish, double drain) {
        c.putNamespace(
                RG,
                name,
                "{\"location\":\"westeurope\",\"entities\":3,\"geoReplication\":{\"secondary\":\""
                        + SECONDARY
                        + "\",\"maxReplicationLagDurationInSeconds\":300,\"publishPerSecond\":"
                        + publish
                        + ",\"drainPerSecond\":"
                        + drain
                        + "}}");
        return id(name);
    }

    public String seed(String name) {
        return seed(name, 0, 100);
    }

    public SimulatorClient.Resp get(String id) {
        return c.send("GET", id + "?api-version=" + API, null);
    }

    public SimulatorClient.Resp get(String id, String apiVersion) {
        return c.send("GET", id + "?api-version=" + apiVersion, null);
    }

    public SimulatorClient.Resp put(String id, JsonNode body) {
        return c.send("PUT", id + "?api-version=" + API, Json.write(body));
    }

    public SimulatorClient.Resp patch(String id, JsonNode body) {
        return c.send("PATCH", id + "?api-version=" + API, Json.write(body));
    }

    public SimulatorClient.Resp failover(String id, String region, boolean force) {
        return c.send(
                "POST",
                id + "/failover?api-version=" + API,
                "{\"properties\":{\"primaryLocation\":\""
                        + region
                        + "\",\"force\":"
                        + force
                        + "}}");
    }

    /** GET of an absolute operation URL the simulator handed out (path and query only). */
    public SimulatorClient.Resp poll(String url) {
        URI u = URI.create(url);
        return c.send("GET", u.getRawPath() + "?" + u.getRawQuery(), null);
    }

    public String status(String asyncUrl) {
        return poll(asyncUrl).json().path("status").asText();
    }

    public JsonNode admin(String name) {
        return c.admin(
                "GET",
                "/simulator/georeplication/" + SimulatorClient.SUB + "/" + RG + "/" + name,
                null);
    }

    public JsonNode rates(String name, double publish, double drain) {
        return c.admin(
                "PUT",
                "/simulator/georeplication/"
                        + SimulatorClient.SUB
                        + "/"
                        + RG
                        + "/"
                        + name
                        + "/rates",
                "{\"publishPerSecond\":" + publish + ",\"drainPerSecond\":" + drain + "}");
    }

    /** A body with {@code geoDataReplication} set to the given locations (primary first). */
    public static ObjectNode geoBody(int lag, String primary, String... secondaries) {
        ObjectNode body = Json.object();
        ObjectNode geo = body.putObject("properties").putObject("geoDataReplication");
        var locations = geo.putArray("locations");
        locations.addObject().put("locationName", primary).put("roleType", "Primary");
        for (String s : secondaries) {
            locations.addObject().put("locationName", s).put("roleType", "Secondary");
        }
        geo.put("maxReplicationLagDurationInSeconds", lag);
        return body;
    }

    /** The locations of a namespace GET, as "name/role/state" strings. */
    public static java.util.List<String> locations(JsonNode ns) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonNode l : ns.path("properties").path("geoDataReplication").path("locations")) {
            out.add(
                    l.path("locationName").asText()
                            + "/"
                            + l.path("roleType").asText()
                            + "/"
                            + l.path("replicaState").asText());
        }
        return out;
    }

    /** A metrics query as MetricsQueryClient sends it (api-version 2018-01-01). */
    public SimulatorClient.Resp metrics(
            String id, String metric, Instant from, Instant to, String filter) {
        StringBuilder q = new StringBuilder("?timespan=").append(from).append("/").append(to);
        q.append("&interval=PT1M&metricnames=").append(metric).append("&aggregation=Maximum");
        if (filter != null) {
            q.append("&%24filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8));
        }
        q.append("&api-version=2018-01-01");
        return c.send("GET", id + "/providers/Microsoft.Insights/metrics" + q, null);
    }
}
