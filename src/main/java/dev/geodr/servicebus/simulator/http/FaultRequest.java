package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Regions;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed and validated {@code POST /simulator/faults} body (see docs/simulator.md for the
 * shapes).
 */
record FaultRequest(
        Map<String, String> unreachable,
        List<String> reachable,
        List<FailSpec> failNext,
        Long latencyMs,
        ThrottleSpec throttle,
        List<String> regionUnreachable,
        List<String> regionReachable,
        Boolean metricsForbidden,
        Boolean roleAssignmentsForbidden) {

    static final Pattern NAMESPACE_ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
                            + ArmProvider.segmentRegex()
                            + "/namespaces/([^/]+)$",
                    Pattern.CASE_INSENSITIVE);
    private static final Set<String> KEYS =
            Set.of(
                    "unreachable",
                    "reachable",
                    "failNext",
                    "latencyMs",
                    "throttle",
                    "regionUnreachable",
                    "regionReachable",
                    "metricsForbidden",
                    "roleAssignmentsForbidden");

    record FailSpec(
            String operation,
            int count,
            int status,
            String code,
            String message,
            Long retryAfterSeconds) {}

    record ThrottleSpec(Integer reads, Integer writes, Integer deletes, Double refillPerSecond) {
        ThrottleLimits applyTo(ThrottleLimits base) {
            double rr = refillPerSecond != null ? refillPerSecond : base.readsRefillPerSecond();
            double wr = refillPerSecond != null ? refillPerSecond : base.writesRefillPerSecond();
            double dr = refillPerSecond != null ? refillPerSecond : base.deletesRefillPerSecond();
            return new ThrottleLimits(
                    reads != null ? reads : base.reads(),
                    rr,
                    writes != null ? writes : base.writes(),
                    wr,
                    deletes != null ? deletes : base.deletes(),
                    dr);
        }
    }

    static FaultRequest parse(JsonNode body) {
        require(
                body != null && body.isObject() && !body.isEmpty(),
                "the body must be a JSON object with unreachable, reachable, failNext, latencyMs, throttle, regionUnreachable, regionReachable, metricsForbidden and/or roleAssignmentsForbidden");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            require(KEYS.contains(f), "unknown fault '" + f + "'; known: " + KEYS);
        }
        Map<String, String> unreachable = new LinkedHashMap<>();
        for (String id : ids(body.get("unreachable"), "unreachable")) {
            unreachable.put(Faults.keyOfId(id), id.trim());
        }
        List<String> reachable = new ArrayList<>();
        for (String id : ids(body.get("reachable"), "reachable")) {
            reachable.add(Faults.keyOfId(id));
        }
        List<FailSpec> fails = new ArrayList<>();
        JsonNode fn = body.get("failNext");
        if (fn != null) {
            for (JsonNode f : fn.isArray() ? fn : List.of(fn)) {
                fails.add(failSpec(f));
            }
        }
        Long latency = null;
        if (body.has("latencyMs")) {
            JsonNode l = body.get("latencyMs");
            require(
                    l.canConvertToLong()
                            && l.isIntegralNumber()
                            && l.longValue() >= 0
                            && l.longValue() <= 60_000,
                    "latencyMs must be an integer 0..60000");
            latency = l.longValue();
        }
        ThrottleSpec throttle = body.has("throttle") ? throttleSpec(body.get("throttle")) : null;
        Boolean metricsForbidden = null;
        if (body.has("metricsForbidden")) {
            require(
                    body.get("metricsForbidden").isBoolean(),
                    "metricsForbidden must be true or false");
            metricsForbidden = body.get("metricsForbidden").booleanValue();
        }
        Boolean roleAssignmentsForbidden = null;
        if (body.has("roleAssignmentsForbidden")) {
            require(
                    body.get("roleAssignmentsForbidden").isBoolean(),
                    "roleAssignmentsForbidden must be true or false");
            roleAssignmentsForbidden = body.get("roleAssignmentsForbidden").booleanValue();
        }
        return new FaultRequest(
                unreachable,
                reachable,
                fails,
                latency,
                throttle,
                regions(body.get("regionUnreachable"), "regionUnreachable"),
                regions(body.get("regionReachable"), "regionReachable"),
                metricsForbidden,
                roleAssignmentsForbidden);
    }

    /** Region names, short or display ("westeurope", "West Europe"), as short lower-case names. */
    private static List<String> regions(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            require(
                    n.isTextual() && !n.textValue().isBlank(),
                    field + " must be a region name or a list of them");
            out.add(Regions.shortName(n.textValue()));
        }
        return out;
    }

    private static List<String> ids(JsonNode node, String field) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (JsonNode n : node.isArray() ? node : List.of(node)) {
            require(n.isTextual(), field + " must be a namespace ARM id or a list of them");
            out.add(n.textValue());
        }
        return out;
    }

    private static FailSpec failSpec(JsonNode f) {
        require(
                f.isObject() && f.path("operation").isTextual(),
                "failNext needs {\"operation\": \"failover|put|get|...\", \"count\": N, \"status\": 500, \"code\": ..., \"message\": ...}");
        String op = f.get("operation").textValue().toLowerCase(Locale.ROOT);
        require(
                Faults.OPERATIONS.contains(op),
                "unknown operation '" + f.get("operation").textValue() + "'");
        int count = intField(f, "count", 1, 1, 1_000_000);
        int status = intField(f, "status", 500, 400, 599);
        String code = f.has("code") ? text(f, "code") : "InternalServerError";
        String message = f.has("message") ? text(f, "message") : "[simulator] Injected fault.";
        Long retry =
                f.has("retryAfterSeconds")
                        ? (long) intField(f, "retryAfterSeconds", 1, 0, 86_400)
                        : null;
        return new FailSpec(op, count, status, code, message, retry);
    }

    private static ThrottleSpec throttleSpec(JsonNode t) {
        require(
                t.isObject(),
                "throttle must be {\"reads\": N, \"writes\": N, \"deletes\": N, \"refillPerSecond\": x}");
        Integer reads = t.has("reads") ? intField(t, "reads", 0, 1, Integer.MAX_VALUE / 2) : null;
        Integer writes =
                t.has("writes") ? intField(t, "writes", 0, 1, Integer.MAX_VALUE / 2) : null;
        Integer deletes =
                t.has("deletes") ? intField(t, "deletes", 0, 1, Integer.MAX_VALUE / 2) : null;
        Double refill = null;
        if (t.has("refillPerSecond")) {
            JsonNode r = t.get("refillPerSecond");
            require(
                    r.isNumber() && r.doubleValue() >= 0 && r.doubleValue() <= 1e9,
                    "refillPerSecond must be a number >= 0");
            refill = r.doubleValue();
        }
        return new ThrottleSpec(reads, writes, deletes, refill);
    }

    private static int intField(JsonNode n, String field, int dflt, int min, int max) {
        if (!n.has(field)) {
            return dflt;
        }
        JsonNode v = n.get(field);
        require(
                v.isIntegralNumber()
                        && v.canConvertToLong()
                        && v.longValue() >= min
                        && v.longValue() <= max,
                field + " must be an integer " + min + ".." + max);
        return v.intValue();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        require(
                v.isTextual() && !v.textValue().isBlank() && v.textValue().length() <= 1000,
                field + " must be a non-empty string of at most 1000 characters");
        return v.textValue();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
