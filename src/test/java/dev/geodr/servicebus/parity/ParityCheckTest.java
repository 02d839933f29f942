package dev.geodr.servicebus.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The parity decision, row by row: one differing setting in, one gap with its text out. */
class ParityCheckTest {

    private static final NamespaceSettings D = NamespaceSettings.DEFAULTS;
    private static final String SENDER = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private static final String OWNER = "090c5cfd-751d-490a-894a-3ce6f1109419";
    private static final String CUSTOM = "0d0d0d0d-1111-2222-3333-444444444444";
    private static final String APP = "aaaaaaaa-0000-0000-0000-000000000001";
    private static final String OPS = "bbbbbbbb-0000-0000-0000-000000000002";
    private static final String SUBNET_A =
            "/subscriptions/s/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/a";

    /** The defaults with one component changed. */
    private static NamespaceSettings with(String component, Object value) {
        return new NamespaceSettings(
                component.equals("publicNetworkAccess") ? (String) value : D.publicNetworkAccess(),
                component.equals("disableLocalAuth") ? (Boolean) value : D.disableLocalAuth(),
                component.equals("minimumTlsVersion") ? (String) value : D.minimumTlsVersion(),
                component.equals("networkDefaultAction")
                        ? (String) value
                        : D.networkDefaultAction(),
                component.equals("ipRules") ? list(value) : D.ipRules(),
                component.equals("virtualNetworkRules") ? list(value) : D.virtualNetworkRules(),
                component.equals("trustedServiceAccessEnabled")
                        ? (Boolean) value
                        : D.trustedServiceAccessEnabled(),
                component.equals("privateEndpointConnections")
                        ? (Integer) value
                        : D.privateEndpointConnections(),
                component.equals("identityType") ? (String) value : D.identityType(),
                component.equals("encryptionKeySource") ? (String) value : D.encryptionKeySource());
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        return (List<String>) value;
    }

