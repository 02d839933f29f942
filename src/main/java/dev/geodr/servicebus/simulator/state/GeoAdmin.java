package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Instant;

/**
 * God-mode Geo-Replication for the admin API: seed a geo-replicated namespace with its replica
 * already Active, set the publish and drain rates of the lag model, and remove the secondary out of
 * band (as another tool's PUT would, but without an ARM call in the log). Bad input throws {@link
 * IllegalArgumentException} (a 400) and changes nothing.
 */
public final class GeoAdmin {

    /** Messages per second the secondary absorbs unless the admin says otherwise. */
    static final double DEFAULT_DRAIN = 100;

    private static final double MAX_RATE = 1e9;

    private final SimulatorState s;

    public GeoAdmin(SimulatorState s) {
        this.s = s;
    }

    /** The admin {@code geoReplication} object, validated before anything is applied. */
    public record Seed(
            String primary, String secondary, int maxLag, double publish, double drain) {}

    /**
     * Parses {@code {"primary","secondary","maxReplicationLagDurationInSeconds","publishPerSecond",
     * "drainPerSecond"}}; {@code primary} defaults to the namespace's location, given later.
     */
    public static Seed parseSeed(JsonNode n) {
        require(n.isObject(), "geoReplication must be an object");
        String primary = n.hasNonNull("primary") ? region(n, "primary") : null;
        String secondary = n.hasNonNull("secondary") ? region(n, "secondary") : null;
        int lag = 300;
        if (n.has("maxReplicationLagDurationInSeconds")) {
            JsonNode l = n.get("maxReplicationLagDurationInSeconds");
            require(
                    l.isIntegralNumber()
                            && (l.intValue() == 0
                                    || (l.intValue() >= GeoRequests.MIN_ASYNC_LAG
                                            && l.intValue() <= GeoRequests.MAX_LAG)),
                    "maxReplicationLagDurationInSeconds must be 0 or 300..86400");
            lag = l.intValue();
        }
        double publish = rate(n, "publishPerSecond", 0, false);
        double drain = rate(n, "drainPerSecond", DEFAULT_DRAIN, true);
        require(
                primary == null || !primary.equals(secondary),
                "primary and secondary must be different regions");
        return new Seed(primary, secondary, lag, publish, drain);
    }

    /**
     * Refuses a seed before the namespace PUT applies: an existing alias or running operation, or a
     * SKU (requested, else current, else the Premium default) other than Premium.
     */
    public void checkSeedable(String key, String requestedSku, ArmProvider requestedProvider) {
        s.locked(
                () -> {
                    SimNamespace ns = s.byKey(key);
                    String sku =
                            requestedSku != null ? requestedSku : ns != null ? ns.sku : "Premium";
                    ArmProvider provider =
                            requestedProvider != null
                                    ? requestedProvider
                                    : ns != null ? ns.provider : ArmProvider.SERVICE_BUS;
                    requireGeoSku(provider, sku);
                    if (ns != null) {
                        require(
                                ns.alias == null,
                                "the namespace holds a Geo-DR alias; Geo-Replication cannot be combined with it");
                        require(
                                ns.geo == null || ns.geo.running == null,
                                "an operation is running on this namespace; wait for it or reset");
                    }
                    return null;
                });
    }

    private static void requireGeoSku(ArmProvider provider, String sku) {
        require(
                provider.geoReplicationSku(sku),
                "Geo-Replication needs a "
                        + ArmProvider.joinSkus(provider.geoReplicationSkus())
                        + " namespace");
    }

    /** Seeds (or replaces) the geo block of an existing namespace; null removes it. */
    public void seed(String key, Seed seed) {
        s.locked(
                () -> {
                    SimNamespace ns = existing(key);
                    require(
                            ns.geo == null || ns.geo.running == null,
                            "an operation is running on this namespace; wait for it or reset");
                    if (seed == null) {
                        ns.geo = null;
                        return null;
                    }
                    require(
                            ns.alias == null,
                            "the namespace holds a Geo-DR alias; Geo-Replication cannot be combined with it");
                    requireGeoSku(ns.provider, ns.sku);
                    String primary =
                            seed.primary() != null
                                    ? seed.primary()
                                    : GeoRequests.region(ns.location);
                    require(
                            !primary.equals(seed.secondary()),
                            "primary and secondary must be different regions");
                    GeoReplica g = new GeoReplica(primary, seed.maxLag(), seed.drain(), s.now());
                    g.publishPerSecond = seed.publish();
                    g.secondary = seed.secondary();
                    g.secondaryState = seed.secondary() == null ? null : ReplicaState.ACTIVE;
                    ns.geo = g;
                    return null;
                });
    }

