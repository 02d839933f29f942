package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * ARM namespace GET, PUT and PATCH with {@code properties.geoDataReplication}. A write that adds or
 * removes the secondary or changes the maximum lag is a long-running operation; everything else in
 * the body (tags, unmodelled writable properties) is stored and echoed, so the operator's GET,
 * edit, PUT of the whole body round-trips.
 */
public final class GeoNamespaces {

    /** The api-versions whose namespace model has {@code geoDataReplication} (spec folders). */
    public static final List<String> GEO_VERSIONS = List.of("2025-05-01-preview", "2026-01-01");

    /** Read-only or admin-modelled properties: a PUT may send them back, they are not stored. */
    private static final Set<String> NOT_STORED =
            Set.of(
                    "provisioningState",
                    "status",
                    "metricId",
                    "createdAt",
                    "updatedAt",
                    "serviceBusEndpoint",
                    "privateEndpointConnections",
                    "platformCapabilities",
                    "premiumMessagingPartitions",
                    "geoDataReplication");

    private final SimulatorState s;

    public GeoNamespaces(SimulatorState s) {
        this.s = s;
    }

    public static boolean isGeoVersion(String apiVersion) {
        return apiVersion != null && GEO_VERSIONS.stream().anyMatch(apiVersion::equalsIgnoreCase);
    }

