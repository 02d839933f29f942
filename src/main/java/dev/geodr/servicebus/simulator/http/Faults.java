package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.NsKeys;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Injected trouble (admin {@code /simulator/faults}): namespaces cut off by a regional outage, the
 * next N calls of an operation failing, added latency, and shrunken throttle buckets. Parsing is
 * all-or-nothing: a request with one bad field changes nothing.
 */
public final class Faults {

    /** Operation names as they appear in the call log ({@code operation}). */
    public static final Set<String> OPERATIONS =
            Set.of(
                    "put",
                    "get",
                    "list",
                    "delete",
                    "breakpairing",
                    "failover",
                    "checknameavailability",
                    "listauthorizationrules",
                    "getauthorizationrule",
                    "listkeys",
                    "getnamespace",
                    "listqueues",
                    "listtopics",
                    "createorupdatenamespace",
                    "updatenamespace",
                    "namespacefailover",
                    "getasyncoperation",
                    "getoperationresult",
                    "getmetrics",
                    "getnetworkruleset",
                    "listroleassignments",
                    "any");

    private static final class FailNext {
        final String operation;
        int remaining;
        final int status;
        final String code;
        final String message;
        final Long retryAfterSeconds;

        FailNext(
                String operation,
                int remaining,
                int status,
                String code,
                String message,
                Long retryAfterSeconds) {
            this.operation = operation;
            this.remaining = remaining;
            this.status = status;
            this.code = code;
            this.message = message;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private final ThrottleBuckets buckets;
    private final ThrottleLimits configuredLimits;
    private final Map<String, String> unreachable = new LinkedHashMap<>();

    /** Regions down (short lower-case names), for Geo-Replication's regional outages. */
    private final Set<String> unreachableRegions = new java.util.LinkedHashSet<>();

    private boolean metricsForbidden;
    private boolean roleAssignmentsForbidden;

    /**
     * Runs before any fault changes: the lag model integrates up to now under the old conditions.
     */
    private volatile Runnable beforeChange = () -> {};

    private final List<FailNext> failNext = new ArrayList<>();
    private long latencyMs;

    public Faults(ThrottleBuckets buckets, ThrottleLimits configuredLimits) {
        this.buckets = buckets;
        this.configuredLimits = configuredLimits;
    }

    public synchronized boolean isUnreachable(String nsKey) {
        return !unreachable.isEmpty() && unreachable.containsKey(nsKey);
    }

    public void beforeChange(Runnable r) {
        this.beforeChange = r;
    }

    public synchronized boolean isRegionUnreachable(String region) {
        return unreachableRegions.contains(region);
    }

    public synchronized boolean metricsForbidden() {
        return metricsForbidden;
    }

    public synchronized boolean roleAssignmentsForbidden() {
        return roleAssignmentsForbidden;
    }

    public synchronized long latencyMs() {
        return latencyMs;
    }

    /** Consumes one injected failure for {@code operation}, if any is armed. */
    public synchronized ArmError takeFailure(String operation) {
        for (Iterator<FailNext> it = failNext.iterator(); it.hasNext(); ) {
            FailNext f = it.next();
            if (f.operation.equals("any") || f.operation.equalsIgnoreCase(operation)) {
                if (--f.remaining <= 0) {
                    it.remove();
                }
                ArmError e = ArmError.rp(f.status, f.code, f.message);
                Long retry =
                        f.retryAfterSeconds != null
                                ? f.retryAfterSeconds
                                : (f.status == 429 ? Long.valueOf(1) : null);
                return retry == null ? e : e.withHeader("Retry-After", Long.toString(retry));
            }
        }
        return null;
    }

    /**
     * Applies a {@code POST /simulator/faults} body; throws {@link IllegalArgumentException} and
     * changes nothing on bad input.
     */
    public void apply(JsonNode body) {
        FaultRequest req = FaultRequest.parse(body);
        beforeChange.run();
        synchronized (this) {
            unreachableRegions.addAll(req.regionUnreachable());
            req.regionReachable().forEach(unreachableRegions::remove);
            if (req.roleAssignmentsForbidden() != null) {
                roleAssignmentsForbidden = req.roleAssignmentsForbidden();
            }
            if (req.metricsForbidden() != null) {
                metricsForbidden = req.metricsForbidden();
            }
            req.unreachable().forEach((key, id) -> unreachable.put(key, id));
            req.reachable().forEach(unreachable::remove);
            for (FaultRequest.FailSpec f : req.failNext()) {
                failNext.add(
                        new FailNext(
                                f.operation(),
                                f.count(),
                                f.status(),
                                f.code(),
                                f.message(),
                                f.retryAfterSeconds()));
            }
            if (req.latencyMs() != null) {
                latencyMs = req.latencyMs();
            }
        }
        if (req.throttle() != null) {
            buckets.reconfigure(req.throttle().applyTo(configuredLimits));
        }
    }

    /**
     * {@code DELETE /simulator/faults}: everything back to normal, buckets to the configured
     * limits.
     */
    public void clear() {
        beforeChange.run();
        synchronized (this) {
            unreachableRegions.clear();
            metricsForbidden = false;
            roleAssignmentsForbidden = false;
            unreachable.clear();
            failNext.clear();
            latencyMs = 0;
        }
        buckets.reconfigure(configuredLimits);
    }

    public synchronized ObjectNode toJson() {
        ObjectNode body = Json.object();
        ArrayNode ids = body.putArray("unreachable");
        unreachable.values().forEach(ids::add);
        ArrayNode fails = body.putArray("failNext");
        for (FailNext f : failNext) {
            ObjectNode n = fails.addObject();
            n.put("operation", f.operation);
            n.put("remaining", f.remaining);
            n.put("status", f.status);
            n.put("code", f.code);
            n.put("message", f.message);
            if (f.retryAfterSeconds != null) {
                n.put("retryAfterSeconds", f.retryAfterSeconds);
            }
        }
        ArrayNode regions = body.putArray("unreachableRegions");
        unreachableRegions.forEach(regions::add);
        body.put("metricsForbidden", metricsForbidden);
        body.put("roleAssignmentsForbidden", roleAssignmentsForbidden);
        body.put("latencyMs", latencyMs);
        ThrottleLimits l = buckets.limits();
        ObjectNode t = body.putObject("throttle");
        t.put("reads", l.reads());
        t.put("readsRefillPerSecond", l.readsRefillPerSecond());
        t.put("writes", l.writes());
        t.put("writesRefillPerSecond", l.writesRefillPerSecond());
        t.put("deletes", l.deletes());
        t.put("deletesRefillPerSecond", l.deletesRefillPerSecond());
        return body;
    }

    static String keyOfId(String id) {
        Matcher m = FaultRequest.NAMESPACE_ID.matcher(id.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + id
                            + "' is not a namespace ARM id "
                            + "(/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ServiceBus|Microsoft.EventHub/namespaces/{name})");
        }
        return NsKeys.of(m.group(1), m.group(2), m.group(4));
    }
}