    static Stream<Arguments> settingRows() {
        return Stream.of(
                // component, primary value, partner value -> setting, shown values, impact
                Arguments.of(
                        "publicNetworkAccess",
                        "Enabled",
                        "Disabled",
                        "publicNetworkAccess",
                        "Enabled",
                        "Disabled",
                        "clients that reach the primary over its public endpoint cannot connect after a failover"),
                Arguments.of(
                        "publicNetworkAccess",
                        "Enabled",
                        "SecuredByPerimeter",
                        "publicNetworkAccess",
                        "Enabled",
                        "SecuredByPerimeter",
                        "clients that reach the primary over its public endpoint cannot connect after a failover"),
                Arguments.of(
                        "publicNetworkAccess",
                        "Disabled",
                        "Enabled",
                        "publicNetworkAccess",
                        "Disabled",
                        "Enabled",
                        "the partner accepts public traffic that the primary refuses"),
                Arguments.of(
                        "disableLocalAuth",
                        false,
                        true,
                        "disableLocalAuth",
                        "false",
                        "true",
                        "applications using SAS keys or connection strings get 401 after a failover"),
                Arguments.of(
                        "disableLocalAuth",
                        true,
                        false,
                        "disableLocalAuth",
                        "true",
                        "false",
                        "the partner accepts SAS keys and connection strings, which the primary refuses"),
                Arguments.of(
                        "minimumTlsVersion",
                        "1.0",
                        "1.2",
                        "minimumTlsVersion",
                        "1.0",
                        "1.2",
                        "clients that speak only TLS below 1.2 cannot connect after a failover"),
                Arguments.of(
                        "minimumTlsVersion",
                        "1.2",
                        "1.1",
                        "minimumTlsVersion",
                        "1.2",
                        "1.1",
                        "the partner accepts TLS 1.1, older than the primary's minimum 1.2"),
                Arguments.of(
                        "networkDefaultAction",
                        "Allow",
                        "Deny",
                        "networkRuleSet.defaultAction",
                        "Allow",
                        "Deny",
                        "clients allowed only by the primary's network rules cannot connect after a failover"),
                Arguments.of(
                        "networkDefaultAction",
                        "Deny",
                        "Allow",
                        "networkRuleSet.defaultAction",
                        "Deny",
                        "Allow",
                        "the partner accepts connections from networks the primary's rules deny"),
                Arguments.of(
                        "ipRules",
                        List.of("10.0.0.0/24", "203.0.113.7"),
                        List.of("203.0.113.7"),
                        "networkRuleSet.ipRules",
                        "10.0.0.0/24, 203.0.113.7",
                        "203.0.113.7",
                        "clients allowed only by the primary's network rules (10.0.0.0/24) cannot connect after a failover"),
                Arguments.of(
                        "ipRules",
                        List.of(),
                        List.of("198.51.100.0/24"),
                        "networkRuleSet.ipRules",
                        "none",
                        "198.51.100.0/24",
                        "the partner allows IP ranges the primary does not (198.51.100.0/24)"),
                Arguments.of(
                        "virtualNetworkRules",
                        List.of(SUBNET_A),
                        List.of(),
                        "networkRuleSet.virtualNetworkRules",
                        SUBNET_A,
                        "none",
                        "clients in subnets allowed only by the primary's network rules ("
                                + SUBNET_A
                                + ") cannot connect after a failover"),
                Arguments.of(
                        "virtualNetworkRules",
                        List.of(),
                        List.of(SUBNET_A),
                        "networkRuleSet.virtualNetworkRules",
                        "none",
                        SUBNET_A,
                        "the partner allows subnets the primary does not (" + SUBNET_A + ")"),
                Arguments.of(
                        "trustedServiceAccessEnabled",
                        true,
                        false,
                        "networkRuleSet.trustedServiceAccessEnabled",
                        "true",
                        "false",
                        "trusted Azure services that pass the primary's network rules (Event Grid, Stream Analytics, ...) are blocked after a failover"),
                Arguments.of(
                        "trustedServiceAccessEnabled",
                        false,
                        true,
                        "networkRuleSet.trustedServiceAccessEnabled",
                        "false",
                        "true",
                        "the partner lets trusted Azure services bypass its network rules; the primary does not"),
                Arguments.of(
                        "privateEndpointConnections",
                        2,
                        0,
                        "privateEndpointConnections",
                        "2",
                        "0",
                        "clients that connect through private endpoints the partner lacks cannot reach it after a failover"),
                Arguments.of(
                        "privateEndpointConnections",
                        0,
                        1,
                        "privateEndpointConnections",
                        "0",
                        "1",
                        "the partner has private endpoints the primary does not"),
                Arguments.of(
                        "identityType",
                        "SystemAssigned, UserAssigned",
                        "UserAssigned",
                        "identity.type",
                        "SystemAssigned, UserAssigned",
                        "UserAssigned",
                        "features that use the primary's SystemAssigned identity (customer-managed keys, for one) fail on the partner after a failover"),
                Arguments.of(
                        "identityType",
                        "None",
                        "SystemAssigned",
                        "identity.type",
                        "None",
                        "SystemAssigned",
                        "the partner has a managed identity the primary does not"),
                Arguments.of(
                        "encryptionKeySource",
                        "Microsoft.KeyVault",
                        "None",
                        "encryption.keySource",
                        "Microsoft.KeyVault",
                        "None",
                        "data sent after a failover is encrypted with Microsoft-managed keys, not the primary's customer-managed key"),
                Arguments.of(
                        "encryptionKeySource",
                        "",
                        "Microsoft.KeyVault",
                        "encryption.keySource",
                        "None",
                        "Microsoft.KeyVault",
                        "the partner depends on a customer-managed key in Key Vault that the primary does not use"));
    }

    @ParameterizedTest(name = "{0}: {1} vs {2}")
    @MethodSource("settingRows")
    void oneDifferingSettingGivesOneGap(
            String component,
            Object primaryValue,
            Object partnerValue,
            String setting,
            String shownPrimary,
            String shownPartner,
            String impact) {
        assertThat(
                        ParityCheck.compare(
                                with(component, primaryValue), with(component, partnerValue)))
                .containsExactly(new ParityGap(setting, shownPrimary, shownPartner, impact));
    }

