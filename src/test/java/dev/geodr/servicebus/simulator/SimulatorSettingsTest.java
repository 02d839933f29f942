package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The namespace settings Geo-DR does not replicate: taken by the admin API and seed files with
 * ARM's names, served on the namespace, networkRuleSets/default and roleAssignments paths, the
 * roleAssignmentsForbidden fault, and the User-Agent in the call log.
 */
class SimulatorSettingsTest {

    private static final String RG = "rg-settings";
    private static final String ADMIN =
            "/simulator/namespaces/" + SimulatorClient.SUB + "/" + RG + "/";
    private static final String NS_ID = SimulatorClient.nsId(RG, "settings-ns");
    private static final String ROLES = "/providers/Microsoft.Authorization/roleAssignments";
    private static final String SENDER_GUID = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private static final String P1 = "11111111-1111-1111-1111-111111111111";
    private static final String P2 = "22222222-2222-2222-2222-222222222222";

    private static final String FULL =
            "{\"publicNetworkAccess\":\"disabled\",\"disableLocalAuth\":true,\"minimumTlsVersion\":\"1.1\","
                    + "\"networkRuleSet\":{\"defaultAction\":\"Deny\",\"ipRules\":[{\"ipMask\":\"10.0.0.0/24\",\"action\":\"Allow\"},\"203.0.113.7\"],"
                    + "\"virtualNetworkRules\":[{\"subnet\":{\"id\":\"/subscriptions/"
                    + SimulatorClient.SUB
                    + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/a\"}},"
                    + "\"/subscriptions/"
                    + SimulatorClient.SUB
                    + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/b\"],"
                    + "\"trustedServiceAccessEnabled\":true},"
                    + "\"identity\":{\"type\":\"SystemAssigned\"},\"encryption\":{\"keySource\":\"Microsoft.KeyVault\"},"
                    + "\"roleAssignments\":[{\"principalId\":\""
                    + P1
                    + "\",\"roleDefinitionName\":\"Azure Service Bus Data Sender\",\"scope\":\"queues/orders\"},"
                    + "{\"principalId\":\""
                    + P2
                    + "\",\"roleDefinitionName\":\"Custom Thing\"},"
                    + "{\"principalId\":\""
                    + P2
                    + "\",\"roleDefinitionName\":\"Reader\",\"scope\":\"/subscriptions/"
                    + SimulatorClient.SUB
                    + "\"}]}";

    @Test
    void aNewNamespaceServesTheDefaultsOnAllThreePaths() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", "{}");

            JsonNode ns = c.arm("GET", NS_ID, "", null).json();
            JsonNode p = ns.path("properties");
            assertThat(p.path("publicNetworkAccess").asText()).isEqualTo("Enabled");
            assertThat(p.path("disableLocalAuth").asBoolean()).isFalse();
            assertThat(p.path("minimumTlsVersion").asText()).isEqualTo("1.2");
            assertThat(p.has("encryption")).as("no customer-managed key").isFalse();
            assertThat(ns.has("identity")).as("identity None is omitted").isFalse();

            JsonNode rules = c.arm("GET", NS_ID, "/networkRuleSets/default", null).json();
            assertThat(rules.path("name").asText()).isEqualTo("default");
            assertThat(rules.path("type").asText())
                    .isEqualTo("Microsoft.ServiceBus/Namespaces/NetworkRuleSets");
            assertThat(rules.path("id").asText()).isEqualTo(NS_ID + "/networkRuleSets/default");
            assertThat(rules.path("properties").toString())
                    .isEqualTo(
                            "{\"publicNetworkAccess\":\"Enabled\",\"defaultAction\":\"Allow\","
                                    + "\"virtualNetworkRules\":[],\"ipRules\":[],\"trustedServiceAccessEnabled\":false}");

