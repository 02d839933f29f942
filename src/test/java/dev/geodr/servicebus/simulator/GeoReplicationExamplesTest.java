package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Geo-Replication REST-spec examples in {@code arm-fixtures/examples/georeplication/}: each
 * request is sent as the example has it, and the answer must carry every key and header of the
 * example's response; the example quirks (README there) are asserted where they differ.
 */
class GeoReplicationExamplesTest {

    private SimulatorClient client;

    @BeforeEach
    void start() {
        client = SimulatorClient.start(SimulatorClient.manual());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    private static JsonNode example(String file) throws IOException {
        return Json.MAPPER.readTree(
                Fixtures.root().resolve("examples/georeplication").resolve(file).toFile());
    }

    private static String nsPath(JsonNode params) {
        return SimulatorClient.nsId(
                params.path("subscriptionId").asText(),
                params.path("resourceGroupName").asText(),
                params.path("namespaceName").asText());
    }

    private void seed(JsonNode params, String json) {
        client.putNamespace(
                params.path("subscriptionId").asText(),
                params.path("resourceGroupName").asText(),
                params.path("namespaceName").asText(),
                json);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2026-01-01/SBNamespaceFailover.json",
                "2025-05-01-preview/SBNamespaceFailover.json"
            })
    void namespaceFailover(String file) throws IOException {
        JsonNode ex = example(file);
        JsonNode params = ex.path("parameters");
        String target = params.at("/parameters/properties/primaryLocation").asText();
        seed(
                params,
                "{\"location\":\"eastus\",\"geoReplication\":{\"secondary\":\"" + target + "\"}}");

        SimulatorClient.Resp r =
                client.send(
                        "POST",
                        nsPath(params)
                                + "/failover?api-version="
                                + params.path("api-version").asText(),
                        Json.write(params.path("parameters")));

        assertThat(r.status()).isEqualTo(202);
        for (Iterator<String> it = ex.at("/responses/202/headers").fieldNames(); it.hasNext(); ) {
            String header = it.next();
            // quirk: the example's values are placeholders (an EventHub URL, http://azure.async...)
            assertThat(r.header(header)).as(header).startsWith("https://127.0.0.1:");
        }
        assertThat(r.header("Azure-AsyncOperation"))
                .endsWith("?api-version=" + params.path("api-version").asText());
        assertThat(r.header("Retry-After"))
                .as("not in the example, but ARM's convention")
                .isNotNull();
        client.advance(300);
        assertThat(new GeoClient(client).status(r.header("Azure-AsyncOperation")))
                .isEqualTo("Succeeded");
    }

    @Test
    void eventHubsFailoverHasTheSameHeaders() throws IOException {
        assertThat(headerNames(example("2026-01-01/EHNamespaceFailover.json")))
                .isEqualTo(headerNames(example("2026-01-01/SBNamespaceFailover.json")))
                .containsExactly("azure-asyncoperation", "location");
    }

    private static Set<String> headerNames(JsonNode ex) {
        Set<String> out = new TreeSet<>();
        ex.at("/responses/202/headers")
                .fieldNames()
                .forEachRemaining(h -> out.add(h.toLowerCase(Locale.ROOT)));
        return out;
    }

    @Test
    void namespaceCreateOrUpdateWithGeoDataReplication() throws IOException {
        JsonNode ex = example("2026-01-01/SBNameSpaceCreate.json");
        JsonNode params = ex.path("parameters");
        seed(params, "{\"location\":\"South Central US\",\"partitions\":2}");

        SimulatorClient.Resp r =
                client.send(
                        "PUT",
                        nsPath(params) + "?api-version=2026-01-01",
                        Json.write(params.path("parameters")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(SimulatorExamplesTest.shape(r.json()))
                .containsAll(SimulatorExamplesTest.shape(ex.at("/responses/200/body")));
        // quirks: the example says "Created" and renames the namespace; the simulator is Updating
        assertThat(r.json().at("/properties/provisioningState").asText()).isEqualTo("Updating");
        assertThat(r.json().path("name").asText()).isEqualTo(params.path("namespaceName").asText());
        assertThat(r.json().path("tags")).isEqualTo(ex.at("/responses/200/body/tags"));
        JsonNode geo = r.json().at("/properties/geoDataReplication");
        assertThat(geo.path("maxReplicationLagDurationInSeconds").asInt()).isEqualTo(300);
        assertThat(GeoClient.locations(r.json()))
                .containsExactly("eastus/Primary/Active", "southcentralus/Secondary/Creating");

        // the Event Hubs example is the only one with replicaState: same keys, same words
        JsonNode eh = example("2026-01-01/NamespaceWithGeoDRCreate.json");
        JsonNode ehLocations = eh.at("/responses/200/body/properties/geoDataReplication/locations");
        Set<String> words = new TreeSet<>();
        ehLocations.forEach(l -> words.add(l.path("replicaState").asText()));
        assertThat(words).containsExactly("Active", "Creating");
        for (JsonNode l : geo.path("locations")) {
            assertThat(words).contains(l.path("replicaState").asText());
            assertThat(SimulatorExamplesTest.shape(l))
                    .isEqualTo(SimulatorExamplesTest.shape(ehLocations.get(0)));
        }
        assertThat(r.header("Azure-AsyncOperation")).isNotNull();
    }

    @Test
    void namespaceUpdateOfTagsIsSynchronous() throws IOException {
        JsonNode ex = example("2026-01-01/SBNameSpaceUpdate.json");
        JsonNode params = ex.path("parameters");
        seed(params, "{\"location\":\"South Central US\",\"sku\":\"Standard\"}");

        SimulatorClient.Resp r =
                client.send(
                        "PATCH",
                        nsPath(params) + "?api-version=2026-01-01",
                        Json.write(params.path("parameters")));

        assertThat(r.status()).isEqualTo(200);
        Set<String> expected = SimulatorExamplesTest.shape(ex.at("/responses/200/body"));
        // quirk: the example answers an ipV6Enabled its request never set
        expected.remove("properties.ipV6Enabled");
        assertThat(SimulatorExamplesTest.shape(r.json())).containsAll(expected);
        assertThat(r.json().path("tags")).isEqualTo(ex.at("/responses/200/body/tags"));
        // no geo change, so no long-running operation (the example also documents a 202)
        assertThat(r.json().at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(r.header("Azure-AsyncOperation")).isNull();
    }
}
