package dev.geodr.servicebus.simulator.state;

/**
 * The error texts of docs/arm-semantics.md §9.7 (and §4). Texts seen from the real service are
 * verbatim; texts nobody has seen the service send start with {@code [simulator]} so they cannot be
 * mistaken for real ones. RP messages get {@code " CorrelationId: <guid>"} appended on the wire.
 */
public final class ErrorTemplates {

    public static final String SIM = "[simulator] ";

    private ErrorTemplates() {}

    /** E1 [V-wire]: DELETE while the record has a partner or a transition is running. */
    public static ArmError deleteWhilePaired(int status) {
        if (status == 409) {
            return ArmError.rp(
                    409,
                    "Conflict",
                    "Disaster recovery (DR) config can't be deleted because replication is "
                            + "in progress. Fail over or break pairing before attempting to delete the DR Config.");
        }
        return ArmError.rp(
                400,
                "BadRequest",
                "Delete operation is only allowed when primary namespace does not have secondary namespace.");
    }

    /** E2 [V-wire]. */
    public static ArmError aliasNotFound(String alias, String namespace) {
        return ArmError.rp(
                404,
                "NotFound",
                "Alias '"
                        + alias
                        + "' does not exist or is not associated with namespace '"
                        + namespace
                        + "'.");
    }

    /**
     * E3 [V-wire] under the provider the path names: a namespace of the other provider is not found
     * either.
     */
    public static ArmError namespaceNotFound(NsPath path) {
        return namespaceNotFound(path.provider(), path.name(), path.resourceGroup());
    }

    /** E3 [V-wire]: the ARM gateway's answer for a namespace that does not exist. */
    public static ArmError namespaceNotFound(String namespace, String resourceGroup) {
        return namespaceNotFound(ArmProvider.SERVICE_BUS, namespace, resourceGroup);
    }

    private static ArmError namespaceNotFound(
            ArmProvider provider, String namespace, String resourceGroup) {
        return ArmError.gateway(
                404,
                "ResourceNotFound",
                "The Resource '"
                        + provider.segment()
                        + "/namespaces/"
                        + namespace
                        + "' under resource group '"
                        + resourceGroup
                        + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    /** E4 [R]; "availble" is the service's own typo. */
    public static ArmError aliasNotAvailable(String alias) {
        return ArmError.rp(
                400,
                "BadRequest",
                "Alias '" + alias + "' is not availble, please use a different name.");
    }

    /** E5 [R]. */
    public static ArmError alternateNameMismatch() {
        return ArmError.rp(
                400,
                "BadRequest",
                "Alternate name is supported only if alias and primary namespace are same.");
    }

    /** E9 [V-doc text]; status and code are the emulator recommendation of §3.9. */
    public static ArmError operationInProgress() {
        return ArmError.rp(429, "TooManyRequests", "Disaster recovery operation in progress.");
    }

    /** E11 [R text]; status 409 is the §9.4 choice. */
    public static ArmError replicationInProgress() {
        return ArmError.rp(
                409,
                "Conflict",
                "Namespace Replication is still in progress, retry the operation after some time...");
    }

    /** X1. */
    public static ArmError failoverOnSecondaryOnly() {
        return ArmError.rp(
                400, "BadRequest", SIM + "Failover must be invoked on the secondary namespace.");
    }

    /** X2. */
    public static ArmError premiumRequired() {
        return geoDrSkuRequired(ArmProvider.SERVICE_BUS);
    }

    /**
     * Row 13 per provider: Service Bus keeps its Premium text, Event Hubs names its three tiers.
     */
    public static ArmError geoDrSkuRequired(ArmProvider provider) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "Geo-DR requires " + skus(provider.geoDrSkus()) + " namespaces.");
    }