    static Stream<Arguments> equalRows() {
        return Stream.of(
                Arguments.of("defaults", D, D),
                Arguments.of(
                        "case only",
                        with("publicNetworkAccess", "enabled"),
                        with("networkDefaultAction", "ALLOW")),
                Arguments.of(
                        "lists in another order and case",
                        with("virtualNetworkRules", List.of(SUBNET_A, "/x/subnets/B")),
                        with(
                                "virtualNetworkRules",
                                List.of("/x/subnets/b", SUBNET_A.toUpperCase()))),
                Arguments.of(
                        "identity parts in another order",
                        with("identityType", "SystemAssigned, UserAssigned"),
                        with("identityType", "UserAssigned,SystemAssigned")),
                Arguments.of("no key source vs None", with("encryptionKeySource", ""), D));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("equalRows")
    void equalSettingsHaveNoGaps(String row, NamespaceSettings primary, NamespaceSettings partner) {
        assertThat(ParityCheck.compare(primary, partner)).as(row).isEmpty();
    }

    @Test
    void severalGapsComeInTheOrderOfTheSettingsWhateverTheInput() {
        NamespaceSettings primary =
                new NamespaceSettings(
                        "Enabled", false, "1.2", "Allow", List.of(), List.of(), false, 1, "None",
                        "None");
        NamespaceSettings partner =
                new NamespaceSettings(
                        "Disabled",
                        true,
                        "1.2",
                        "Deny",
                        List.of("10.0.0.0/8"),
                        List.of(),
                        false,
                        0,
                        "SystemAssigned",
                        "None");
        assertThat(ParityCheck.compare(primary, partner))
                .extracting(ParityGap::setting)
                .containsExactly(
                        "publicNetworkAccess",
                        "disableLocalAuth",
                        "networkRuleSet.defaultAction",
                        "networkRuleSet.ipRules",
                        "privateEndpointConnections",
                        "identity.type");
        assertThat(ParityCheck.compare(primary, partner))
                .isEqualTo(ParityCheck.compare(primary, partner));
    }

    @Test
    void longListsAreCutWithACountOfTheRest() {
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            many.add("10.0." + i + ".0/24");
        }
        ParityGap gap = ParityCheck.compare(with("ipRules", many), D).get(0);
        assertThat(gap.primaryValue())
                .isEqualTo(
                        "10.0.1.0/24, 10.0.2.0/24, 10.0.3.0/24, 10.0.4.0/24, 10.0.5.0/24 and 3 more");
        assertThat(gap.partnerValue()).isEqualTo("none");
    }

    // ---- roles ------------------------------------------------------------------------------

