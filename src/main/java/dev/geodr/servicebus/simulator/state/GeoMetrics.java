package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure Monitor's {@code GET {namespaceId}/providers/Microsoft.Insights/metrics} for the two
 * Geo-Replication metrics, {@code ReplicationLagDuration} (seconds) and {@code ReplicationLagCount}
 * (messages), from the backlog curve of {@link GeoReplica}. The query parameters are the ones
 * azure-monitor-query's MetricsImpl sends: timespan, interval, metricnames, aggregation, top,
 * orderby, $filter, resultType, metricnamespace, api-version.
 */
public final class GeoMetrics {

    /** The dimension, as Geo-Replication's metrics are split: per entity. */
    static final String ENTITY = "EntityName";

    private static final Pattern ENTITY_FILTER =
            Pattern.compile("^\\s*EntityName\\s+eq\\s+'([^']*)'\\s*$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_POINTS = 1440;
    private static final int MAX_ENTITIES = 3;

    private final SimulatorState s;

    public GeoMetrics(SimulatorState s) {
        this.s = s;
    }

    private record Metric(String name, String localized, String unit) {}

    private static Metric metric(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "replicationlagduration" ->
                    new Metric("ReplicationLagDuration", "Replication Lag Duration", "Seconds");
            case "replicationlagcount" ->
                    new Metric("ReplicationLagCount", "Replication Lag Count", "Count");
            default -> null;
        };
    }

