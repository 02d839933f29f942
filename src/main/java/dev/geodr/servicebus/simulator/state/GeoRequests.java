package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Regions;

/**
 * Reads and validates the Geo-Replication parts of request bodies: {@code
 * properties.geoDataReplication} of a namespace PUT/PATCH and the failover body. Pure; the
 * namespace's current state is checked by the callers.
 */
final class GeoRequests {

    /** What a PUT/PATCH asks for; {@code maxLag} null keeps the current value. */
    record Desired(Integer maxLag, String primary, String secondary) {}

    /** {@code {"properties": {"primaryLocation": "...", "force": bool}}}. */
    record Failover(String primaryLocation, boolean force) {}

    /** A parse or planning result: the value, or the ARM error to answer. */
    record Parsed<T>(T value, ArmError error) {
        static <T> Parsed<T> ok(T v) {
            return new Parsed<>(v, null);
        }

        static <T> Parsed<T> bad(String detail) {
            return refused(ErrorTemplates.geoInvalid(detail));
        }

        static <T> Parsed<T> refused(ArmError error) {
            return new Parsed<>(null, error);
        }
    }

    static final int MIN_ASYNC_LAG = 300;
    static final int MAX_LAG = 86_400;

    private GeoRequests() {}

    /** "West Europe", "westeurope" and "West europe" all become "westeurope". */
    static String region(String name) {
        return Regions.shortName(name);
    }

    static Parsed<Desired> desired(JsonNode geo) {
        if (!geo.isObject()) {
            return Parsed.bad("properties.geoDataReplication must be an object.");
        }
        Integer lag = null;
        JsonNode l = geo.get("maxReplicationLagDurationInSeconds");
        if (l != null && !l.isNull()) {
            if (!l.isIntegralNumber() || !l.canConvertToInt()) {
                return Parsed.bad("maxReplicationLagDurationInSeconds must be an integer.");
            }
            lag = l.intValue();
            if (lag != 0 && (lag < MIN_ASYNC_LAG || lag > MAX_LAG)) {
                return Parsed.bad(
                        "maxReplicationLagDurationInSeconds must be 0 (synchronous) or between "
                                + MIN_ASYNC_LAG
                                + " and "
                                + MAX_LAG
                                + "; got "
                                + lag
                                + ".");
            }
        }
        JsonNode locations = geo.get("locations");
        if (locations == null || !locations.isArray() || locations.isEmpty()) {
            return Parsed.bad("geoDataReplication.locations must list the Primary location.");
        }
        String primary = null;
        String secondary = null;
        int secondaries = 0;
        for (JsonNode loc : locations) {
            JsonNode name = loc.get("locationName");
            JsonNode role = loc.get("roleType");
            if (!loc.isObject()
                    || name == null
                    || !name.isTextual()
                    || name.textValue().isBlank()
                    || role == null
                    || !role.isTextual()) {
                return Parsed.bad(
                        "each location needs a locationName and a roleType (Primary or Secondary).");
            }
            String r = role.textValue();
            if (r.equalsIgnoreCase("Primary")) {
                if (primary != null) {
                    return Parsed.bad("exactly one location must have roleType Primary.");
                }
                primary = region(name.textValue());
            } else if (r.equalsIgnoreCase("Secondary")) {
                secondaries++;
                secondary = region(name.textValue());
            } else {
                return Parsed.bad("roleType must be Primary or Secondary; got '" + r + "'.");
            }
        }
        if (primary == null) {
            return Parsed.bad("exactly one location must have roleType Primary.");
        }
        if (secondaries > 1) {
            return Parsed.bad("Geo-Replication supports exactly one secondary location.");
        }
        if (primary.equals(secondary)) {
            return Parsed.bad("the secondary location must differ from the primary location.");
        }
        return Parsed.ok(new Desired(lag, primary, secondary));
    }

    static Parsed<Failover> failover(JsonNode body) {
        JsonNode p = body == null ? null : body.get("properties");
        if (p == null || !p.isObject()) {
            return Parsed.bad(
                    "the body must be {\"properties\": {\"primaryLocation\": \"<region>\", \"force\": true|false}}.");
        }
        JsonNode loc = p.get("primaryLocation");
        if (loc == null || !loc.isTextual() || loc.textValue().isBlank()) {
            return Parsed.bad("properties.primaryLocation is required.");
        }
        JsonNode force = p.get("force");
        if (force != null && !force.isNull() && !force.isBoolean()) {
            return Parsed.bad("properties.force must be true or false.");
        }
        return Parsed.ok(new Failover(region(loc.textValue()), force != null && force.asBoolean()));
    }
}
