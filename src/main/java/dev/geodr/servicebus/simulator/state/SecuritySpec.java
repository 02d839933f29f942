package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A namespace's own settings that Geo-DR does <em>not</em> replicate (network access, local auth,
 * TLS, identity, encryption, role assignments), with ARM's property names. Null means "not given":
 * {@link #overriddenBy} keeps the current value, so an admin PUT is a partial update here too. A
 * namespace starts from {@link #DEFAULTS}.
 *
 * @param publicNetworkAccess Enabled, Disabled or SecuredByPerimeter; null in a namespace's state
 *     means "derived": Disabled when it has private endpoints, else Enabled (as before)
 * @param encryptionKeySource Microsoft.KeyVault, or "None" for no customer-managed key
 * @param roleAssignments replaced as a whole when given
 */
public record SecuritySpec(
        String publicNetworkAccess,
        Boolean disableLocalAuth,
        String minimumTlsVersion,
        NetworkRules networkRuleSet,
        String identityType,
        String encryptionKeySource,
        List<RoleSpec> roleAssignments) {

    /**
     * {@code networkRuleSets/default}; null fields keep the current value.
     *
     * @param ipRules ip masks (the action is always Allow, as ARM has no other)
     * @param virtualNetworkRules subnet ids
     */
    public record NetworkRules(
            String defaultAction,
            List<String> ipRules,
            List<String> virtualNetworkRules,
            Boolean trustedServiceAccessEnabled) {

        static final NetworkRules DEFAULTS = new NetworkRules("Allow", List.of(), List.of(), false);

        public NetworkRules {
            ipRules = ipRules == null ? null : List.copyOf(ipRules);
            virtualNetworkRules =
                    virtualNetworkRules == null ? null : List.copyOf(virtualNetworkRules);
        }

        NetworkRules overriddenBy(NetworkRules given) {
            if (given == null) {
                return this;
            }
            return new NetworkRules(
                    or(given.defaultAction, defaultAction),
                    or(given.ipRules, ipRules),
                    or(given.virtualNetworkRules, virtualNetworkRules),
                    or(given.trustedServiceAccessEnabled, trustedServiceAccessEnabled));
        }
    }

    /**
     * One role assignment as the admin API takes it.
     *
     * @param scope a full ARM id, or relative to the namespace ({@code ""} = the namespace itself,
     *     {@code queues/orders}, {@code topics/t1})
     */
    public record RoleSpec(String principalId, String roleDefinitionName, String scope) {}

    /** A new namespace: public access derived, SAS allowed, TLS 1.2, open network, no identity. */
    public static final SecuritySpec DEFAULTS =
            new SecuritySpec(null, false, "1.2", NetworkRules.DEFAULTS, "None", "None", List.of());

    /** Nothing given. */
    public static final SecuritySpec NONE =
            new SecuritySpec(null, null, null, null, null, null, null);

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    private static final Pattern RELATIVE_SCOPE =
            Pattern.compile("^[A-Za-z0-9._()~-]+(/[A-Za-z0-9._()~-]+)*$");
    private static final Pattern IP_MASK =
            Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?$");

    public SecuritySpec {
        roleAssignments = roleAssignments == null ? null : List.copyOf(roleAssignments);
    }

    SecuritySpec overriddenBy(SecuritySpec given) {
        if (given == null) {
            return this;
        }
        return new SecuritySpec(
                or(given.publicNetworkAccess, publicNetworkAccess),
                or(given.disableLocalAuth, disableLocalAuth),
                or(given.minimumTlsVersion, minimumTlsVersion),
                networkRuleSet.overriddenBy(given.networkRuleSet),
                or(given.identityType, identityType),
                or(given.encryptionKeySource, encryptionKeySource),
                or(given.roleAssignments, roleAssignments));
    }

    /**
     * The namespace properties this spec sets (ARM names), so an older ARM PUT stops shadowing
     * them.
     */
    List<String> propertiesGiven() {
        List<String> out = new ArrayList<>();
        if (publicNetworkAccess != null) {
            out.add("publicNetworkAccess");
        }
        if (disableLocalAuth != null) {
            out.add("disableLocalAuth");
        }
        if (minimumTlsVersion != null) {
            out.add("minimumTlsVersion");
        }
        if (encryptionKeySource != null) {
            out.add("encryption");
        }
        return out;
    }

    /**
     * The modelled scalar settings an ARM PUT/PATCH wrote into {@code properties}, removed from
     * {@code properties}; a value the simulator does not model (e.g. a future TLS version) is left
     * there and echoed as written.
     */
    static SecuritySpec takeArmProperties(ObjectNode properties) {
        String access =
                takeValid(
                        properties,
                        "publicNetworkAccess",
                        List.of("Enabled", "Disabled", "SecuredByPerimeter"));
        String tls = takeValid(properties, "minimumTlsVersion", List.of("1.0", "1.1", "1.2"));
        Boolean localAuth = null;
        JsonNode v = properties.get("disableLocalAuth");
        if (v != null && v.isBoolean()) {
            localAuth = v.booleanValue();
            properties.remove("disableLocalAuth");
        }
        return new SecuritySpec(access, localAuth, tls, null, null, null, null);
    }

    private static String takeValid(ObjectNode properties, String field, List<String> allowed) {
        try {
            String value = oneOf(properties, field, allowed);
            if (value != null) {
                properties.remove(field);
            }
            return value;
        } catch (IllegalArgumentException notModelled) {
            return null;
        }
    }

    /** Reads the ARM-named fields of an admin body or seed entry; a bad value names its field. */
    public static SecuritySpec fromJson(JsonNode b) {
        return new SecuritySpec(
                oneOf(
                        b,
                        "publicNetworkAccess",
                        List.of("Enabled", "Disabled", "SecuredByPerimeter")),
                bool(b, "disableLocalAuth"),
                oneOf(b, "minimumTlsVersion", List.of("1.0", "1.1", "1.2")),
                networkRules(b.get("networkRuleSet")),
                identity(b.get("identity")),
                encryption(b.get("encryption")),
                roles(b.get("roleAssignments")));
    }

    private static NetworkRules networkRules(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        require(n.isObject(), "networkRuleSet must be an object");
        return new NetworkRules(
                oneOf(n, "defaultAction", List.of("Allow", "Deny"), "networkRuleSet."),
                ipRules(n.get("ipRules")),
                subnets(n.get("virtualNetworkRules")),
                bool(n, "trustedServiceAccessEnabled", "networkRuleSet."));
    }

    private static List<String> ipRules(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String field = "networkRuleSet.ipRules";
        require(
                n.isArray(),
                field + " must be a list of {\"ipMask\": \"10.0.0.0/24\"} or of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode r : n) {
            String mask = r.isTextual() ? r.textValue() : r.path("ipMask").asText(null);
            require(
                    mask != null && IP_MASK.matcher(mask).matches(),
                    field + " entries need an ipMask such as \"10.0.0.0/24\" or \"203.0.113.7\"");
            JsonNode action = r.get("action");
            require(
                    action == null || action.isNull() || "Allow".equalsIgnoreCase(action.asText()),
                    field + " action must be Allow (ARM has no other)");
            out.add(mask);
        }
        return out;
    }

    private static List<String> subnets(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String field = "networkRuleSet.virtualNetworkRules";
        require(
                n.isArray(),
                field + " must be a list of {\"subnet\": {\"id\": ...}} or of subnet ids");
        List<String> out = new ArrayList<>();
        for (JsonNode r : n) {
            String id = r.isTextual() ? r.textValue() : r.path("subnet").path("id").asText(null);
            require(
                    id != null && id.startsWith("/subscriptions/") && id.contains("/subnets/"),
                    field
                            + " entries need a subnet id /subscriptions/.../virtualNetworks/.../subnets/...");
            out.add(id);
        }
        return out;
    }

    private static String identity(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        require(n.isObject(), "identity must be an object such as {\"type\": \"SystemAssigned\"}");
        return oneOf(
                n,
                "type",
                List.of("None", "SystemAssigned", "UserAssigned", "SystemAssigned, UserAssigned"),
                "identity.");
    }

    private static String encryption(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        require(
                n.isObject(),
                "encryption must be an object such as {\"keySource\": \"Microsoft.KeyVault\"}");
        String source = oneOf(n, "keySource", List.of("Microsoft.KeyVault", "None"), "encryption.");
        require(source != null, "encryption.keySource must be Microsoft.KeyVault or None");
        return source;
    }

    private static List<RoleSpec> roles(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        require(
                n.isArray(),
                "roleAssignments must be a list of {\"principalId\": ..., \"roleDefinitionName\": ..., \"scope\": ...}");
        List<RoleSpec> out = new ArrayList<>();
        for (JsonNode r : n) {
            require(r.isObject(), "each roleAssignments entry must be an object");
            String principal = r.path("principalId").asText("");
            require(
                    GUID.matcher(principal).matches(),
                    "roleAssignments principalId must be a GUID");
            String role = r.path("roleDefinitionName").asText("");
            require(!role.isBlank(), "roleAssignments roleDefinitionName is required");
            JsonNode s = r.get("scope");
            require(
                    s == null || s.isNull() || s.isTextual(),
                    "roleAssignments scope must be a string");
            String scope = s == null || s.isNull() ? "" : s.textValue().trim();
            require(
                    scope.isEmpty()
                            || scope.toLowerCase(Locale.ROOT).startsWith("/subscriptions/")
                            || RELATIVE_SCOPE.matcher(scope).matches(),
                    "roleAssignments scope must be a full ARM id or relative to the namespace (\"\", \"queues/orders\")");
            out.add(new RoleSpec(principal, role, scope));
        }
        return out;
    }

    private static String oneOf(JsonNode b, String field, List<String> allowed) {
        return oneOf(b, field, allowed, "");
    }

    /** Case-insensitive, answered in ARM's spelling. */
    private static String oneOf(JsonNode b, String field, List<String> allowed, String prefix) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.isTextual() ? v.textValue().trim() : null;
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                prefix
                        + field
                        + " must be "
                        + String.join(", ", allowed.subList(0, allowed.size() - 1))
                        + " or "
                        + allowed.get(allowed.size() - 1));
    }

    private static Boolean bool(JsonNode b, String field) {
        return bool(b, field, "");
    }

    private static Boolean bool(JsonNode b, String field, String prefix) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        require(v.isBoolean(), prefix + field + " must be true or false");
        return v.booleanValue();
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
