package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.util.Locale;

/**
 * Wire bodies of the Geo-DR resources, per the rendering rules of docs/arm-semantics.md §9.6 and
 * §2.8.
 */
public final class ArmBodies {

    public static final String DR_TYPE = ArmProvider.SERVICE_BUS.drType();
    public static final String RULE_TYPE = ArmProvider.SERVICE_BUS.childType("AuthorizationRules");

    private ArmBodies() {}

    /**
     * {@code properties} keys in wire order: provisioningState, partnerNamespace, [alternateName],
     * role, type, [pendingReplicationOperationsCount]. No {@code location}/{@code systemData}
     * (§2.4).
     *
     * @param partnerId the partner's full id, or null when the role has none ({@code ""} on the
     *     wire)
     * @param pending the count, or null when it must be absent (anything but a Succeeded primary)
     */
    public static ObjectNode alias(
            SimNamespace ns,
            String aliasName,
            String alternateName,
            RecordState state,
            String partnerId,
            Long pending) {
        ObjectNode body = Json.object();
        body.put("id", ns.id() + "/disasterRecoveryConfigs/" + aliasName);
        body.put("name", aliasName);
        body.put("type", ns.provider().drType());
        ObjectNode p = body.putObject("properties");
        p.put("provisioningState", state.provisioningState());
        p.put("partnerNamespace", state.hasPartner() && partnerId != null ? partnerId : "");
        if (alternateName != null) {
            p.put("alternateName", alternateName);
        }
        p.put("role", state.role());
        p.put("type", "MetadataReplication");
        if (pending != null) {
            p.put("pendingReplicationOperationsCount", pending.longValue());
        }
        return body;
    }

    /**
     * An alias auth rule: the namespace rule re-parented under the alias, namespace type and
     * location (§2.8).
     */
    public static ObjectNode authRule(
            SimNamespace ns, String aliasName, String ruleSegment, AuthRule rule) {
        ObjectNode body = Json.object();
        body.put(
                "id",
                ns.id()
                        + "/disasterRecoveryConfigs/"
                        + aliasName
                        + "/"
                        + ruleSegment
                        + "/"
                        + rule.name());
        body.put("name", rule.name());
        body.put("type", ns.provider().childType("AuthorizationRules"));
        body.put("location", ns.location());
        ArrayNode rights = body.putObject("properties").putArray("rights");
        rule.rights().forEach(rights::add);
        return body;
    }

    /**
     * Alias listKeys: alias connection strings on the lower-cased alias host, no namespace
     * connection strings.
     */
    public static ObjectNode aliasKeys(ArmProvider provider, String aliasName, AuthRule rule) {
        String endpoint =
                "Endpoint=sb://"
                        + aliasName.toLowerCase(Locale.ROOT)
                        + provider.hostSuffix()
                        + "/;SharedAccessKeyName="
                        + rule.name()
                        + ";SharedAccessKey=";
        ObjectNode body = Json.object();
        body.put("aliasPrimaryConnectionString", endpoint + rule.primaryKey());
        body.put("aliasSecondaryConnectionString", endpoint + rule.secondaryKey());
        body.put("primaryKey", rule.primaryKey());
        body.put("secondaryKey", rule.secondaryKey());
        body.put("keyName", rule.name());
        return body;
    }

    /** CheckNameAvailability: no {@code message} key unless there is something to say (§2.7). */
    public static ObjectNode checkName(boolean available, String reason, String message) {
        ObjectNode body = Json.object();
        body.put("nameAvailable", available);
        body.put("reason", reason);
        if (message != null) {
            body.put("message", message);
        }
        return body;
    }

    public static ObjectNode list(Iterable<? extends JsonNode> items) {
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        items.forEach(value::add);
        return body;
    }
}