    public ArmResult get(NsPath a, String apiVersion) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    return ns == null
                            ? ArmResult.error(ErrorTemplates.namespaceNotFound(a))
                            : ArmResult.ok(NamespaceBodies.namespace(ns, isGeoVersion(apiVersion)));
                });
    }

    /**
     * Calls routed to a namespace whose primary region is down fail like the {@code unreachable}
     * fault; a forced promotion still goes through, because ARM is global and the promotion is
     * carried out by the secondary's region.
     */
    public ArmError regionOutage(NsPath a, boolean forcedFailover) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null || forcedFailover) {
                        return null;
                    }
                    String region =
                            ns.geo != null ? ns.geo.primary : GeoRequests.region(ns.location);
                    return s.isRegionUnreachable(region)
                            ? ErrorTemplates.regionUnreachable(ns.name, region)
                            : null;
                });
    }

    /** PUT: the body replaces tags and stored properties; an absent geo block changes nothing. */
    public ArmResult put(NsPath a, JsonNode body, String apiVersion) {
        return write(a, body, apiVersion, true);
    }

    /** PATCH: only what the body names changes. */
    public ArmResult patch(NsPath a, JsonNode body, String apiVersion) {
        return write(a, body, apiVersion, false);
    }

    /** What a write will do to the geo block, decided before anything changes. */
    private record GeoChange(
            boolean enable, GeoRequests.Desired desired, boolean add, boolean remove, Integer lag) {
        boolean longRunning() {
            return add || remove || lag != null;
        }
    }

    private ArmResult write(NsPath a, JsonNode body, String apiVersion, boolean put) {
        if (body == null || !body.isObject()) {
            return ArmResult.error(
                    ErrorTemplates.invalidContent("the body must be a namespace JSON object."));
        }
        JsonNode props = body.get("properties");
        if (props != null && !props.isNull() && !props.isObject()) {
            return ArmResult.error(ErrorTemplates.invalidContent("properties must be an object."));
        }
        JsonNode tags = body.get("tags");
        if (tags != null && !tags.isNull() && !tags.isObject()) {
            return ArmResult.error(ErrorTemplates.invalidContent("tags must be an object."));
        }
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    ArmError refused = checkImmutable(ns, body);
                    if (refused != null) {
                        return ArmResult.error(refused);
                    }
                    if (ns.geo != null && ns.geo.running != null) {
                        return ArmResult.error(ErrorTemplates.provisioningInTransition());
                    }
                    JsonNode geo = props == null ? null : props.get("geoDataReplication");
                    GeoChange change = null;
                    if (geo != null && !geo.isNull()) {
                        GeoRequests.Parsed<GeoRequests.Desired> d = GeoRequests.desired(geo);
                        if (d.error() != null) {
                            return ArmResult.error(d.error());
                        }
                        GeoRequests.Parsed<GeoChange> planned = plan(ns, d.value());
                        if (planned.error() != null) {
                            return ArmResult.error(planned.error());
                        }
                        change = planned.value();
                    }
                    storeOthers(ns, tags, props, put);
                    GeoOperation op = change == null ? null : apply(ns, change, apiVersion);
                    ns.updatedAt = s.now();
                    if (op == null) {
                        return ArmResult.ok(
                                NamespaceBodies.namespace(ns, isGeoVersion(apiVersion)));
                    }
                    long retry = s.settings.geo().retryAfterSeconds();
                    op.returnsResource = true;
                    return put
                            ? GeoOperations.withLroHeaders(
                                    ArmResult.ok(
                                            NamespaceBodies.namespace(
                                                    ns, isGeoVersion(apiVersion))),
                                    op,
                                    retry)
                            : GeoOperations.withLroHeaders(ArmResult.status(202, null), op, retry);
                });
    }

    /** Location and SKU do not change through this simulator's ARM (real texts unknown). */
    private static ArmError checkImmutable(SimNamespace ns, JsonNode body) {
        JsonNode loc = body.get("location");
        if (loc != null
                && loc.isTextual()
                && !GeoRequests.region(loc.textValue()).equals(GeoRequests.region(ns.location))) {
            return ErrorTemplates.geoInvalid("The location of a namespace cannot be changed.");
        }
        JsonNode sku = body.path("sku").path("name");
        if (sku.isTextual() && !sku.textValue().equalsIgnoreCase(ns.sku)) {
            return ErrorTemplates.geoInvalid(
                    "Changing the SKU through ARM is not simulated; use the admin API.");
        }
        return null;
    }

    /** The change, or the ArmError that refuses it. */
    private static GeoRequests.Parsed<GeoChange> plan(SimNamespace ns, GeoRequests.Desired d) {
        GeoReplica g = ns.geo;
        if (g == null) {
            if (!ns.provider.geoReplicationSku(ns.sku)) {
                return GeoRequests.Parsed.refused(ErrorTemplates.geoSkuOnly(ns.provider));
            }
            if (ns.alias != null) {
                return GeoRequests.Parsed.refused(ErrorTemplates.geoWithAlias(ns.alias.aliasName));
            }
            if (d.maxLag() == null) {
                return GeoRequests.Parsed.refused(
                        ErrorTemplates.geoInvalid(
                                "maxReplicationLagDurationInSeconds is required to enable Geo-Replication."));
            }
            return GeoRequests.Parsed.ok(
                    new GeoChange(true, d, d.secondary() != null, false, null));
        }
        if (!d.primary().equals(g.primary)) {
            return GeoRequests.Parsed.refused(
                    ErrorTemplates.geoInvalid(
                            "The primary location changes only through the failover action; the primary is '"
                                    + g.primary
                                    + "'."));
        }
        boolean changeSecondary = !Objects.equals(d.secondary(), g.secondary);
        if (changeSecondary && g.secondary != null && d.secondary() != null) {
            return GeoRequests.Parsed.refused(
                    ErrorTemplates.geoInvalid(
                            "Replace the secondary in two steps: remove '"
                                    + g.secondary
                                    + "', then add '"
                                    + d.secondary()
                                    + "'."));
        }
        Integer lag = d.maxLag() != null && d.maxLag() != g.maxLagSeconds ? d.maxLag() : null;
        return GeoRequests.Parsed.ok(
                new GeoChange(
                        false,
                        d,
                        changeSecondary && d.secondary() != null,
                        changeSecondary && d.secondary() == null,
                        lag));
    }

    private GeoOperation apply(SimNamespace ns, GeoChange c, String apiVersion) {
        long now = s.now();
        GeoTimings t = s.settings.geo();
        if (c.enable()) {
            ns.geo =
                    new GeoReplica(
                            c.desired().primary(),
                            c.desired().maxLag(),
                            GeoAdmin.DEFAULT_DRAIN,
                            now);
        }
        GeoReplica g = ns.geo;
        if (!c.longRunning()) {
            return null;
        }
        GeoOperation op = GeoOperations.start(s, ns, GeoOperation.Kind.UPDATE, apiVersion);
        long due = now;
        if (c.lag() != null) {
            g.maxLagSeconds = c.lag();
            g.backlog = Math.min(g.backlog, g.cap());
            g.record(now);
            due = Math.max(due, now + t.lagChange().toMillis());
        }
        if (c.add()) {
            g.secondary = c.desired().secondary();
            g.secondaryState = ReplicaState.CREATING;
            g.backlog = 0;
            g.record(now);
            op.addSecondary = g.secondary;
            due = Math.max(due, now + t.replicaBuild().toMillis());
        }
        if (c.remove()) {
            startRemoval(g, op, now);
            due = Math.max(due, now + t.replicaRemove().toMillis());
        }
        op.dueAt = due;
        return op;
    }

    static void startRemoval(GeoReplica g, GeoOperation op, long now) {
        g.secondaryState = ReplicaState.DELETING;
        g.backlog = 0;
        g.record(now);
        op.removeSecondary = true;
    }

    private static void storeOthers(SimNamespace ns, JsonNode tags, JsonNode props, boolean put) {
        if (tags != null && !tags.isNull()) {
            ns.tags = (ObjectNode) tags.deepCopy();
        } else if (put) {
            ns.tags = Json.object();
        }
        ObjectNode extras = put ? Json.object() : ns.extraProperties.deepCopy();
        if (props != null && !props.isNull()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!NOT_STORED.contains(e.getKey())) {
                    extras.set(e.getKey(), e.getValue().deepCopy());
                }
            }
        }
        // the settings the simulator models live in one place, so networkRuleSets/default and the
        // admin view agree with what an ARM PUT wrote
        ns.security = ns.security.overriddenBy(SecuritySpec.takeArmProperties(extras));
        ns.extraProperties = extras;
    }
}
