package dev.geodr.servicebus.simulator.http;

import dev.geodr.servicebus.simulator.state.NsPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ARM request path, matched segment by segment with case-insensitive literals (§9.6): {@code
 * /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ServiceBus/namespaces/{ns}[/...]}.
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
        String rule) {

    /** What the path names; {@link #operation} gives the call-log / fault name for a method. */
    public enum Kind {
        NAMESPACE(Set.of("GET")),
        QUEUES(Set.of("GET")),
        TOPICS(Set.of("GET")),
        DR_LIST(Set.of("GET")),
        CHECK_NAME(Set.of("POST")),
        DR(Set.of("GET", "PUT", "DELETE")),
        BREAK(Set.of("POST")),
        FAILOVER(Set.of("POST")),
        RULES(Set.of("GET")),
        RULE(Set.of("GET")),
        LIST_KEYS(Set.of("POST")),
        /** Under an existing namespace path, but not a resource type the simulator serves. */
        UNKNOWN_TYPE(Set.of()),
        /** Not an ARM Service Bus namespace path at all. */
        UNKNOWN(Set.of());

        private final Set<String> methods;

        Kind(Set<String> methods) {
            this.methods = methods;
        }

        public Set<String> methods() {
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
            case NAMESPACE -> "getNamespace";
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

    public static ArmRoute parse(String rawPath) throws BadPathException {
        List<String> seg = segments(rawPath);
        String sub =
                seg.size() >= 2 && seg.get(0).equalsIgnoreCase("subscriptions") ? seg.get(1) : null;
        boolean namespacePath =
                seg.size() >= 8
                        && sub != null
                        && seg.get(2).equalsIgnoreCase("resourceGroups")
                        && seg.get(4).equalsIgnoreCase("providers")
                        && seg.get(5).equalsIgnoreCase("Microsoft.ServiceBus")
                        && seg.get(6).equalsIgnoreCase("namespaces")
                        && seg.stream().noneMatch(String::isEmpty);
        if (!namespacePath) {
            return new ArmRoute(Kind.UNKNOWN, sub, null, null, null, null);
        }
        NsPath ns = new NsPath(seg.get(1), seg.get(3), seg.get(7));
        List<String> rest = seg.subList(8, seg.size());
        return child(sub, ns, rest);
    }

    private static ArmRoute child(String sub, NsPath ns, List<String> rest) {
        int n = rest.size();
        if (n == 0) {
            return new ArmRoute(Kind.NAMESPACE, sub, ns, null, null, null);
        }
        String first = rest.get(0);
        if (n == 1 && first.equalsIgnoreCase("queues")) {
            return new ArmRoute(Kind.QUEUES, sub, ns, null, null, null);
        }
        if (n == 1 && first.equalsIgnoreCase("topics")) {
            return new ArmRoute(Kind.TOPICS, sub, ns, null, null, null);
        }
        if (!first.equalsIgnoreCase("disasterRecoveryConfigs")) {
            return new ArmRoute(Kind.UNKNOWN_TYPE, sub, ns, null, null, null);
        }
        if (n == 1) {
            return new ArmRoute(Kind.DR_LIST, sub, ns, null, null, null);
        }
        String alias = rest.get(1);
        // The literal CheckNameAvailability path wins over an alias of that name (§2.3).
        if (n == 2 && alias.equalsIgnoreCase("CheckNameAvailability")) {
            return new ArmRoute(Kind.CHECK_NAME, sub, ns, null, null, null);
        }
        if (n == 2) {
            return new ArmRoute(Kind.DR, sub, ns, alias, null, null);
        }
        String third = rest.get(2);
        if (n == 3 && third.equalsIgnoreCase("breakPairing")) {
            return new ArmRoute(Kind.BREAK, sub, ns, alias, null, null);
        }
        if (n == 3 && third.equalsIgnoreCase("failover")) {
            return new ArmRoute(Kind.FAILOVER, sub, ns, alias, null, null);
        }
        if (third.equalsIgnoreCase("authorizationRules")) {
            if (n == 3) {
                return new ArmRoute(Kind.RULES, sub, ns, alias, third, null);
            }
            if (n == 4) {
                return new ArmRoute(Kind.RULE, sub, ns, alias, third, rest.get(3));
            }
            if (n == 5 && rest.get(4).equalsIgnoreCase("listKeys")) {
                return new ArmRoute(Kind.LIST_KEYS, sub, ns, alias, third, rest.get(3));
            }
        }
        return new ArmRoute(Kind.UNKNOWN_TYPE, sub, ns, null, null, null);
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
