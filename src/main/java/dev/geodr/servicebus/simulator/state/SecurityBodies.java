package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * How a namespace's unreplicated settings look on ARM's wire: the namespace body's properties and
 * identity, {@code networkRuleSets/default}, and {@code Microsoft.Authorization/roleAssignments} at
 * the namespace scope. Shapes follow the Service Bus and Authorization REST specs.
 */
final class SecurityBodies {

    private SecurityBodies() {}

    /** Publicly reachable unless set otherwise or the namespace has private endpoints. */
    static String publicNetworkAccess(SimNamespace ns) {
        String set = ns.security.publicNetworkAccess();
        if (set != null) {
            return set;
        }
        return ns.privateEndpoints() > 0 ? "Disabled" : "Enabled";
    }

    /** The settings' properties on the namespace body, and its top-level identity. */
    static void renderOnNamespace(SimNamespace ns, ObjectNode body, ObjectNode properties) {
        SecuritySpec sec = ns.security;
        properties.put("minimumTlsVersion", sec.minimumTlsVersion());
        properties.put("publicNetworkAccess", publicNetworkAccess(ns));
        properties.put("disableLocalAuth", sec.disableLocalAuth());
        if ("Microsoft.KeyVault".equals(sec.encryptionKeySource())) {
            ObjectNode enc = properties.putObject("encryption");
            enc.put("keySource", "Microsoft.KeyVault");
            ObjectNode key = enc.putArray("keyVaultProperties").addObject();
            key.put("keyName", "servicebus-key");
            key.put(
                    "keyVaultUri",
                    "https://" + ns.name().toLowerCase(Locale.ROOT) + "-kv.vault.azure.net");
            enc.put("requireInfrastructureEncryption", false);
        }
        String type = sec.identityType();
        if (type != null && !"None".equals(type)) {
            ObjectNode identity = body.putObject("identity");
            identity.put("type", type);
            if (type.contains("SystemAssigned")) {
                identity.put("principalId", uuid("principal:" + ns.key()));
                identity.put("tenantId", uuid("tenant:" + ns.subscriptionId()));
            }
            if (type.contains("UserAssigned")) {
                String id =
                        "/subscriptions/"
                                + ns.subscriptionId()
                                + "/resourceGroups/"
                                + ns.resourceGroup()
                                + "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/"
                                + ns.name()
                                + "-identity";
                ObjectNode ua = identity.putObject("userAssignedIdentities").putObject(id);
                ua.put("principalId", uuid("user-principal:" + ns.key()));
                ua.put("clientId", uuid("user-client:" + ns.key()));
            }
        }
    }

    /**
     * The settings in the admin view, with the admin body's field names (what a PUT would take).
     */
    static void adminView(SimNamespace ns, ObjectNode v) {
        SecuritySpec sec = ns.security;
        v.put("publicNetworkAccess", publicNetworkAccess(ns));
        v.put("disableLocalAuth", sec.disableLocalAuth());
        v.put("minimumTlsVersion", sec.minimumTlsVersion());
        SecuritySpec.NetworkRules rules = sec.networkRuleSet();
        ObjectNode n = v.putObject("networkRuleSet");
        n.put("defaultAction", rules.defaultAction());
        ArrayNode ips = n.putArray("ipRules");
        rules.ipRules().forEach(m -> ips.addObject().put("ipMask", m).put("action", "Allow"));
        ArrayNode vnets = n.putArray("virtualNetworkRules");
        rules.virtualNetworkRules()
                .forEach(id -> vnets.addObject().putObject("subnet").put("id", id));
        n.put("trustedServiceAccessEnabled", rules.trustedServiceAccessEnabled());
        v.putObject("identity").put("type", sec.identityType());
        v.putObject("encryption").put("keySource", sec.encryptionKeySource());
        ArrayNode roles = v.putArray("roleAssignments");
        for (SecuritySpec.RoleSpec r : sec.roleAssignments()) {
            ObjectNode o = roles.addObject();
            o.put("principalId", r.principalId());
            o.put("roleDefinitionName", r.roleDefinitionName());
            o.put("scope", r.scope());
        }
    }

    /** {@code GET {namespace}/networkRuleSets/default}: always there, as in Azure. */
    static ObjectNode networkRuleSet(SimNamespace ns) {
        SecuritySpec.NetworkRules rules = ns.security.networkRuleSet();
        ObjectNode body = Json.object();
        body.put("id", ns.id() + "/networkRuleSets/default");
        body.put("name", "default");
        body.put("type", ns.provider().childType("NetworkRuleSets"));
        body.put("location", ns.location());
        ObjectNode p = body.putObject("properties");
        p.put("publicNetworkAccess", publicNetworkAccess(ns));
        p.put("defaultAction", rules.defaultAction());
        ArrayNode vnets = p.putArray("virtualNetworkRules");
        for (String subnet : rules.virtualNetworkRules()) {
            ObjectNode v = vnets.addObject();
            v.putObject("subnet").put("id", subnet);
            v.put("ignoreMissingVnetServiceEndpoint", false);
        }
        ArrayNode ips = p.putArray("ipRules");
        for (String mask : rules.ipRules()) {
            ips.addObject().put("ipMask", mask).put("action", "Allow");
        }
        p.put("trustedServiceAccessEnabled", rules.trustedServiceAccessEnabled());
        return body;
    }

    /**
     * {@code GET {namespace}/providers/Microsoft.Authorization/roleAssignments}: as in Azure, the
     * assignments at the namespace, above it (inherited from the resource group or subscription)
     * and, unless {@code atScopeOnly}, below it (queues, topics). No nextLink.
     */
    static ObjectNode roleAssignments(SimNamespace ns, boolean atScopeOnly) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        String nsId = ns.id();
        String nsLower = nsId.toLowerCase(Locale.ROOT);
        for (SecuritySpec.RoleSpec r : ns.security.roleAssignments()) {
            String scope = fullScope(nsId, r.scope());
            String lower = scope.toLowerCase(Locale.ROOT);
            boolean atOrAbove = lower.equals(nsLower) || nsLower.startsWith(lower + "/");
            boolean below = lower.startsWith(nsLower + "/");
            if (!(atOrAbove || (below && !atScopeOnly))) {
                continue;
            }
            String roleGuid = RoleDefinitions.guidOf(r.roleDefinitionName());
            String name = uuid("assignment:" + lower + "|" + r.principalId() + "|" + roleGuid);
            ObjectNode a = value.addObject();
            a.put("id", scope + "/providers/Microsoft.Authorization/roleAssignments/" + name);
            a.put("name", name);
            a.put("type", "Microsoft.Authorization/roleAssignments");
            ObjectNode p = a.putObject("properties");
            p.put(
                    "roleDefinitionId",
                    "/subscriptions/"
                            + ns.subscriptionId()
                            + "/providers/Microsoft.Authorization/roleDefinitions/"
                            + roleGuid);
            p.put("principalId", r.principalId());
            p.put("principalType", "ServicePrincipal");
            p.put("scope", scope);
        }
        return body;
    }

    /** A relative scope ({@code ""}, {@code queues/orders}) under the namespace, or the full id. */
    static String fullScope(String namespaceId, String scope) {
        if (scope == null || scope.isEmpty()) {
            return namespaceId;
        }
        return scope.startsWith("/") ? scope : namespaceId + "/" + scope;
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