            SimulatorClient.Resp roles =
                    c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null);
            assertThat(roles.status()).isEqualTo(200);
            assertThat(roles.json().path("value")).isEmpty();
        }
    }

    @Test
    void theAdminBodyIsServedWhereAzureServesIt() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            JsonNode view = c.putNamespace(RG, "settings-ns", FULL);
            assertThat(view.path("publicNetworkAccess").asText()).isEqualTo("Disabled");
            assertThat(view.path("roleAssignments")).hasSize(3);

            JsonNode ns = c.arm("GET", NS_ID, "", null).json();
            JsonNode p = ns.path("properties");
            assertThat(p.path("publicNetworkAccess").asText()).isEqualTo("Disabled");
            assertThat(p.path("disableLocalAuth").asBoolean()).isTrue();
            assertThat(p.path("minimumTlsVersion").asText()).isEqualTo("1.1");
            assertThat(p.path("encryption").path("keySource").asText())
                    .isEqualTo("Microsoft.KeyVault");
            assertThat(ns.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
            assertThat(ns.path("identity").path("principalId").asText()).hasSize(36);

            JsonNode rules =
                    c.arm("GET", NS_ID, "/networkRuleSets/default", null).json().path("properties");
            assertThat(rules.path("defaultAction").asText()).isEqualTo("Deny");
            assertThat(rules.path("ipRules").toString())
                    .isEqualTo(
                            "[{\"ipMask\":\"10.0.0.0/24\",\"action\":\"Allow\"},{\"ipMask\":\"203.0.113.7\",\"action\":\"Allow\"}]");
            assertThat(rules.path("virtualNetworkRules").get(1).path("subnet").path("id").asText())
                    .endsWith("/subnets/b");
            assertThat(
                            rules.path("virtualNetworkRules")
                                    .get(0)
                                    .path("ignoreMissingVnetServiceEndpoint")
                                    .isBoolean())
                    .isTrue();
            assertThat(rules.path("trustedServiceAccessEnabled").asBoolean()).isTrue();

            JsonNode all =
                    c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null)
                            .json()
                            .path("value");
            assertThat(scopes(all))
                    .as("the child scope and the inherited one, as Azure lists them")
                    .containsExactly(
                            NS_ID + "/queues/orders",
                            NS_ID,
                            "/subscriptions/" + SimulatorClient.SUB);
            JsonNode sender = all.get(0);
            assertThat(sender.path("type").asText())
                    .isEqualTo("Microsoft.Authorization/roleAssignments");
            assertThat(sender.path("name").asText()).matches("[0-9a-f-]{36}");
            assertThat(sender.path("id").asText())
                    .isEqualTo(
                            NS_ID + "/queues/orders" + ROLES + "/" + sender.path("name").asText());
            assertThat(sender.path("properties").path("roleDefinitionId").asText())
                    .isEqualTo(
                            "/subscriptions/"
                                    + SimulatorClient.SUB
                                    + "/providers/Microsoft.Authorization/roleDefinitions/"
                                    + SENDER_GUID);
            assertThat(sender.path("properties").path("principalId").asText()).isEqualTo(P1);
            assertThat(sender.path("properties").path("principalType").asText())
                    .isEqualTo("ServicePrincipal");
            String custom = all.get(1).path("properties").path("roleDefinitionId").asText();
            assertThat(custom)
                    .as("an unknown role name gets a GUID derived from it, the same every run")
                    .matches(".*/roleDefinitions/[0-9a-f-]{36}")
                    .isEqualTo(
                            c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null)
                                    .json()
                                    .path("value")
                                    .get(1)
                                    .path("properties")
                                    .path("roleDefinitionId")
                                    .asText());

            JsonNode atScope =
                    c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01&$filter=atScope()", null)
                            .json()
                            .path("value");
            assertThat(scopes(atScope))
                    .as("atScope(): the namespace and above only")
                    .containsExactly(NS_ID, "/subscriptions/" + SimulatorClient.SUB);

            assertThat(c.calls(NS_ID).stream().map(SimulatorClient.Call::operation))
                    .containsExactly(
                            "getNamespace",
                            "getNetworkRuleSet",
                            "listRoleAssignments",
                            "listRoleAssignments",
                            "listRoleAssignments");
        }
    }

    @Test
    void anUpdateKeepsTheSettingsItDoesNotName() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", FULL);
            JsonNode v =
                    c.putNamespace(
                            RG,
                            "settings-ns",
                            "{\"entities\":3,\"networkRuleSet\":{\"defaultAction\":\"Allow\"}}");
            assertThat(v.path("disableLocalAuth").asBoolean()).isTrue();
            assertThat(v.path("minimumTlsVersion").asText()).isEqualTo("1.1");
            assertThat(v.path("networkRuleSet").path("defaultAction").asText()).isEqualTo("Allow");
            assertThat(v.path("networkRuleSet").path("ipRules"))
                    .as("rules not named stay")
                    .hasSize(2);
            assertThat(v.path("identity").path("type").asText()).isEqualTo("SystemAssigned");
            assertThat(v.path("roleAssignments")).hasSize(3);
        }
    }

    @ParameterizedTest(name = "{0} refused naming {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "public access unknown | {\"publicNetworkAccess\":\"Sometimes\"} | publicNetworkAccess must be Enabled, Disabled or SecuredByPerimeter",
                "local auth not a bool | {\"disableLocalAuth\":\"yes\"} | disableLocalAuth must be true or false",
                "tls 1.3 | {\"minimumTlsVersion\":\"1.3\"} | minimumTlsVersion must be 1.0, 1.1 or 1.2",
                "tls number | {\"minimumTlsVersion\":1.2} | minimumTlsVersion must be",
                "default action | {\"networkRuleSet\":{\"defaultAction\":\"Block\"}} | networkRuleSet.defaultAction must be Allow or Deny",
                "ip mask | {\"networkRuleSet\":{\"ipRules\":[\"not-an-ip\"]}} | networkRuleSet.ipRules entries need an ipMask",
                "ip action | {\"networkRuleSet\":{\"ipRules\":[{\"ipMask\":\"1.2.3.4\",\"action\":\"Deny\"}]}} | networkRuleSet.ipRules action must be Allow",
                "subnet | {\"networkRuleSet\":{\"virtualNetworkRules\":[\"subnet-a\"]}} | networkRuleSet.virtualNetworkRules entries need a subnet id",
                "trusted | {\"networkRuleSet\":{\"trustedServiceAccessEnabled\":1}} | networkRuleSet.trustedServiceAccessEnabled must be true or false",
                "rule set not object | {\"networkRuleSet\":[]} | networkRuleSet must be an object",
                "identity type | {\"identity\":{\"type\":\"Magic\"}} | identity.type must be None, SystemAssigned, UserAssigned or SystemAssigned, UserAssigned",
                "key source | {\"encryption\":{\"keySource\":\"Microsoft.Storage\"}} | encryption.keySource must be Microsoft.KeyVault or None",
                "principal | {\"roleAssignments\":[{\"principalId\":\"bob\",\"roleDefinitionName\":\"Reader\"}]} | roleAssignments principalId must be a GUID",
                "role name | {\"roleAssignments\":[{\"principalId\":\""
                        + "11111111-1111-1111-1111-111111111111"
                        + "\"}]} | roleAssignments roleDefinitionName is required",
                "scope | {\"roleAssignments\":[{\"principalId\":\"11111111-1111-1111-1111-111111111111\",\"roleDefinitionName\":\"Reader\",\"scope\":\"queues//x\"}]} | roleAssignments scope must be a full ARM id or relative",
            })
    void badValuesGetA400NamingTheField(String row, String body, String message) {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            SimulatorClient.Resp bad = c.send("PUT", ADMIN + "settings-ns", body);
            assertThat(bad.status()).as(row).isEqualTo(400);
            assertThat(bad.errorMessage()).startsWith("[simulator]").contains(message);
            assertThat(c.send("GET", ADMIN + "settings-ns", null).status())
                    .as("nothing created")
                    .isEqualTo(404);
        }
    }

    @Test
    void aSeedFileTakesTheSameFieldsAndRefusesBadOnesByEntry(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(
                seed,
                "- subscriptionId: "
                        + SimulatorClient.SUB
                        + "\n  resourceGroup: "
                        + RG
                        + "\n  name: settings-ns\n  disableLocalAuth: true\n"
                        + "  networkRuleSet: {defaultAction: Deny, ipRules: [10.1.0.0/16]}\n"
                        + "  roleAssignments:\n    - {principalId: "
                        + P1
                        + ", roleDefinitionName: Azure Service Bus Data Owner}\n");
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual().seedFile(seed))) {
            assertThat(
                            c.arm("GET", NS_ID, "", null)
                                    .json()
                                    .path("properties")
                                    .path("disableLocalAuth")
                                    .asBoolean())
                    .isTrue();
            assertThat(
                            c.arm("GET", NS_ID, "/networkRuleSets/default", null)
                                    .json()
                                    .path("properties")
                                    .path("ipRules")
                                    .get(0)
                                    .path("ipMask")
                                    .asText())
                    .isEqualTo("10.1.0.0/16");
            assertThat(
                            c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null)
                                    .json()
                                    .path("value")
                                    .get(0)
                                    .path("properties")
                                    .path("roleDefinitionId")
                                    .asText())
                    .endsWith("/090c5cfd-751d-490a-894a-3ce6f1109419");
        }
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                "- {subscriptionId: "
                        + SimulatorClient.SUB
                        + ", resourceGroup: rg, name: settings-ns, minimumTlsVersion: '1.3'}\n");
        assertThatThrownBy(() -> SimulatorClient.start(SimulatorClient.manual().seedFile(bad)))
                .hasMessageContaining("entry 0: minimumTlsVersion must be 1.0, 1.1 or 1.2");
    }

    @Test
    void roleAssignmentsForbiddenAnswers403AuthorizationFailedUntilCleared() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", FULL);
            assertThat(
                            c.addFaults("{\"roleAssignmentsForbidden\":true}")
                                    .path("roleAssignmentsForbidden")
                                    .asBoolean())
                    .isTrue();
            SimulatorClient.Resp denied =
                    c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null);
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.errorCode()).isEqualTo("AuthorizationFailed");
            assertThat(denied.errorMessage())
                    .contains("'Microsoft.Authorization/roleAssignments/read'")
                    .contains(NS_ID);
            assertThat(c.arm("GET", NS_ID, "/networkRuleSets/default", null).status())
                    .as("only the role list is forbidden")
                    .isEqualTo(200);
            c.clearFaults();
            assertThat(c.send("GET", NS_ID + ROLES + "?api-version=2022-04-01", null).status())
                    .isEqualTo(200);
            assertThat(
                            c.send(
                                            "POST",
                                            "/simulator/faults",
                                            "{\"roleAssignmentsForbidden\":\"yes\"}")
                                    .errorMessage())
                    .contains("roleAssignmentsForbidden must be true or false");
        }
    }

    @Test
    void apiVersionsAreCheckedPerProvider() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", "{}");
            SimulatorClient.Resp sbVersionOnRoles =
                    c.send("GET", NS_ID + ROLES + "?api-version=2021-11-01", null);
            assertThat(sbVersionOnRoles.status()).isEqualTo(400);
            assertThat(sbVersionOnRoles.errorMessage()).contains("2022-04-01");
            assertThat(
                            c.send(
                                            "GET",
                                            NS_ID
                                                    + "/networkRuleSets/default?api-version=2021-11-01",
                                            null)
                                    .status())
                    .as("what azure-resourcemanager-servicebus 2.53.5 sends")
                    .isEqualTo(200);
            assertThat(c.send("GET", NS_ID + "?api-version=2024-01-01", null).status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anArmPutOfTheNamespaceSetsTheSameSettingsTheAdminApiShows() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", "{}");
            ObjectNode body =
                    (ObjectNode) c.send("GET", NS_ID + "?api-version=2026-01-01", null).json();
            ((ObjectNode) body.get("properties"))
                    .put("publicNetworkAccess", "Disabled")
                    .put("disableLocalAuth", true)
                    .put("minimumTlsVersion", "1.1");
            assertThat(c.send("PUT", NS_ID + "?api-version=2026-01-01", body.toString()).status())
                    .isEqualTo(200);

            assertThat(
                            c.arm("GET", NS_ID, "/networkRuleSets/default", null)
                                    .json()
                                    .path("properties")
                                    .path("publicNetworkAccess")
                                    .asText())
                    .isEqualTo("Disabled");
            JsonNode view = c.admin("GET", ADMIN + "settings-ns", null);
            assertThat(view.path("disableLocalAuth").asBoolean()).isTrue();
            assertThat(view.path("minimumTlsVersion").asText()).isEqualTo("1.1");
            JsonNode updated = c.putNamespace(RG, "settings-ns", "{\"minimumTlsVersion\":\"1.2\"}");
            assertThat(updated.path("minimumTlsVersion").asText()).isEqualTo("1.2");
            assertThat(
                            c.arm("GET", NS_ID, "", null)
                                    .json()
                                    .path("properties")
                                    .path("minimumTlsVersion")
                                    .asText())
                    .as("the admin API's later value wins")
                    .isEqualTo("1.2");
        }
    }

    @Test
    void theCallLogRecordsEachCallsUserAgent() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(RG, "settings-ns", "{}");
            c.arm(
                    "GET",
                    NS_ID,
                    "/networkRuleSets/default",
                    null,
                    "User-Agent",
                    "azsdk-java-test/1.0");
            c.arm("GET", NS_ID, "", null, "User-Agent", "parity-probe");
            List<SimulatorClient.Call> calls = c.calls(NS_ID);
            assertThat(calls)
                    .extracting(SimulatorClient.Call::userAgent)
                    .containsExactly("azsdk-java-test/1.0", "parity-probe");
            assertThat(
                            c.admin("GET", "/simulator/calls", null)
                                    .path("calls")
                                    .get(0)
                                    .path("userAgent")
                                    .asText())
                    .isEqualTo("azsdk-java-test/1.0");
        }
    }

    private static List<String> scopes(JsonNode value) {
        List<String> out = new ArrayList<>();
        value.forEach(a -> out.add(a.path("properties").path("scope").asText()));
        return out;
    }
}
