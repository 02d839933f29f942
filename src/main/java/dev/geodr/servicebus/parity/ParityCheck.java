package dev.geodr.servicebus.parity;

import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the two namespaces of a pairing in the settings Geo-DR does not replicate and says, per
 * difference, what breaks after a failover to the partner. Pure: no I/O, and the same inputs always
 * give the same gaps, in the same order, with the same text (they end up in a Kubernetes status,
 * where churn would be noise).
 */
public final class ParityCheck {

    /** Longer lists are cut after this many items, with a count of the rest. */
    static final int MAX_LISTED = 5;

    static final String NONE = "none";

    private ParityCheck() {}

    /** The gaps in the order of {@link NamespaceSettings}' components; empty when at parity. */
    public static List<ParityGap> compare(NamespaceSettings primary, NamespaceSettings partner) {
        List<ParityGap> gaps = new ArrayList<>();
        publicNetworkAccess(primary, partner, gaps);
        disableLocalAuth(primary, partner, gaps);
        minimumTlsVersion(primary, partner, gaps);
        defaultAction(primary, partner, gaps);
        listed(
                "networkRuleSet.ipRules",
                primary.ipRules(),
                partner.ipRules(),
                "clients allowed only by the primary's network rules (%s) cannot connect after a failover",
                "the partner allows IP ranges the primary does not (%s)",
                gaps);
        listed(
                "networkRuleSet.virtualNetworkRules",
                primary.virtualNetworkRules(),
                partner.virtualNetworkRules(),
                "clients in subnets allowed only by the primary's network rules (%s) cannot connect after a failover",
                "the partner allows subnets the primary does not (%s)",
                gaps);
        trustedServices(primary, partner, gaps);
        privateEndpoints(primary, partner, gaps);
        identity(primary, partner, gaps);
        encryption(primary, partner, gaps);
        return List.copyOf(gaps);
    }

    /**
     * Role assignments on one side only (scopes, principals and GUIDs compare ignoring case): first
     * those the partner lacks, then those only the partner has, each sorted by scope, role and
     * principal.
     */
    public static List<ParityGap> compareRoles(
            List<RoleAssignment> primary, List<RoleAssignment> partner) {
        Set<RoleAssignment> onPrimary = normalised(primary);
        Set<RoleAssignment> onPartner = normalised(partner);
        List<ParityGap> gaps = new ArrayList<>();
        for (RoleAssignment r : onPrimary) {
            if (!onPartner.contains(r)) {
                gaps.add(
                        new ParityGap(
                                "roleAssignment",
                                describe(r),
                                NONE,
                                r.principalId()
                                        + " loses "
                                        + BuiltInRoles.displayName(r.roleDefinitionId())
                                        + " at "
                                        + scope(r)
                                        + " after a failover (401/403)"));
            }
        }
        for (RoleAssignment r : onPartner) {
            if (!onPrimary.contains(r)) {
                gaps.add(
                        new ParityGap(
                                "roleAssignment",
                                NONE,
                                describe(r),
                                "the partner grants "
                                        + BuiltInRoles.displayName(r.roleDefinitionId())
                                        + " to "
                                        + r.principalId()
                                        + " at "
                                        + scope(r)
                                        + " that the primary does not"));
            }
        }
        return List.copyOf(gaps);
    }

    // ---- settings -------------------------------------------------------------------------------

    /**
     * One scalar setting: a gap when the two differ, whose impact depends on which way. {@code
     * partnerNarrower}: the partner lets fewer clients in than the primary, so some break.
     */
    private static void scalar(
            List<ParityGap> gaps,
            String setting,
            String primaryValue,
            String partnerValue,
            boolean same,
            boolean partnerNarrower,
            String breaks,
            String opensUp) {
        if (!same) {
            gaps.add(
                    new ParityGap(
                            setting,
                            primaryValue,
                            partnerValue,
                            partnerNarrower ? breaks : opensUp));
        }
    }

    private static void publicNetworkAccess(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        String a = primary.publicNetworkAccess();
        String b = partner.publicNetworkAccess();
        scalar(
                gaps,
                "publicNetworkAccess",
                a,
                b,
                a.equalsIgnoreCase(b),
                openness(b) < openness(a),
                "clients that reach the primary over its public endpoint cannot connect after a failover",
                "the partner accepts public traffic that the primary refuses");
    }

    private static void disableLocalAuth(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        boolean a = primary.disableLocalAuth();
        boolean b = partner.disableLocalAuth();
        scalar(
                gaps,
                "disableLocalAuth",
                Boolean.toString(a),
                Boolean.toString(b),
                a == b,
                b,
                "applications using SAS keys or connection strings get 401 after a failover",
                "the partner accepts SAS keys and connection strings, which the primary refuses");
    }

    private static void minimumTlsVersion(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        String a = primary.minimumTlsVersion();
        String b = partner.minimumTlsVersion();
        scalar(
                gaps,
                "minimumTlsVersion",
                a,
                b,
                a.equalsIgnoreCase(b),
                b.compareTo(a) > 0,
                "clients that speak only TLS below " + b + " cannot connect after a failover",
                "the partner accepts TLS " + b + ", older than the primary's minimum " + a);
    }

    private static void defaultAction(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        String a = primary.networkDefaultAction();
        String b = partner.networkDefaultAction();
        scalar(
                gaps,
                "networkRuleSet.defaultAction",
                a,
                b,
                a.equalsIgnoreCase(b),
                "Deny".equalsIgnoreCase(b),
                "clients allowed only by the primary's network rules cannot connect after a failover",
                "the partner accepts connections from networks the primary's rules deny");
    }

