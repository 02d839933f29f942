package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin API contract of issue 2 item 6: namespaces, clock, calls, reset, seed files. */
class SimulatorAdminApiTest {

    private static final String NS = "/simulator/namespaces/" + SimulatorClient.SUB + "/rg-admin/";

    @Test
    void namespacesAreCreatedWithDefaultsUpdatedPartiallyListedAndDeleted() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            SimulatorClient.Resp created = c.send("PUT", NS + "ns-admin-one", null);
            assertThat(created.status()).isEqualTo(201);
            JsonNode v = created.json();
            assertThat(v.get("location").asText()).isEqualTo("West Europe");
            assertThat(v.get("sku").asText()).isEqualTo("Premium");
            assertThat(v.get("partitions").asInt()).isEqualTo(1);
            assertThat(v.get("entities").asLong()).isZero();
            assertThat(v.get("privateEndpoints").asInt()).isZero();
            assertThat(v.get("authorizationRules").get(0).get("name").asText())
                    .isEqualTo("RootManageSharedAccessKey");
            assertThat(v.get("alias").isNull()).isTrue();
            assertThat(v.toString())
                    .as("keys are never shown")
                    .doesNotContain("Key\":")
                    .doesNotContain("primaryKey");

            SimulatorClient.Resp updated =
                    c.send("PUT", NS + "ns-admin-one", "{\"entities\":4,\"sku\":\"standard\"}");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().get("entities").asLong()).isEqualTo(4);
            assertThat(updated.json().get("sku").asText()).isEqualTo("Standard");
            assertThat(updated.json().get("location").asText())
                    .as("unchanged when not given")
                    .isEqualTo("West Europe");

            c.send(
                    "PUT",
                    NS + "ns-admin-two",
                    "{\"location\":\"South Central US\",\"partitions\":2,\"privateEndpoints\":1,"
                            + "\"authorizationRules\":[{\"name\":\"sender\",\"rights\":[\"send\"]}]}");
            JsonNode list = c.send("GET", "/simulator/namespaces", null).json().get("value");
            assertThat(list).hasSize(2);
            assertThat(list.get(1).get("authorizationRules").get(1).toString())
                    .isEqualTo("{\"name\":\"sender\",\"rights\":[\"Send\"]}");
            assertThat(c.send("GET", NS + "ns-admin-two", null).json().get("partitions").asInt())
                    .isEqualTo(2);

            assertThat(c.send("DELETE", NS + "ns-admin-one", null).status()).isEqualTo(200);
            assertThat(c.send("DELETE", NS + "ns-admin-one", null).status()).isEqualTo(404);
            assertThat(c.send("GET", NS + "ns-admin-one", null).status()).isEqualTo(404);
            assertThat(c.send("GET", "/simulator/namespaces", null).json().get("value")).hasSize(1);
            SimulatorClient.Resp bad = c.send("PUT", NS + "ns-admin-three", "{\"sku\":\"Gold\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorMessage()).startsWith("[simulator]").contains("sku");
        }
    }

    @Test
    void aNamespaceGetsARootRuleWithRandom32ByteKeysAndAPairedOneCannotBeDeleted() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace("rg-admin", "ns-keys-one", "{}");
            c.putNamespace("rg-admin", "ns-keys-two", "{}");
            String one = SimulatorClient.nsId("rg-admin", "ns-keys-one");
            c.arm(
                    "PUT",
                    one,
                    "/disasterRecoveryConfigs/keys-alias",
                    SimulatorClient.partner(SimulatorClient.nsId("rg-admin", "ns-keys-two")));
            JsonNode keys =
                    c.arm(
                                    "POST",
                                    one,
                                    "/disasterRecoveryConfigs/keys-alias/authorizationRules/RootManageSharedAccessKey/listKeys",
                                    null)
                            .json();
            assertThat(Base64.getDecoder().decode(keys.get("primaryKey").asText())).hasSize(32);
            assertThat(Base64.getDecoder().decode(keys.get("secondaryKey").asText())).hasSize(32);
            SimulatorClient.Resp refused = c.send("DELETE", NS + "ns-keys-two", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.errorMessage()).contains("keys-alias");
            JsonNode alias = c.send("GET", NS + "ns-keys-one", null).json().get("alias");
            assertThat(alias.get("role").asText()).isEqualTo("Primary");
            assertThat(alias.get("provisioningState").asText()).isEqualTo("Accepted");
        }
    }

    @Test
    void settingEntitiesOnAPairedPrimarySimulatesPendingReplication() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace("rg-admin", "ns-rep-one", "{}");
            c.putNamespace("rg-admin", "ns-rep-two", "{}");
            String one = SimulatorClient.nsId("rg-admin", "ns-rep-one");
            c.arm(
                    "PUT",
                    one,
                    "/disasterRecoveryConfigs/rep-alias",
                    SimulatorClient.partner(SimulatorClient.nsId("rg-admin", "ns-rep-two")));
            c.advance(90);
            c.putNamespace("rg-admin", "ns-rep-one", "{\"entities\":90}");
            assertThat(
                            c.arm("GET", one, "/disasterRecoveryConfigs/rep-alias", null)
                                    .json()
                                    .at("/properties/pendingReplicationOperationsCount")
                                    .asLong())
                    .isEqualTo(90);
            c.advance(60);
            assertThat(
                            c.arm("GET", one, "/disasterRecoveryConfigs/rep-alias", null)
                                    .json()
                                    .at("/properties/pendingReplicationOperationsCount")
                                    .asLong())
                    .isEqualTo(30);
            assertThat(c.send("GET", NS + "ns-rep-two", null).json().get("entities").asLong())
                    .isEqualTo(60);
            assertThat(
                            c.arm(
                                            "GET",
                                            SimulatorClient.nsId("rg-admin", "ns-rep-two"),
                                            "/queues",
                                            null)
                                    .json()
                                    .get("value"))
                    .hasSize(60);
        }
    }

    @Test
    void theClockIsReadAndAdvanced() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        try (SimulatorClient c =
                SimulatorClient.start(SimulatorClient.manual().manualClockStart(start))) {
            JsonNode clock = c.send("GET", "/simulator/clock", null).json();
            assertThat(clock.get("mode").asText()).isEqualTo("manual");
            assertThat(clock.get("now").asText()).isEqualTo("2030-01-01T00:00:00Z");
            assertThat(clock.get("epochMillis").asLong()).isEqualTo(start.toEpochMilli());
            JsonNode after =
                    c.send("POST", "/simulator/clock/advance", "{\"seconds\":90.5}").json();
            assertThat(after.get("now").asText()).isEqualTo("2030-01-01T00:01:30.500Z");
            assertThat(c.send("POST", "/simulator/clock/advance", "{\"seconds\":-1}").status())
                    .isEqualTo(400);
            assertThat(c.send("GET", "/simulator/clock/advance", null).status()).isEqualTo(405);
            assertThat(c.sim.clock().now()).isEqualTo(Instant.parse("2030-01-01T00:01:30.500Z"));
        }
    }

    @Test
    void theCallLogListsArmCallsInOrderAndCanBeFilteredAndCleared() {
        try (SimulatorClient c =
                SimulatorClient.start(
                        SimulatorClient.manual()
                                .manualClockStart(Instant.parse("2030-01-01T00:00:00Z")))) {
            c.putNamespace("rg-admin", "ns-log-one", "{}");
            c.putNamespace("rg-admin", "ns-log-two", "{}");
            String one = SimulatorClient.nsId("rg-admin", "ns-log-one");
            String two = SimulatorClient.nsId("rg-admin", "ns-log-two");
            c.arm("PUT", one, "/disasterRecoveryConfigs/log-alias", SimulatorClient.partner(two));
            c.advance(90);
            c.arm("POST", one, "/disasterRecoveryConfigs/log-alias/failover", null);
            c.arm("POST", two, "/disasterRecoveryConfigs/log-alias/failover", null);
            JsonNode calls = c.send("GET", "/simulator/calls", null).json().get("calls");
            assertThat(calls).hasSize(3);
            assertThat(calls.get(0).get("method").asText()).isEqualTo("PUT");
            assertThat(calls.get(0).get("path").asText())
                    .isEqualTo(one + "/disasterRecoveryConfigs/log-alias");
            assertThat(calls.get(0).get("operation").asText()).isEqualTo("put");
            assertThat(calls.get(0).get("apiVersion").asText()).isEqualTo(SimulatorClient.API);
            assertThat(calls.get(0).get("time").asText()).isEqualTo("2030-01-01T00:00:00Z");
            assertThat(calls.get(1).get("status").asInt()).isEqualTo(400);
            assertThat(calls.get(2).get("time").asText()).isEqualTo("2030-01-01T00:01:30Z");
            JsonNode failovers =
                    c.send("GET", "/simulator/calls?operation=failover", null).json().get("calls");
            assertThat(failovers).hasSize(2);
            assertThat(
                            failovers.findValues("status").stream()
                                    .filter(s -> s.asInt() == 200)
                                    .count())
                    .isEqualTo(1);
            assertThat(c.send("DELETE", "/simulator/calls", null).json().get("calls")).isEmpty();
            assertThat(c.send("GET", "/simulator/calls", null).json().get("calls")).isEmpty();
        }
    }

    @Test
    void resetEmptiesEverythingAndReloadsTheSeed(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(
                seed,
                """
                - subscriptionId: 00000000-0000-0000-0000-000000000000
                  resourceGroup: rg-seed
                  name: ns-seed-yaml
                  location: eastus2
                  entities: 3
                  authorizationRules:
                    - {name: listener, rights: [Listen]}
                - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-seed/providers/Microsoft.ServiceBus/namespaces/ns-seed-by-id
                  sku: Standard
                """);
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual().seedFile(seed))) {
            JsonNode list = c.send("GET", "/simulator/namespaces", null).json().get("value");
            assertThat(list).hasSize(2);
            assertThat(list.get(0).get("location").asText()).isEqualTo("East US 2");
            assertThat(list.get(0).get("entities").asLong()).isEqualTo(3);
            assertThat(list.get(0).get("authorizationRules")).hasSize(2);
            assertThat(list.get(1).get("sku").asText()).isEqualTo("Standard");
            c.putNamespace("rg-seed", "ns-extra-one", "{}");
            c.send("POST", "/simulator/faults", "{\"latencyMs\":5}");
            c.arm("GET", SimulatorClient.nsId("rg-seed", "ns-extra-one"), "", null);
            SimulatorClient.Resp reset = c.send("POST", "/simulator/reset", null);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(c.send("GET", "/simulator/namespaces", null).json().get("value")).hasSize(2);
            assertThat(c.send("GET", "/simulator/calls", null).json().get("calls")).isEmpty();
            assertThat(c.send("GET", "/simulator/faults", null).json().get("latencyMs").asLong())
                    .isZero();
            assertThat(c.send("GET", "/simulator/reset", null).status()).isEqualTo(405);
        }
    }

    @Test
    void aJsonSeedFileWorksAndABadOneStopsTheStartNamingTheEntry(@TempDir Path dir)
            throws Exception {
        Path json = dir.resolve("seed.json");
        Files.writeString(
                json,
                "{\"namespaces\":[{\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\",\"name\":\"ns-json-one\","
                        + "\"privateEndpoints\":2}]}");
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual().seedFile(json))) {
            JsonNode ns =
                    c.send(
                                    "GET",
                                    "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns-json-one"
                                            + "?api-version=2021-11-01",
                                    null)
                            .json();
            assertThat(ns.at("/properties/privateEndpointConnections")).hasSize(2);
        }
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                "[{\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\",\"name\":\"ns-ok-name\"},"
                        + "{\"subscriptionId\":\"s1\",\"resourceGroup\":\"rg\",\"name\":\"x\"}]");
        assertThatThrownBy(() -> SimulatorClient.start(SimulatorClient.manual().seedFile(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 1")
                .hasMessageContaining("name");
        assertThatThrownBy(
                        () ->
                                SimulatorClient.start(
                                        SimulatorClient.manual()
                                                .seedFile(dir.resolve("missing.yaml"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing.yaml");
    }
}
