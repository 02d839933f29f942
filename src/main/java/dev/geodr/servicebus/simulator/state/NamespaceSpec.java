package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A namespace as the admin API and seed files describe it. Null fields are "not given": a new
 * namespace takes the defaults ({@code westeurope}, Premium, 1 partition, 0 entities, 0 private
 * endpoints, no large-message queue), an existing one keeps its current value.
 *
 * @param security the unreplicated settings given ({@link SecuritySpec#NONE} when none): network
 *     access, local auth, TLS, identity, encryption, role assignments
 * @param largeMessageQueues how many of the queues (from queue-1 on) accept messages above 1 MB
 *     ({@code maxMessageSizeInKilobytes} 102400; the others 1024): Geo-Replication does not support
 *     large messages
 * @param provider {@code "provider"}: the resource provider, null when not given (a new namespace
 *     is then Service Bus; an existing one keeps its provider, and another one is refused)
 */
public record NamespaceSpec(
        String subscriptionId,
        String resourceGroup,
        String name,
        String location,
        String sku,
        Integer partitions,
        Long entities,
        Integer privateEndpoints,
        List<RuleSpec> authorizationRules,
        Long largeMessageQueues,
        SecuritySpec security,
        ArmProvider provider) {

    /** An extra SAS rule besides {@code RootManageSharedAccessKey}; keys are generated. */
    public record RuleSpec(String name, List<String> rights) {}

    static final Pattern NAMESPACE_NAME =
            Pattern.compile("^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$");
    private static final Pattern SEGMENT = Pattern.compile("^[A-Za-z0-9._()-]{1,90}$");
    private static final Pattern RULE_NAME = Pattern.compile("^[A-Za-z0-9._-]{1,50}$");
    private static final Set<String> RIGHTS = Set.of("Listen", "Manage", "Send");
    public static final long MAX_ENTITIES = 100_000;

    public NamespaceSpec {
        require(
                subscriptionId != null && SEGMENT.matcher(subscriptionId).matches(),
                "subscriptionId must be 1-90 characters of letters, digits, '.', '_', '-', '(' or ')'");
        require(
                resourceGroup != null && SEGMENT.matcher(resourceGroup).matches(),
                "resourceGroup must be 1-90 characters of letters, digits, '.', '_', '-', '(' or ')'");
        require(
                name != null && NAMESPACE_NAME.matcher(name).matches(),
                "name must be 6-50 characters: letters, digits and hyphens, starting with a letter and ending with a letter or digit");
        require(
                location == null || (!location.isBlank() && location.length() <= 64),
                "location must be 1-64 characters");
        require(
                partitions == null || (partitions >= 1 && partitions <= 4),
                "partitions must be 1..4");
        require(
                entities == null || (entities >= 0 && entities <= MAX_ENTITIES),
                "entities must be 0.." + MAX_ENTITIES);
        require(
                privateEndpoints == null || (privateEndpoints >= 0 && privateEndpoints <= 100),
                "privateEndpoints must be 0..100");
        require(
                largeMessageQueues == null
                        || (largeMessageQueues >= 0 && largeMessageQueues <= MAX_ENTITIES),
                "largeMessageQueues must be 0.." + MAX_ENTITIES);
        if (sku != null) {
            sku =
                    switch (sku.toLowerCase(Locale.ROOT)) {
                        case "basic" -> "Basic";
                        case "standard" -> "Standard";
                        case "premium" -> "Premium";
                        case "dedicated" -> "Dedicated";
                        default ->
                                throw new IllegalArgumentException(
                                        "sku must be Basic, Standard, Premium or Dedicated");
                    };
        }
        authorizationRules = authorizationRules == null ? null : List.copyOf(authorizationRules);
        security = security == null ? SecuritySpec.NONE : security;
    }

    /** Without settings or provider (what the callers before {@link SecuritySpec} pass). */
    public NamespaceSpec(
            String subscriptionId,
            String resourceGroup,
            String name,
            String location,
            String sku,
            Integer partitions,
            Long entities,
            Integer privateEndpoints,
            List<RuleSpec> authorizationRules,
            Long largeMessageQueues) {
        this(
                subscriptionId,
                resourceGroup,
                name,
                location,
                sku,
                partitions,
                entities,
                privateEndpoints,
                authorizationRules,
                largeMessageQueues,
                SecuritySpec.NONE,
                null);
    }

    /** The same namespace with these settings given. */
    public NamespaceSpec withSecurity(SecuritySpec given) {
        return new NamespaceSpec(
                subscriptionId,
                resourceGroup,
                name,
                location,
                sku,
                partitions,
                entities,
                privateEndpoints,
                authorizationRules,
                largeMessageQueues,
                given,
                provider);
    }

    /** Without large-message queues (what most tests and seeds need). */
    public NamespaceSpec(
            String subscriptionId,
            String resourceGroup,
            String name,
            String location,
            String sku,
            Integer partitions,
            Long entities,
            Integer privateEndpoints,
            List<RuleSpec> authorizationRules) {
        this(
                subscriptionId,
                resourceGroup,
                name,
                location,
                sku,
                partitions,
                entities,
                privateEndpoints,
                authorizationRules,
                null);
    }

    /** Reads the admin JSON body; the names come from the URL (or from the seed entry itself). */
    public static NamespaceSpec fromJson(
            JsonNode body, String subscriptionId, String resourceGroup, String name) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        JsonNode b = body == null ? MissingNode.getInstance() : body;
        return new NamespaceSpec(
                subscriptionId,
                resourceGroup,
                name,
                str(b, "location"),
                str(b, "sku"),
                integer(b, "partitions"),
                longValue(b, "entities"),
                integer(b, "privateEndpoints"),
                rules(b),
                longValue(b, "largeMessageQueues"),
                SecuritySpec.fromJson(b),
                provider(str(b, "provider")));
    }

    private static List<RuleSpec> rules(JsonNode b) {
        JsonNode v = b.get("authorizationRules");
        if (v == null || v.isNull()) {
            return null;
        }
        require(
                v.isArray(),
                "authorizationRules must be a list of {\"name\": ..., \"rights\": [...]}");
        List<RuleSpec> out = new ArrayList<>();
        for (JsonNode r : v) {
            require(
                    r.isObject()
                            && r.path("name").isTextual()
                            && RULE_NAME.matcher(r.path("name").textValue()).matches(),
                    "each authorization rule needs a name of 1-50 letters, digits, '.', '_' or '-'");
            JsonNode rights = r.path("rights");
            require(
                    rights.isArray() && !rights.isEmpty(),
                    "each authorization rule needs rights, e.g. [\"Listen\",\"Send\"]");
            Set<String> rs = new LinkedHashSet<>();
            for (JsonNode right : rights) {
                String txt = right.isTextual() ? capitalise(right.textValue()) : "";
                require(RIGHTS.contains(txt), "rights must be Listen, Manage or Send");
                rs.add(txt);
            }
            out.add(new RuleSpec(r.get("name").textValue(), new ArrayList<>(rs)));
        }
        return out;
    }

    private static ArmProvider provider(String segment) {
        if (segment == null) {
            return null;
        }
        ArmProvider p = ArmProvider.bySegment(segment);
        require(p != null, "provider must be Microsoft.ServiceBus or Microsoft.EventHub");
        return p;
    }

    private static String capitalise(String s) {
        return s.isEmpty()
                ? s
                : s.substring(0, 1).toUpperCase(Locale.ROOT)
                        + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String str(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        require(v.isTextual(), field + " must be a string");
        return v.textValue();
    }

    private static Integer integer(JsonNode b, String field) {
        Long v = longValue(b, field);
        require(
                v == null || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE),
                field + " is out of range");
        return v == null ? null : v.intValue();
    }

    private static Long longValue(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        require(v.isIntegralNumber() && v.canConvertToLong(), field + " must be an integer");
        return v.longValue();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