    /** A list setting: the primary's extra items break clients; the partner's only open up. */
    private static void listed(
            String setting,
            List<String> primary,
            List<String> partner,
            String lostImpact,
            String extraImpact,
            List<ParityGap> gaps) {
        List<String> lost = missingFrom(primary, partner);
        List<String> extra = missingFrom(partner, primary);
        if (lost.isEmpty() && extra.isEmpty()) {
            return;
        }
        gaps.add(
                new ParityGap(
                        setting,
                        join(primary),
                        join(partner),
                        lost.isEmpty()
                                ? String.format(Locale.ROOT, extraImpact, join(extra))
                                : String.format(Locale.ROOT, lostImpact, join(lost))));
    }

    private static void trustedServices(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        boolean a = primary.trustedServiceAccessEnabled();
        boolean b = partner.trustedServiceAccessEnabled();
        scalar(
                gaps,
                "networkRuleSet.trustedServiceAccessEnabled",
                Boolean.toString(a),
                Boolean.toString(b),
                a == b,
                a,
                "trusted Azure services that pass the primary's network rules (Event Grid, Stream Analytics, ...) are blocked after a failover",
                "the partner lets trusted Azure services bypass its network rules; the primary does not");
    }

    private static void privateEndpoints(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        int a = primary.privateEndpointConnections();
        int b = partner.privateEndpointConnections();
        scalar(
                gaps,
                "privateEndpointConnections",
                Integer.toString(a),
                Integer.toString(b),
                a == b,
                a > b,
                "clients that connect through private endpoints the partner lacks cannot reach it after a failover",
                "the partner has private endpoints the primary does not");
    }

    private static void identity(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        String a = primary.identityType();
        String b = partner.identityType();
        if (identityKinds(a).equals(identityKinds(b))) {
            return;
        }
        Set<String> lost = new TreeSet<>(identityKinds(a));
        lost.removeAll(identityKinds(b));
        gaps.add(
                new ParityGap(
                        "identity.type",
                        a,
                        b,
                        lost.isEmpty()
                                ? "the partner has a managed identity the primary does not"
                                : "features that use the primary's "
                                        + String.join(" and ", lost)
                                        + " identity (customer-managed keys, for one) fail on the partner after a failover"));
    }

    private static void encryption(
            NamespaceSettings primary, NamespaceSettings partner, List<ParityGap> gaps) {
        String a = keySource(primary.encryptionKeySource());
        String b = keySource(partner.encryptionKeySource());
        scalar(
                gaps,
                "encryption.keySource",
                a,
                b,
                a.equalsIgnoreCase(b),
                "None".equals(b),
                "data sent after a failover is encrypted with Microsoft-managed keys, not the primary's customer-managed key",
                "the partner depends on a customer-managed key in Key Vault that the primary does not use");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Disabled < SecuredByPerimeter (public, but only inside the perimeter) < Enabled. */
    private static int openness(String publicNetworkAccess) {
        return switch (publicNetworkAccess.toLowerCase(Locale.ROOT)) {
            case "enabled" -> 2;
            case "securedbyperimeter" -> 1;
            default -> 0;
        };
    }

    /** "SystemAssigned, UserAssigned" → {SystemAssigned, UserAssigned}; "None" → {}. */
    private static Set<String> identityKinds(String type) {
        Set<String> kinds = new TreeSet<>();
        for (String part : type.split(",")) {
            String p = part.trim();
            if (!p.isEmpty() && !"None".equalsIgnoreCase(p)) {
                kinds.add(
                        p.toLowerCase(Locale.ROOT).startsWith("system")
                                ? "SystemAssigned"
                                : "UserAssigned");
            }
        }
        return kinds;
    }

    private static String keySource(String value) {
        return value == null || value.isBlank() || "None".equalsIgnoreCase(value) ? "None" : value;
    }

    /** Items of {@code from} not in {@code other}, ignoring case, in {@code from}'s order. */
    private static List<String> missingFrom(List<String> from, List<String> other) {
        Set<String> others = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        others.addAll(other);
        Set<String> out = new LinkedHashSet<>();
        for (String v : from) {
            if (!others.contains(v)) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** "a, b, c", "none" when empty, and "a, ..., e and 3 more" past {@link #MAX_LISTED}. */
    static String join(List<String> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        if (values.size() <= MAX_LISTED) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, MAX_LISTED))
                + " and "
                + (values.size() - MAX_LISTED)
                + " more";
    }

    private static final Comparator<RoleAssignment> ROLE_ORDER =
            Comparator.comparing(RoleAssignment::relativeScope)
                    .thenComparing(r -> BuiltInRoles.displayName(r.roleDefinitionId()))
                    .thenComparing(RoleAssignment::principalId)
                    .thenComparing(RoleAssignment::roleDefinitionId);

    /** Lower-cased (the record does it) and deduplicated, sorted for a stable order. */
    private static Set<RoleAssignment> normalised(List<RoleAssignment> roles) {
        Set<RoleAssignment> out = new TreeSet<>(ROLE_ORDER);
        out.addAll(roles);
        return out;
    }

    private static String describe(RoleAssignment r) {
        return BuiltInRoles.displayName(r.roleDefinitionId())
                + " for "
                + r.principalId()
                + " at "
                + scope(r);
    }

    private static String scope(RoleAssignment r) {
        return r.relativeScope().isEmpty() ? "the namespace" : r.relativeScope();
    }
}
