package dev.geodr.servicebus.simulator;

import static dev.geodr.servicebus.simulator.SimulatorExamplesTest.shape;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One spec example: seeds what its request needs (namespaces, a pairing in the right state), sends
 * exactly the example request, and compares with the example response. Quirk differences (§2.12)
 * are asserted one by one, so a change in either direction is noticed.
 */
final class ExampleCase {

    private final SimulatorClient c;
    private final JsonNode p;
    private final String sub;
    private final String rg;
    private final String ns;
    private final String alias;
    private final String api;
    private final JsonNode ok;

    /** Whose example this is: paths, seeded namespaces and expected types follow its row. */
    private final ArmProvider provider;

    ExampleCase(SimulatorClient client, JsonNode example) {
        this(client, example, ArmProvider.SERVICE_BUS);
    }

    ExampleCase(SimulatorClient client, JsonNode example, ArmProvider provider) {
        this.provider = provider;
        this.c = client;
        this.p = example.get("parameters");
        this.sub = p.get("subscriptionId").asText();
        this.rg = p.get("resourceGroupName").asText();
        this.ns = p.get("namespaceName").asText();
        this.alias = p.path("alias").asText(null);
        this.api = p.get("api-version").asText();
        this.ok = example.get("responses").get("200");
    }

    private String nsId(String name) {
        return "/subscriptions/"
                + sub
                + "/resourceGroups/"
                + rg
                + "/providers/"
                + provider.segment()
                + "/namespaces/"
                + name;
    }

    private void namespace(String name, String body) {
        String withProvider =
                "{\"provider\":\""
                        + provider.segment()
                        + "\""
                        + (body.equals("{}") ? "}" : "," + body.substring(1));
        SimulatorClient.Resp r =
                c.send("PUT", "/simulator/namespaces/" + sub + "/" + rg + "/" + name, withProvider);
        assertThat(r.status() / 100).as("seed " + name + ": " + r.body()).isEqualTo(2);
    }

    private SimulatorClient.Resp call(String method, String nsName, String suffix, String body) {
        return c.send(method, nsId(nsName) + suffix + "?api-version=" + api, body);
    }

    /**
     * Pairs {@code primary -> secondary} under the example's alias and lets it complete if asked.
     */
    private void pair(String primary, String secondary, boolean complete) {
        namespace(primary, "{}");
        namespace(secondary, "{}");
        SimulatorClient.Resp r =
                call(
                        "PUT",
                        primary,
                        "/disasterRecoveryConfigs/" + alias,
                        SimulatorClient.partner(nsId(secondary)));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        if (complete) {
            c.advance(90);
        }
    }

    /**
     * The example's quirky values next to ours: the DR resource type, the id segment, the partner
     * form.
     */
    private void assertDrQuirks(JsonNode exampleBody, JsonNode ours, String partnerName) {
        assertThat(exampleBody.get("type").asText())
                .isEqualTo(provider.childType("DisasterRecoveryConfig"));
        assertThat(ours.get("type").asText()).isEqualTo(provider.drType());
        assertThat(exampleBody.get("id").asText()).contains("/disasterRecoveryConfig/");
        assertThat(ours.get("id").asText())
                .contains("/disasterRecoveryConfigs/")
                .doesNotContain("/disasterRecoveryConfig/");
        assertThat(exampleBody.at("/properties/partnerNamespace").asText()).isEqualTo(partnerName);
        assertThat(ours.at("/properties/partnerNamespace").asText()).isEqualTo(nsId(partnerName));
        assertThat(ours.at("/properties/type").asText())
                .as("always MetadataReplication")
                .isEqualTo("MetadataReplication");
        assertThat(ours.has("location")).isFalse();
        assertThat(ours.has("systemData")).isFalse();
    }

    /** Same keys as the example, except keys the example lacks/has only because of a quirk. */
    private static void assertShape(
            JsonNode exampleBody, JsonNode ours, Set<String> onlyOurs, Set<String> onlyExample) {
        Set<String> expected = new TreeSet<>(shape(exampleBody));
        expected.removeAll(onlyExample);
        expected.addAll(onlyOurs);
        assertThat(shape(ours)).isEqualTo(expected);
    }

    void create() {
        namespace(ns, "{}");
        String partnerName = p.at("/parameters/properties/partnerNamespace").asText();
        namespace(partnerName, "{}");
        SimulatorClient.Resp r =
                call(
                        "PUT",
                        ns,
                        "/disasterRecoveryConfigs/" + alias,
                        Json.write(p.get("parameters")));
        assertThat(r.status()).as("200, never 201 (quirk: the example lists 201)").isEqualTo(200);
        JsonNode ex = ok.get("body");
        assertShape(ex, r.json(), Set.of("properties.type"), Set.of());
        assertThat(r.json().get("name").asText()).isEqualTo(ex.get("name").asText());
        assertThat(r.json().at("/properties/alternateName"))
                .isEqualTo(ex.at("/properties/alternateName"));
        assertThat(r.json().at("/properties/role")).isEqualTo(ex.at("/properties/role"));
        assertThat(r.json().at("/properties/provisioningState"))
                .isEqualTo(ex.at("/properties/provisioningState"));
        assertDrQuirks(ex, r.json(), partnerName);
    }