    static Stream<Arguments> roleRows() {
        RoleAssignment senderOnOrders = new RoleAssignment(APP, SENDER, "queues/orders");
        RoleAssignment ownerOnNamespace = new RoleAssignment(OPS, OWNER, "");
        RoleAssignment custom = new RoleAssignment(APP, CUSTOM, "topics/t1");
        return Stream.of(
                Arguments.of(
                        "primary only, built-in role at a queue",
                        List.of(senderOnOrders),
                        List.of(),
                        new ParityGap(
                                "roleAssignment",
                                "Azure Service Bus Data Sender for " + APP + " at queues/orders",
                                "none",
                                APP
                                        + " loses Azure Service Bus Data Sender at queues/orders after a failover (401/403)")),
                Arguments.of(
                        "partner only, at the namespace",
                        List.of(),
                        List.of(ownerOnNamespace),
                        new ParityGap(
                                "roleAssignment",
                                "none",
                                "Azure Service Bus Data Owner for " + OPS + " at the namespace",
                                "the partner grants Azure Service Bus Data Owner to "
                                        + OPS
                                        + " at the namespace that the primary does not")),
                Arguments.of(
                        "a custom role shows its GUID",
                        List.of(custom),
                        List.of(),
                        new ParityGap(
                                "roleAssignment",
                                CUSTOM + " for " + APP + " at topics/t1",
                                "none",
                                APP
                                        + " loses "
                                        + CUSTOM
                                        + " at topics/t1 after a failover (401/403)")),
                Arguments.of(
                        "same role at another scope counts on both sides",
                        List.of(senderOnOrders),
                        List.of(new RoleAssignment(APP, SENDER, "")),
                        new ParityGap(
                                "roleAssignment",
                                "Azure Service Bus Data Sender for " + APP + " at queues/orders",
                                "none",
                                APP
                                        + " loses Azure Service Bus Data Sender at queues/orders after a failover (401/403)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roleRows")
    void roleDifferencesAreNamedWithWhoLosesWhat(
            String row,
            List<RoleAssignment> primary,
            List<RoleAssignment> partner,
            ParityGap first) {
        assertThat(ParityCheck.compareRoles(primary, partner)).as(row).first().isEqualTo(first);
    }

    @Test
    void scopesPrincipalsAndGuidsCompareIgnoringCase() {
        List<RoleAssignment> primary =
                List.of(
                        new RoleAssignment(
                                APP.toUpperCase(), SENDER.toUpperCase(), "Queues/Orders"));
        List<RoleAssignment> partner = List.of(new RoleAssignment(APP, SENDER, "queues/orders"));
        assertThat(ParityCheck.compareRoles(primary, partner)).isEmpty();
    }

    @Test
    void duplicatesCountOnce() {
        RoleAssignment r = new RoleAssignment(APP, SENDER, "");
        assertThat(ParityCheck.compareRoles(List.of(r, r), List.of(r))).isEmpty();
        assertThat(ParityCheck.compareRoles(List.of(r, r), List.of())).hasSize(1);
    }

    @Test
    void roleGapsComeInAStableOrderWhateverTheInputOrder() {
        List<RoleAssignment> primary =
                new ArrayList<>(
                        List.of(
                                new RoleAssignment(OPS, OWNER, "topics/t1"),
                                new RoleAssignment(APP, SENDER, "queues/orders"),
                                new RoleAssignment(APP, OWNER, "")));
        List<RoleAssignment> partner = List.of(new RoleAssignment(OPS, SENDER, ""));
        List<ParityGap> first = ParityCheck.compareRoles(primary, partner);
        Collections.reverse(primary);
        assertThat(ParityCheck.compareRoles(primary, partner)).isEqualTo(first);
        assertThat(first)
                .extracting(ParityGap::primaryValue, ParityGap::partnerValue)
                .containsExactly(
                        tuple(
                                "Azure Service Bus Data Owner for " + APP + " at the namespace",
                                "none"),
                        tuple(
                                "Azure Service Bus Data Sender for " + APP + " at queues/orders",
                                "none"),
                        tuple("Azure Service Bus Data Owner for " + OPS + " at topics/t1", "none"),
                        tuple(
                                "none",
                                "Azure Service Bus Data Sender for " + OPS + " at the namespace"));
    }

    @Test
    void builtInRolesAreKnownByGuidInAnyCase() {
        assertThat(BuiltInRoles.name("4F6D3B9B-027B-4F4C-9142-0E5A2A2247E0"))
                .contains("Azure Service Bus Data Receiver");
        assertThat(BuiltInRoles.name("8e3af657-a8ff-443c-a75c-2fe8c4bcb635")).contains("Owner");
        assertThat(BuiltInRoles.name("b24988ac-6180-42a0-ab88-20f7382dd24c"))
                .contains("Contributor");
        assertThat(BuiltInRoles.name("acdd72a7-3385-48ef-bd42-f606fba81ae7")).contains("Reader");
        assertThat(BuiltInRoles.displayName(CUSTOM)).isEqualTo(CUSTOM);
        assertThat(BuiltInRoles.name(null)).isEmpty();
    }
}