    /** {@code {"publishPerSecond": x, "drainPerSecond": y}}, either optional. */
    public ObjectNode rates(String key, JsonNode body) {
        require(
                body != null && body.isObject(),
                "the body must be {\"publishPerSecond\": x, \"drainPerSecond\": y}");
        return s.locked(
                () -> {
                    GeoReplica g = geo(key);
                    double publish = rate(body, "publishPerSecond", g.publishPerSecond, false);
                    double drain = rate(body, "drainPerSecond", g.drainPerSecond, true);
                    // the backlog up to now is already integrated (locked settles first)
                    g.publishPerSecond = publish;
                    g.drainPerSecond = drain;
                    g.backlog = Math.min(g.backlog, g.cap());
                    g.record(s.now());
                    return view(s.byKey(key));
                });
    }

    /** Starts removing the secondary as another tool would; the answer names the operation. */
    public ObjectNode removeReplica(String key) {
        return s.locked(
                () -> {
                    SimNamespace ns = existing(key);
                    GeoReplica g = ns.geo;
                    require(
                            g != null && g.secondary != null,
                            "the namespace has no secondary replica");
                    require(
                            g.running == null,
                            "an operation is running on this namespace; wait for it or reset");
                    GeoOperation op =
                            GeoOperations.start(s, ns, GeoOperation.Kind.UPDATE, "2026-01-01");
                    op.returnsResource = true;
                    GeoNamespaces.startRemoval(g, op, s.now());
                    op.dueAt = s.now() + s.settings.geo().replicaRemove().toMillis();
                    return view(ns);
                });
    }

    public ObjectNode get(String key) {
        return s.locked(() -> view(existing(key)));
    }

    /** The admin view's {@code geoReplication}, or null for a namespace without it. */
    static ObjectNode view(SimNamespace ns) {
        GeoReplica g = ns.geo;
        if (g == null) {
            return null;
        }
        ObjectNode v = Json.object();
        v.put("primary", g.primary);
        if (g.secondary == null) {
            v.putNull("secondary");
            v.putNull("replicaState");
        } else {
            v.put("secondary", g.secondary);
            v.put("replicaState", g.secondaryState.wire());
        }
        v.put("maxReplicationLagDurationInSeconds", g.maxLagSeconds);
        v.put("publishPerSecond", g.publishPerSecond);
        v.put("drainPerSecond", g.drainPerSecond);
        v.put("backlogMessages", Math.round(g.backlog));
        v.put("lagSeconds", Math.round(g.lagSeconds(g.backlog)));
        v.put("readOnly", g.readOnly);
        v.put("lostMessages", Math.round(g.lostMessages));
        GeoOperation op = g.running;
        if (op == null) {
            v.putNull("operation");
        } else {
            ObjectNode o = v.putObject("operation");
            o.put("id", op.id);
            o.put("kind", op.kind.name());
            o.put("status", op.status.wire());
            if (op.phase != null) {
                o.put("phase", op.phase.name());
            }
            o.put("force", op.force);
            o.put("startTime", Instant.ofEpochMilli(op.startTime).toString());
        }
        return v;
    }

    private SimNamespace existing(String key) {
        SimNamespace ns = s.byKey(key);
        if (ns == null) {
            throw new IllegalArgumentException("namespace " + key + " does not exist");
        }
        return ns;
    }

    private GeoReplica geo(String key) {
        SimNamespace ns = existing(key);
        require(ns.geo != null, "the namespace is not geo-replicated");
        return ns.geo;
    }

    private static String region(JsonNode n, String field) {
        JsonNode v = n.get(field);
        require(v.isTextual() && !v.textValue().isBlank(), field + " must be a region name");
        return GeoRequests.region(v.textValue());
    }

    private static double rate(JsonNode n, String field, double dflt, boolean positive) {
        if (!n.has(field)) {
            return dflt;
        }
        JsonNode v = n.get(field);
        require(
                v.isNumber()
                        && v.doubleValue() <= MAX_RATE
                        && (positive ? v.doubleValue() > 0 : v.doubleValue() >= 0),
                field + (positive ? " must be a number > 0" : " must be a number >= 0"));
        return v.doubleValue();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