    public ArmResult get(NsPath a, UnaryOperator<String> query) {
        String names = query.apply("metricnames");
        if (names == null || names.isBlank()) {
            return bad("metricnames is required (ReplicationLagDuration, ReplicationLagCount).");
        }
        List<Metric> metrics = new ArrayList<>();
        for (String n : names.split(",")) {
            // Event Hubs reports Geo-Replication lag in diagnostic logs only: Azure Monitor
            // answers its metric names as it answers any metric the resource type lacks
            Metric m = a.provider().lagMetrics() ? metric(n) : null;
            if (m == null) {
                return bad(
                        "Failed to find metric configuration for provider: "
                                + a.provider().segment()
                                + ", resource Type: namespaces, metric: "
                                + n.trim()
                                + (a.provider().lagMetrics()
                                        ? ". The simulator serves ReplicationLagDuration and ReplicationLagCount."
                                        : ". "
                                                + a.provider().segment()
                                                + " has no Geo-Replication lag metric (only diagnostic logs)."));
            }
            metrics.add(m);
        }
        List<String> aggregations = new ArrayList<>();
        String agg = query.apply("aggregation");
        for (String x : (agg == null || agg.isBlank() ? "Maximum" : agg).split(",")) {
            String l = x.trim().toLowerCase(Locale.ROOT);
            if (!List.of("maximum", "minimum", "average").contains(l)) {
                return bad("aggregation must be Maximum, Minimum and/or Average; got '" + x + "'.");
            }
            aggregations.add(l);
        }
        String filter = query.apply("$filter");
        String entityValue = null;
        if (filter != null && !filter.isBlank()) {
            Matcher m = ENTITY_FILTER.matcher(filter);
            if (!m.matches()) {
                return bad("$filter supports only EntityName eq '<name>' or EntityName eq '*'.");
            }
            entityValue = m.group(1);
        }
        String interval = query.apply("interval");
        String timespan = query.apply("timespan");
        String fEntity = entityValue;
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(
                                ArmError.gateway(
                                        404,
                                        "ResourceNotFound",
                                        ErrorTemplates.SIM
                                                + "The Resource '"
                                                + a.name()
                                                + "' under resource group '"
                                                + a.resourceGroup()
                                                + "' was not found."));
                    }
                    long now = s.now();
                    Duration step;
                    long from;
                    long to;
                    try {
                        step = interval == null ? Duration.ofMinutes(1) : Duration.parse(interval);
                        long[] span = span(timespan, now);
                        from = span[0];
                        to = Math.min(span[1], now);
                    } catch (DateTimeParseException | IllegalArgumentException e) {
                        return bad(
                                "timespan must be 'start/end' (ISO 8601) or a duration, interval a duration.");
                    }
                    if (step.isZero() || step.isNegative() || to < from) {
                        return bad(
                                "interval must be positive and the timespan must not end before it starts.");
                    }
                    if ((to - from) / step.toMillis() > MAX_POINTS) {
                        return bad("the query asks for more than " + MAX_POINTS + " data points.");
                    }
                    return ArmResult.ok(
                            body(ns, metrics, aggregations, fEntity, from, to, step, timespan));
                });
    }

    /**
     * {@code start/end}, {@code start/duration} or a duration ending now; default the last hour.
     */
    private static long[] span(String timespan, long now) {
        if (timespan == null || timespan.isBlank()) {
            return new long[] {now - Duration.ofHours(1).toMillis(), now};
        }
        String[] parts = timespan.split("/");
        if (parts.length == 1) {
            return new long[] {now - Duration.parse(parts[0]).toMillis(), now};
        }
        if (parts.length != 2) {
            throw new IllegalArgumentException(timespan);
        }
        long start = Instant.parse(parts[0]).toEpochMilli();
        long end =
                parts[1].startsWith("P")
                        ? start + Duration.parse(parts[1]).toMillis()
                        : Instant.parse(parts[1]).toEpochMilli();
        return new long[] {start, end};
    }

    private ObjectNode body(
            SimNamespace ns,
            List<Metric> metrics,
            List<String> aggregations,
            String entityValue,
            long from,
            long to,
            Duration step,
            String timespan) {
        ObjectNode b = Json.object();
        b.put("cost", 0);
        b.put("timespan", Instant.ofEpochMilli(from) + "/" + Instant.ofEpochMilli(to));
        b.put("interval", step.toString());
        ArrayNode value = b.putArray("value");
        for (Metric m : metrics) {
            ObjectNode v = value.addObject();
            v.put("id", ns.id() + "/providers/Microsoft.Insights/metrics/" + m.name());
            v.put("type", "Microsoft.Insights/metrics");
            ObjectNode name = v.putObject("name");
            name.put("value", m.name());
            name.put("localizedValue", m.localized());
            v.put("displayDescription", ErrorTemplates.SIM + "Simulated Geo-Replication metric.");
            v.put("unit", m.unit());
            ArrayNode series = v.putArray("timeseries");
            List<String> entities = entities(ns);
            if (entityValue == null) {
                series.add(series(ns, m, aggregations, null, 1.0, from, to, step));
            } else {
                for (int i = 0; i < entities.size(); i++) {
                    String e = entities.get(i);
                    if (entityValue.equals("*") || entityValue.equalsIgnoreCase(e)) {
                        // entity i lags (k - i)/k of the namespace: the first is the laggiest
                        double share = (double) (entities.size() - i) / entities.size();
                        series.add(series(ns, m, aggregations, e, share, from, to, step));
                    }
                }
            }
            v.put("errorCode", "Success");
        }
        b.put("namespace", ns.provider().monitorNamespace());
        b.put("resourceregion", ns.geo != null ? ns.geo.primary : GeoRequests.region(ns.location));
        return b;
    }

    /** queue-1..queue-k with k = the namespace's entities, at least 1 and at most 3. */
    static List<String> entities(SimNamespace ns) {
        int k = (int) Math.max(1, Math.min(MAX_ENTITIES, ns.entities));
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            out.add("queue-" + i);
        }
        return out;
    }

    private static ObjectNode series(
            SimNamespace ns,
            Metric m,
            List<String> aggregations,
            String entity,
            double share,
            long from,
            long to,
            Duration step) {
        ObjectNode ts = Json.object();
        ArrayNode meta = ts.putArray("metadatavalues");
        if (entity != null) {
            ObjectNode md = meta.addObject();
            ObjectNode n = md.putObject("name");
            n.put("value", ENTITY.toLowerCase(Locale.ROOT));
            n.put("localizedValue", ENTITY.toLowerCase(Locale.ROOT));
            md.put("value", entity);
        }
        ArrayNode data = ts.putArray("data");
        long stepMs = step.toMillis();
        for (long t = from; t < to || (t == from && t == to); t += stepMs) {
            long end = Math.min(t + stepMs, to);
            ObjectNode p = data.addObject();
            p.put("timeStamp", Instant.ofEpochMilli(t).toString());
            for (String a : aggregations) {
                double backlog =
                        switch (a) {
                            case "maximum" -> max(ns, t, end);
                            case "minimum" -> Math.min(at(ns, t), at(ns, end));
                            default -> (at(ns, t) + at(ns, end)) / 2;
                        };
                double v = m.unit().equals("Seconds") ? lag(ns, backlog) : backlog;
                p.put(a, Math.round(v * share));
            }
            if (t == to) {
                break;
            }
        }
        return ts;
    }

    private static double at(SimNamespace ns, long t) {
        return ns.geo == null ? 0 : ns.geo.backlogAt(t);
    }

    private static double max(SimNamespace ns, long from, long to) {
        return ns.geo == null ? 0 : ns.geo.maxBacklog(from, to);
    }

    private static double lag(SimNamespace ns, double backlog) {
        return ns.geo == null ? 0 : ns.geo.lagSeconds(backlog);
    }

    private static ArmResult bad(String detail) {
        return ArmResult.error(ErrorTemplates.metricsBadRequest(detail));
    }
}
