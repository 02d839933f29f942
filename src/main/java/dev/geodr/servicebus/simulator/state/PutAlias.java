package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PUT {@code {A}/disasterRecoveryConfigs/{alias}}: rows 1–18 of the §9.4 PUT table, evaluated in
 * order. Only row 8 (idempotent re-PUT) and row 18 (create or re-pair) succeed.
 */
final class PutAlias {

    private static final Pattern FULL_ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/([^/]+)/namespaces/([^/]+)/?$",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,49}$");

    private final SimulatorState s;
    private final AliasStateMachine machine;

    PutAlias(SimulatorState s, AliasStateMachine machine) {
        this.s = s;
        this.machine = machine;
    }

    ArmResult apply(NsPath path, String alias, JsonNode body, long now) {
        SimNamespace a = s.byPath(path);
        if (a == null) { // row 1
            return ArmResult.error(ErrorTemplates.namespaceNotFound(path));
        }
        if (!AliasNames.isValid(alias)) { // row 2
            return ArmResult.error(ErrorTemplates.invalidAliasName(alias));
        }
        String partner;
        String alternate;
        try {
            partner = text(body, "partnerNamespace");
            alternate = text(body, "alternateName");
        } catch (IllegalArgumentException e) {
            return ArmResult.error(ErrorTemplates.invalidContent(e.getMessage()));
        }
        SimAliasRecord rec = a.alias;
        if (partner == null && rec == null) { // row 3
            return ArmResult.error(ErrorTemplates.partnerRequired());
        }
        if (alternate != null && !alias.equalsIgnoreCase(a.name)) { // row 4
            return ArmResult.error(ErrorTemplates.alternateNameMismatch());
        }
        if (rec != null && !rec.isNamed(alias)) { // row 5
            return ArmResult.error(ErrorTemplates.alreadyPaired(a.name));
        }
        if (rec != null && rec.state.inFlight()) { // row 6
            return ArmResult.error(ErrorTemplates.operationInProgress());
        }
        if (rec != null && rec.state.isSecondary()) { // row 7
            return ArmResult.error(ErrorTemplates.putOnSecondary(a.name));
        }
        if (otherProvider(partner, a)) { // X16: Geo-DR stays inside one resource provider
            return ArmResult.error(ErrorTemplates.partnerOtherProvider(partner, a.provider));
        }
        SimNamespace b = resolve(partner, a);
        if (rec != null && rec.state == RecordState.P_PAIRED) {
            if (b != null && b.key().equals(rec.partnerKey)) { // row 8
                return ArmResult.ok(machine.render(a, now));
            }
            return ArmResult.error(ErrorTemplates.differentPartner()); // row 9
        }
        if (rec == null && aliasTaken(alias, a, alternate, now)) { // row 10
            return ArmResult.error(ErrorTemplates.aliasNotAvailable(alias));
        }
        if (b == null) { // row 11
            return ArmResult.error(
                    ErrorTemplates.partnerNotResolved(partner == null ? "" : partner));
        }
        if (b == a) { // row 12
            return ArmResult.error(ErrorTemplates.partnerIsSelf());
        }
        if (s.isUnreachable(b.key())) { // outage fault
            return ArmResult.error(ErrorTemplates.namespaceUnreachable(b.name));
        }
        if (a.geo != null || b.geo != null) { // Geo-Replication and Geo-DR exclude each other
            return ArmResult.error(
                    ErrorTemplates.aliasWithGeoReplication(a.geo != null ? a.name : b.name));
        }
        if (!a.provider.geoDrSku(a.sku) || !b.provider.geoDrSku(b.sku)) { // row 13
            return ArmResult.error(ErrorTemplates.geoDrSkuRequired(a.provider));
        }
        if (b.alias != null) { // row 14
            return ArmResult.error(ErrorTemplates.alreadyPaired(b.name));
        }
        if (s.settings.requireEmptySecondary() && s.effectiveEntities(b, now) > 0) { // row 15
            return ArmResult.error(ErrorTemplates.secondaryNotEmpty(b.name));
        }
        if (a.isPartitioned() != b.isPartitioned()) { // row 16
            return ArmResult.error(ErrorTemplates.partitionMismatch());
        }
        if (a.privateEndpoints > 0 && b.privateEndpoints == 0) { // row 17
            return ArmResult.error(ErrorTemplates.privateEndpointMismatch(b.name));
        }
        s.transitions.startPairing(a, b, alias, alternate, now); // row 18
        return ArmResult.ok(machine.render(a, now));
    }

    /**
     * Invariant 4: alias names share the DNS label space with namespace names, except that an alias
     * equal to its own primary's name is allowed together with an {@code alternateName} (§2.11).
     */
    private boolean aliasTaken(String alias, SimNamespace a, String alternate, long now) {
        if (s.registry.taken(alias, now)) {
            return true;
        }
        boolean ownNameWithAlternate = alternate != null && alias.equalsIgnoreCase(a.name);
        return s.namespaceNameExists(alias) && !ownNameWithAlternate;
    }

    /**
     * Full ARM id anywhere, or a bare name in A's subscription and resource group (§2.4, §10 Q3).
     */
    private SimNamespace resolve(String partner, SimNamespace a) {
        if (partner == null || partner.isBlank()) {
            return null;
        }
        Matcher m = FULL_ID.matcher(partner.trim());
        if (m.matches()) {
            return s.byPath(new NsPath(m.group(1), m.group(2), m.group(4), a.provider));
        }
        if (BARE_NAME.matcher(partner.trim()).matches()) {
            return s.byPath(
                    new NsPath(a.subscriptionId, a.resourceGroup, partner.trim(), a.provider));
        }
        return null;
    }

    /**
     * A full id under another known provider, or a namespace of the other provider by that id or
     * bare name: a 400 that says so rather than the generic "not resolved".
     */
    private boolean otherProvider(String partner, SimNamespace a) {
        if (partner == null || partner.isBlank()) {
            return false;
        }
        Matcher m = FULL_ID.matcher(partner.trim());
        if (m.matches()) {
            ArmProvider p = ArmProvider.bySegment(m.group(3));
            return p != null && p != a.provider;
        }
        SimNamespace other = s.byKey(NsKeys.of(a.subscriptionId, a.resourceGroup, partner.trim()));
        return other != null && other.provider != a.provider;
    }

    /**
     * {@code properties.<field>} as text; read-only fields are ignored; wrong JSON types are
     * refused.
     */
    private static String text(JsonNode body, String field) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        if (!body.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object.");
        }
        JsonNode props = body.get("properties");
        if (props == null || props.isNull()) {
            return null;
        }
        if (!props.isObject()) {
            throw new IllegalArgumentException("properties must be a JSON object.");
        }
        JsonNode v = props.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("properties." + field + " must be a string.");
        }
        return v.textValue().isEmpty() ? null : v.textValue();
    }
}
