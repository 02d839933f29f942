package dev.geodr.servicebus.simulator.http;

import dev.geodr.servicebus.simulator.state.ArmProvider;
import dev.geodr.servicebus.simulator.state.NsPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ARM request path, matched segment by segment with case-insensitive literals (§9.6): {@code
 * /subscriptions/{sub}/resourceGroups/{rg}/providers/{Microsoft.ServiceBus|Microsoft.EventHub}/namespaces/{ns}[/...]}
 * (the provider segment case-insensitively too, see {@link ArmProvider}).
 *
 * @param subscriptionId the subscription when the path starts with {@code /subscriptions/{id}} (for
 *     throttling)
 * @param ruleSegment the {@code authorizationRules} segment as the caller cased it; ids echo it
 *     (§2.3)
 */
public record ArmRoute(
        Kind kind,
        String subscriptionId,
        NsPath namespace,
        String alias,
        String ruleSegment,
        String rule,
        String operationId) {

    /** What the path names; {@link #operation} gives the call-log / fault name for a method. */
    public enum Kind {
        NAMESPACE(List.of("GET", "PUT", "PATCH")),
        QUEUES(List.of("GET")),
        TOPICS(List.of("GET")),
        DR_LIST(List.of("GET")),
        CHECK_NAME(List.of("POST")),
        DR(List.of("GET", "PUT", "DELETE")),
        BREAK(List.of("POST")),
        FAILOVER(List.of("POST")),
        RULES(List.of("GET")),
        RULE(List.of("GET")),
        LIST_KEYS(List.of("POST")),
        /** Geo-Replication promotion, {@code POST {namespace}/failover}. */
        NAMESPACE_FAILOVER(List.of("POST")),
        /** {@code GET {namespace}/networkRuleSets/default}. */
        NETWORK_RULE_SET(List.of("GET")),
        /** {@code GET {namespace}/providers/Microsoft.Authorization/roleAssignments}. */
        ROLE_ASSIGNMENTS(List.of("GET")),
        /** Azure Monitor, {@code GET {namespace}/providers/Microsoft.Insights/metrics}. */
        METRICS(List.of("GET")),
        /** The Azure-AsyncOperation URL of a long-running operation. */
        OPERATION_STATUS(List.of("GET")),
        /** The Location URL of a long-running operation. */
        OPERATION_RESULT(List.of("GET")),
        /** Under an existing namespace path, but not a resource type the simulator serves. */
        UNKNOWN_TYPE(List.of()),
        /** Not an ARM Service Bus namespace path at all. */
        UNKNOWN(List.of());

        private final List<String> methods;

        Kind(List<String> methods) {
            this.methods = methods;
        }

        public List<String> methods() {
            return methods;
        }
    }

    /** Thrown for a path that cannot be decoded (bad percent escapes). */
    public static final class BadPathException extends Exception {
        BadPathException(String message) {
            super(message);
        }
    }

    public String operation(String method) {
        return switch (kind) {
            case NAMESPACE ->
                    switch (method) {
                        case "PUT" -> "createOrUpdateNamespace";
                        case "PATCH" -> "updateNamespace";
                        default -> "getNamespace";
                    };
            case NAMESPACE_FAILOVER -> "namespaceFailover";
            case METRICS -> "getMetrics";
            case NETWORK_RULE_SET -> "getNetworkRuleSet";
            case ROLE_ASSIGNMENTS -> "listRoleAssignments";
            case OPERATION_STATUS -> "getAsyncOperation";
            case OPERATION_RESULT -> "getOperationResult";
            case QUEUES -> "listQueues";
            case TOPICS -> "listTopics";
            case DR_LIST -> "list";
            case CHECK_NAME -> "checkNameAvailability";
            case DR ->
                    switch (method) {
                        case "PUT" -> "put";
                        case "DELETE" -> "delete";
                        default -> "get";
                    };
            case BREAK -> "breakPairing";
            case FAILOVER -> "failover";
            case RULES -> "listAuthorizationRules";
            case RULE -> "getAuthorizationRule";
            case LIST_KEYS -> "listKeys";
            default -> "unknown";
        };
    }

    /**
     * A path template: literal segments match case-insensitively (ARM treats {@code resourceGroups}
     * and {@code resourcegroups} alike), {@code {name}} captures one non-empty segment.
     */
    record Template(List<String> segments) {
        static Template of(String template) {
            return new Template(template.isEmpty() ? List.of() : List.of(template.split("/")));
        }

        /**
         * The captures (and each literal as the caller cased it, under the literal's own name) when
         * {@code seg} starts with this template and has exactly {@code extra} more segments after
         * it ({@code -1}: any number); null otherwise.
         */
        Map<String, String> match(List<String> seg, int extra) {
            int n = segments.size();
            if (extra < 0 ? seg.size() < n : seg.size() != n + extra) {
                return null;
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String t = segments.get(i);
                String actual = seg.get(i);
                if (t.startsWith("{") && t.endsWith("}")) {
                    if (actual.isEmpty()) {
                        return null;
                    }
                    params.put(t.substring(1, t.length() - 1), actual);
                } else if (actual.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                    params.put(t, actual);
                } else {
                    return null;
                }
            }
            return params;
        }
    }

    /** One row of a resource provider's table: a template under the namespace, and what it is. */
    private record Row(Template template, Kind kind) {
        Row(String template, Kind kind) {
            this(Template.of(template), kind);
        }
    }

    /** Where a Service Bus namespace lives; every row below is relative to it. */
    private static final Template SERVICE_BUS_NAMESPACE =
            Template.of(
                    "subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}"
                            + "/providers/{provider}/namespaces/{namespace}");

    private static final String DR = "disasterRecoveryConfigs";

    /**
     * Where the long-running operations of Microsoft.ServiceBus live: {@code
     * subscriptions/{sub}/providers/Microsoft.ServiceBus/locations/{location}/...}.
     */
    private static final Template SERVICE_BUS_LOCATION =
            Template.of("subscriptions/{subscriptionId}/providers/{provider}/locations/{location}");

    private static final List<Row> LOCATION_ROWS =
            List.of(
                    new Row("operationStatuses/{operationId}", Kind.OPERATION_STATUS),
                    new Row("operationResults/{operationId}", Kind.OPERATION_RESULT));

    /**
     * The Service Bus routes, first match wins; a namespace path that matches no row is {@link
     * Kind#UNKNOWN_TYPE}. Which methods each kind allows is on {@link Kind}.
     */
    private static final List<Row> SERVICE_BUS =
            List.of(
                    new Row("", Kind.NAMESPACE),
                    new Row("failover", Kind.NAMESPACE_FAILOVER),
                    new Row("providers/Microsoft.Insights/metrics", Kind.METRICS),
                    new Row(
                            "providers/Microsoft.Authorization/roleAssignments",
                            Kind.ROLE_ASSIGNMENTS),
                    new Row("networkRuleSets/default", Kind.NETWORK_RULE_SET),
                    new Row("queues", Kind.QUEUES),
                    new Row("topics", Kind.TOPICS),
                    new Row(DR, Kind.DR_LIST),
                    // the literal CheckNameAvailability path wins over an alias of that name
                    // (§2.3);
                    // literals match case-insensitively, so Event Hubs' checkNameAvailability
                    // spelling routes here as well (ArmProvider#checkNameSpelling)
                    new Row(DR + "/CheckNameAvailability", Kind.CHECK_NAME),
                    new Row(DR + "/{alias}", Kind.DR),
                    new Row(DR + "/{alias}/breakPairing", Kind.BREAK),
                    new Row(DR + "/{alias}/failover", Kind.FAILOVER),
                    new Row(DR + "/{alias}/authorizationRules", Kind.RULES),
                    new Row(DR + "/{alias}/authorizationRules/{rule}", Kind.RULE),
                    new Row(DR + "/{alias}/authorizationRules/{rule}/listKeys", Kind.LIST_KEYS));

    public static ArmRoute parse(String rawPath) throws BadPathException {
        List<String> seg = segments(rawPath);
        String sub =
                seg.size() >= 2 && seg.get(0).equalsIgnoreCase("subscriptions") ? seg.get(1) : null;
        Map<String, String> prefix =
                seg.stream().anyMatch(String::isEmpty)
                        ? null
                        : SERVICE_BUS_NAMESPACE.match(seg, -1);
        ArmProvider provider =
                prefix == null ? null : ArmProvider.bySegment(prefix.get("provider"));
        if (provider == null) {
            return location(seg, sub);
        }
        NsPath ns =
                new NsPath(
                        prefix.get("subscriptionId"),
                        prefix.get("resourceGroup"),
                        prefix.get("namespace"),
                        provider);
        List<String> rest = seg.subList(SERVICE_BUS_NAMESPACE.segments().size(), seg.size());
        for (Row row : SERVICE_BUS) {
            Map<String, String> p = row.template().match(rest, 0);
            if (p != null) {
                return new ArmRoute(
                        row.kind(),
                        sub,
                        ns,
                        p.get("alias"),
                        p.get("authorizationRules"),
                        p.get("rule"),
                        null);
            }
        }
        return new ArmRoute(Kind.UNKNOWN_TYPE, sub, ns, null, null, null, null);
    }

    /** The operation URLs under a location; anything else outside a namespace is UNKNOWN. */
    private static ArmRoute location(List<String> seg, String sub) {
        Map<String, String> prefix =
                seg.stream().anyMatch(String::isEmpty) ? null : SERVICE_BUS_LOCATION.match(seg, -1);
        if (prefix != null && ArmProvider.bySegment(prefix.get("provider")) != null) {
            List<String> rest = seg.subList(SERVICE_BUS_LOCATION.segments().size(), seg.size());
            for (Row row : LOCATION_ROWS) {
                Map<String, String> p = row.template().match(rest, 0);
                if (p != null) {
                    return new ArmRoute(
                            row.kind(), sub, null, null, null, null, p.get("operationId"));
                }
            }
        }
        return new ArmRoute(Kind.UNKNOWN, sub, null, null, null, null, null);
    }

    /**
     * Splits and percent-decodes; one trailing slash is tolerated, empty inner segments are kept
     * (and fail).
     */
    static List<String> segments(String rawPath) throws BadPathException {
        String p = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        List<String> out = new ArrayList<>();
        if (p.isEmpty()) {
            return out;
        }
        for (String s : p.split("/", -1)) {
            try {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadPathException(
                        "the path segment '" + s + "' is not valid percent-encoding");
            }
        }
        return out;
    }
}