    /** X16: a partner under the other resource provider. */
    public static ArmError partnerOtherProvider(String partner, ArmProvider provider) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "The partner namespace '"
                        + partner
                        + "' is not a "
                        + provider.segment()
                        + " namespace: Geo-DR pairs two namespaces of the same resource provider.");
    }

    private static String skus(java.util.List<String> skus) {
        return ArmProvider.joinSkus(skus);
    }

    /** X3. */
    public static ArmError alreadyPaired(String namespace) {
        return ArmError.rp(
                409,
                "Conflict",
                SIM + "Namespace '" + namespace + "' is already part of a Geo-DR configuration.");
    }

    /** X4. */
    public static ArmError secondaryNotEmpty(String namespace) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "Secondary namespace '" + namespace + "' must not contain entities.");
    }

    /** X5. */
    public static ArmError partitionMismatch() {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "Pairing a partitioned namespace with a non-partitioned namespace is not supported.");
    }

    /** X6. */
    public static ArmError partnerNotResolved(String partner) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "Partner namespace '" + partner + "' could not be resolved.");
    }

    /** X7. */
    public static ArmError breakOnPrimaryOnly() {
        return ArmError.rp(
                400, "BadRequest", SIM + "Break pairing must be invoked on the primary namespace.");
    }

    /** X8. */
    public static ArmError differentPartner() {
        return ArmError.rp(
                409,
                "Conflict",
                SIM + "Alias is already paired with a different partner; break the pairing first.");
    }

    /** X9. */
    public static ArmError safeFailoverAcrossSubscriptions() {
        return ArmError.rp(
                400, "BadRequest", SIM + "Safe failover is not supported across subscriptions.");
    }

    /** X10 (PUT row 7): the record on this namespace is the secondary. */
    public static ArmError putOnSecondary(String namespace) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "Namespace '"
                        + namespace
                        + "' is the secondary of this Geo-DR configuration; create or update the alias on the primary.");
    }

    /** X11 (PUT row 12). */
    public static ArmError partnerIsSelf() {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "The partner namespace must differ from the primary namespace.");
    }

    /** X12 (PUT row 17): private endpoints exist on the primary only (D2 "the pairing fails"). */
    public static ArmError privateEndpointMismatch(String secondary) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "The primary namespace has private endpoints and the secondary "
                        + "namespace '"
                        + secondary
                        + "' has none.");
    }

    /** X13 (PUT row 3). */
    public static ArmError partnerRequired() {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "properties.partnerNamespace is required to create a Geo-DR configuration.");
    }

    /** X14 (PUT row 2): the alias name breaks the length/character rules of §2.11. */
    public static ArmError invalidAliasName(String alias) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM + "The alias name '" + alias + "' is invalid. " + AliasNames.RULE_TEXT);
    }

    /** X15: unknown alias authorization rule (§9.4, text inferred, §10 Q15). */
    public static ArmError ruleNotFound(String rule) {
        return ArmError.rp(
                404, "NotFound", SIM + "The authorization rule '" + rule + "' could not be found.");
    }

    /** A body that is not the JSON the operation expects. */
    public static ArmError invalidContent(String detail) {
        return ArmError.gateway(
                400,
                "InvalidRequestContent",
                SIM + "The request content was invalid and could not be deserialized: " + detail);
    }

    /**
     * A namespace cut off by the {@code unreachable} fault (a simulated regional outage). ARM is
     * global and the RP regional, so the gateway answers; 503 {@code ServiceUnavailable} is our
     * choice.
     */
    public static ArmError namespaceUnreachable(String namespace) {
        return ArmError.gateway(
                503,
                "ServiceUnavailable",
                SIM
                        + "The namespace '"
                        + namespace
                        + "' is unreachable (simulated regional outage).");
    }

    // ---- Geo-Replication. Texts marked SIM were never seen from the real service. ----

    /**
     * A geo change or promotion while another one runs. Text and status as seen for Event Hubs
     * namespaces during a DR transition (E10, arm-semantics.md), with the Service Bus link.
     */
    public static ArmError provisioningInTransition() {
        return ArmError.rp(
                409,
                "Conflict",
                "Namespace provisioning in transition. For more information visit https://aka.ms/servicebusarmexceptions.");
    }

    /** Premium only (documented limit; code and text unknown). */
    public static ArmError geoPremiumOnly() {
        return geoSkuOnly(ArmProvider.SERVICE_BUS);
    }

    public static ArmError geoSkuOnly(ArmProvider provider) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "Geo-Replication is supported only on "
                        + skus(provider.geoReplicationSkus())
                        + " namespaces.");
    }

    /** Geo-DR and Geo-Replication cannot be combined (documented; code and text unknown). */
    public static ArmError geoWithAlias(String alias) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "The namespace holds the Geo-DR alias '"
                        + alias
                        + "'; break the pairing and delete the alias before enabling Geo-Replication.");
    }

    /** Any invalid {@code geoDataReplication} or failover body (code and texts unknown). */
    public static ArmError geoInvalid(String detail) {
        return ArmError.rp(400, "BadRequest", SIM + detail);
    }

    /** A promotion's target region went down before the swap (simulator decision). */
    public static ArmError promotionTargetDown(String region) {
        return ArmError.gateway(
                503,
                "ServiceUnavailable",
                SIM + "The region '" + region + "' is unreachable (simulated regional outage).");
    }

    /** Calls routed to a region cut off by the {@code regionUnreachable} fault. */
    public static ArmError regionUnreachable(String namespace, String region) {
        return ArmError.gateway(
                503,
                "ServiceUnavailable",
                SIM
                        + "The namespace '"
                        + namespace
                        + "' is unreachable: its primary region '"
                        + region
                        + "' is down (simulated regional outage).");
    }

    /** An operation id the simulator never issued (or issued before a reset). */
    public static ArmError operationNotFound(String id) {
        return ArmError.gateway(404, "NotFound", SIM + "The operation '" + id + "' was not found.");
    }

    /**
     * ARM's answer when the caller lacks {@code microsoft.insights/metrics/read}: the standard
     * AuthorizationFailed text (client and object ids are placeholders here).
     */
    public static ArmError metricsForbidden(String scope) {
        return ArmError.gateway(
                403,
                "AuthorizationFailed",
                "The client '00000000-0000-0000-0000-000000000000' with object id '00000000-0000-0000-0000-000000000000' "
                        + "does not have authorization to perform action 'microsoft.insights/metrics/read' over scope '"
                        + scope
                        + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    /**
     * ARM's answer when the caller lacks {@code Microsoft.Authorization/roleAssignments/read} (the
     * roleAssignmentsForbidden fault): the standard AuthorizationFailed text.
     */
    public static ArmError roleAssignmentsForbidden(String scope) {
        return ArmError.gateway(
                403,
                "AuthorizationFailed",
                "The client '00000000-0000-0000-0000-000000000000' with object id '00000000-0000-0000-0000-000000000000' "
                        + "does not have authorization to perform action 'Microsoft.Authorization/roleAssignments/read' over scope '"
                        + scope
                        + "' or the scope is invalid. If access was recently granted, please refresh your credentials.");
    }

    /** Azure Monitor's 400 for a bad metrics query (texts unknown). */
    public static ArmError metricsBadRequest(String detail) {
        return ArmError.gateway(400, "BadRequest", SIM + detail);
    }

    /** The Location URL of an operation that a forced promotion superseded (simulator choice). */
    public static ArmError operationCanceled() {
        return ArmError.rp(
                409,
                "OperationCanceled",
                SIM + "The operation was canceled: a forced promotion superseded it.");
    }

    /** The converse of {@link #geoWithAlias}: no alias on a geo-replicated namespace. */
    public static ArmError aliasWithGeoReplication(String namespace) {
        return ArmError.rp(
                400,
                "BadRequest",
                SIM
                        + "The namespace '"
                        + namespace
                        + "' uses Geo-Replication, which cannot be combined with a Geo-DR alias.");
    }
}