    void get() {
        // The example asks the primary (8860) but answers with the secondary's record (37) in
        // Accepted with a
        // pending count of 0. We answer the namespace asked for; the secondary's view never has the
        // count.
        JsonNode ex = ok.get("body");
        String secondary =
                ex.at("/properties/partnerNamespace").asText().equals(ns) ? "sdk-Namespace-37" : ns;
        pair(ns, secondary, false);
        SimulatorClient.Resp asked = call("GET", ns, "/disasterRecoveryConfigs/" + alias, null);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.json().at("/properties/role").asText()).isEqualTo("Primary");
        SimulatorClient.Resp sec =
                call("GET", secondary, "/disasterRecoveryConfigs/" + alias, null);
        assertShape(
                ex,
                sec.json(),
                Set.of("properties.type"),
                Set.of("properties.pendingReplicationOperationsCount"));
        assertThat(ex.at("/properties/pendingReplicationOperationsCount").isMissingNode())
                .isFalse();
        assertThat(sec.json().at("/properties/pendingReplicationOperationsCount").isMissingNode())
                .as("quirk: a secondary never carries the count")
                .isTrue();
        assertThat(sec.json().at("/properties/role")).isEqualTo(ex.at("/properties/role"));
        assertThat(sec.json().at("/properties/provisioningState"))
                .isEqualTo(ex.at("/properties/provisioningState"));
        assertThat(sec.json().get("name")).isEqualTo(ex.get("name"));
        assertDrQuirks(ex, sec.json(), ns);
    }

    void list() {
        JsonNode ex = ok.at("/body/value/0");
        pair(ns, ex.at("/properties/partnerNamespace").asText(), false);
        SimulatorClient.Resp r = call("GET", ns, "/disasterRecoveryConfigs", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().has("nextLink")).isFalse();
        assertThat(r.json().get("value")).hasSize(1);
        JsonNode ours = r.json().get("value").get(0);
        assertShape(ex, ours, Set.of("properties.type"), Set.of());
        assertThat(ours.get("name")).isEqualTo(ex.get("name"));
        assertThat(ours.at("/properties/role")).isEqualTo(ex.at("/properties/role"));
        assertThat(ours.at("/properties/provisioningState"))
                .isEqualTo(ex.at("/properties/provisioningState"));
        assertDrQuirks(ex, ours, ex.at("/properties/partnerNamespace").asText());
    }

    void delete() {
        pair(ns, "sdk-Namespace-37", true);
        assertThat(
                        call(
                                        "POST",
                                        ns,
                                        "/disasterRecoveryConfigs/" + alias + "/breakPairing",
                                        null)
                                .status())
                .isEqualTo(200);
        c.advance(120);
        SimulatorClient.Resp r = call("DELETE", ns, "/disasterRecoveryConfigs/" + alias, null);
        assertThat(r.status()).as("200, never 204 (quirk: the example lists 204)").isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    void breakPairing() {
        pair(ns, "sdk-Namespace-37", true);
        SimulatorClient.Resp r =
                call("POST", ns, "/disasterRecoveryConfigs/" + alias + "/breakPairing", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(ok.has("body")).isFalse();
    }

    void failover() {
        pair(
                "sdk-Namespace-37",
                ns,
                true); // failover is called on the secondary, which the example names
        SimulatorClient.Resp r =
                call("POST", ns, "/disasterRecoveryConfigs/" + alias + "/failover", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(ok.has("body")).isFalse();
    }

    void checkName() {
        namespace(ns, "{}");
        SimulatorClient.Resp r =
                call(
                        "POST",
                        ns,
                        "/disasterRecoveryConfigs/" + provider.checkNameSpelling(),
                        Json.write(p.get("parameters")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode ex = ok.get("body");
        assertShape(ex, r.json(), Set.of(), Set.of("message"));
        assertThat(ex.get("message").asText())
                .as("quirk: the example has an empty message")
                .isEmpty();
        assertThat(r.json().has("message")).isFalse();
        assertThat(r.json().get("nameAvailable")).isEqualTo(ex.get("nameAvailable"));
        assertThat(r.json().get("reason")).isEqualTo(ex.get("reason"));
    }

    private String ruleSegment() {
        return api.equals("2017-04-01") ? "AuthorizationRules" : "authorizationRules";
    }

    private void pairWithRules(JsonNode exampleRules) {
        StringBuilder rules = new StringBuilder();
        for (JsonNode r : exampleRules) {
            if (!r.get("name").asText().equals("RootManageSharedAccessKey")) {
                rules.append(rules.length() == 0 ? "" : ",")
                        .append("{\"name\":\"")
                        .append(r.get("name").asText())
                        .append("\",\"rights\":")
                        .append(r.at("/properties/rights"))
                        .append("}");
            }
        }
        namespace(ns, "{\"location\":\"westeurope\",\"authorizationRules\":[" + rules + "]}");
        pair(ns, ns + "-partner", true);
    }

    private void assertRuleQuirks(JsonNode exampleRule, JsonNode ours) {
        assertThat(exampleRule.get("type").asText())
                .isEqualTo(provider.childType("DisasterRecoveryConfig/AuthorizationRules"));
        assertThat(ours.get("type").asText()).isEqualTo(provider.childType("AuthorizationRules"));
        assertThat(exampleRule.has("location")).isFalse();
        assertThat(ours.get("location").asText()).isEqualTo("West Europe");
        assertThat(ours.get("name")).isEqualTo(exampleRule.get("name"));
        assertThat(ours.at("/properties/rights")).isEqualTo(exampleRule.at("/properties/rights"));
    }

    void listRules() {
        JsonNode ex = ok.at("/body/value");
        pairWithRules(ex);
        SimulatorClient.Resp r =
                call("GET", ns, "/disasterRecoveryConfigs/" + alias + "/" + ruleSegment(), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("value")).hasSize(ex.size());
        for (int i = 0; i < ex.size(); i++) {
            JsonNode ours = r.json().get("value").get(i);
            assertShape(ex.get(i), ours, Set.of("location"), Set.of());
            assertRuleQuirks(ex.get(i), ours);
            // the example's ids say AuthorizationRules while the 2024 path is authorizationRules;
            // ids echo the request
            assertThat(ours.get("id").asText()).isEqualToIgnoringCase(ex.get(i).get("id").asText());
        }
    }

    void getRule() {
        String rule = p.get("authorizationRuleName").asText();
        JsonNode ex = ok.get("body");
        pairWithRules(Json.array().add(ex));
        SimulatorClient.Resp r =
                call(
                        "GET",
                        ns,
                        "/disasterRecoveryConfigs/" + alias + "/" + ruleSegment() + "/" + rule,
                        null);
        assertThat(r.status()).isEqualTo(200);
        assertShape(ex, r.json(), Set.of("location"), Set.of());
        assertRuleQuirks(ex, r.json());
        // quirk: the example's id names alias sdk-DisasterRecovery-4047 while its request names
        // 4879
        assertThat(ex.get("id").asText()).doesNotContain("/" + alias + "/");
        assertThat(r.json().get("id").asText())
                .isEqualTo(
                        nsId(ns)
                                + "/disasterRecoveryConfigs/"
                                + alias
                                + "/"
                                + ruleSegment()
                                + "/"
                                + rule);
    }

    void listKeys() {
        String rule = p.get("authorizationRuleName").asText();
        namespace(
                ns,
                "{\"authorizationRules\":[{\"name\":\""
                        + rule
                        + "\",\"rights\":[\"Listen\",\"Send\"]}]}");
        pair(ns, ns + "-partner", true);
        SimulatorClient.Resp r =
                call(
                        "POST",
                        ns,
                        "/disasterRecoveryConfigs/"
                                + alias
                                + "/"
                                + ruleSegment()
                                + "/"
                                + rule
                                + "/listKeys",
                        null);
        assertThat(r.status()).isEqualTo(200);
        JsonNode ex = ok.get("body");
        assertShape(ex, r.json(), Set.of(), Set.of());
        assertThat(r.json().get("keyName")).isEqualTo(ex.get("keyName"));
        String host = alias.toLowerCase(Locale.ROOT);
        // quirks: the example uses servicebus.windows-int.net and names RootManageSharedAccessKey
        // in the string
        assertThat(ex.get("aliasPrimaryConnectionString").asText())
                .contains(host + ".servicebus.windows-int.net/")
                .contains("SharedAccessKeyName=RootManageSharedAccessKey;");
        assertThat(r.json().get("aliasPrimaryConnectionString").asText())
                .isEqualTo(
                        "Endpoint=sb://"
                                + host
                                + ".servicebus.windows.net/;SharedAccessKeyName="
                                + rule
                                + ";SharedAccessKey="
                                + r.json().get("primaryKey").asText());
        assertThat(r.json().get("primaryKey").asText())
                .hasSize(ex.get("primaryKey").asText().length());
    }
}
