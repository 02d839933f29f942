package dev.geodr.servicebus.simulator;

import static dev.geodr.servicebus.simulator.GeoClient.PRIMARY;
import static dev.geodr.servicebus.simulator.GeoClient.RG;
import static dev.geodr.servicebus.simulator.GeoClient.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.GeoTimings;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Namespace GET, PUT and PATCH with {@code geoDataReplication} over HTTPS: the long-running replica
 * build and removal, their operation URLs, read-modify-write of the whole body, and the documented
 * validation rules.
 */
class GeoReplicationUpdateTest {

    private SimulatorClient client;
    private GeoClient geo;

    @BeforeEach
    void start() {
        client = SimulatorClient.start(SimulatorClient.manual());
        geo = new GeoClient(client);
    }

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void theGeoBlockIsOnlyInApiVersionsThatHaveIt() {
        String id = geo.seed("orders-geo");
        JsonNode stable = geo.get(id).json();
        assertThat(GeoClient.locations(stable))
                .containsExactly(PRIMARY + "/Primary/Active", SECONDARY + "/Secondary/Active");
        assertThat(
                        stable.at(
                                        "/properties/geoDataReplication/maxReplicationLagDurationInSeconds")
                                .asInt())
                .isEqualTo(300);
        assertThat(stable.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(GeoClient.locations(geo.get(id, "2025-05-01-preview").json())).hasSize(2);
        assertThat(geo.get(id, "2021-11-01").json().path("properties").has("geoDataReplication"))
                .isFalse();
        SimulatorClient.Resp unknown = geo.get(id, "2099-01-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void addingTheSecondaryIsLongRunningUntilTheReplicaIsBuilt() {
        client.putNamespace(
                RG,
                "orders-add",
                "{\"location\":\"westeurope\",\"geoReplication\":{\"maxReplicationLagDurationInSeconds\":300}}");
        String id = GeoClient.id("orders-add");
        ObjectNode body = (ObjectNode) geo.get(id).json();
        ObjectNode geoBlock = (ObjectNode) body.at("/properties/geoDataReplication");
        ((com.fasterxml.jackson.databind.node.ArrayNode) geoBlock.get("locations"))
                .addObject()
                .put("locationName", SECONDARY)
                .put("roleType", "Secondary");

        SimulatorClient.Resp put = geo.put(id, body);

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().at("/properties/provisioningState").asText()).isEqualTo("Updating");
        assertThat(GeoClient.locations(put.json())).contains(SECONDARY + "/Secondary/Creating");
        String async = put.header("Azure-AsyncOperation");
        String location = put.header("Location");
        assertThat(async)
                .startsWith(
                        "https://127.0.0.1:"
                                + client.port()
                                + "/subscriptions/"
                                + SimulatorClient.SUB)
                .contains("/providers/Microsoft.ServiceBus/locations/westeurope/operationStatuses/")
                .endsWith("?api-version=2026-01-01");
        assertThat(location).contains("/operationResults/");
        assertThat(put.header("Retry-After")).isEqualTo("10");

        SimulatorClient.Resp running = geo.poll(async);
        assertThat(running.status()).isEqualTo(200);
        assertThat(running.json().path("status").asText()).isEqualTo("InProgress");
        assertThat(running.json().path("name").asText())
                .isEqualTo(async.replaceAll(".*/|\\?.*", ""));
        assertThat(running.json().has("startTime")).isTrue();
        assertThat(running.json().has("endTime")).isFalse();
        assertThat(running.header("Retry-After")).isEqualTo("10");
        SimulatorClient.Resp result = geo.poll(location);
        assertThat(result.status()).isEqualTo(202);
        assertThat(result.header("Location")).isEqualTo(location);
        assertThat(result.header("Retry-After")).isEqualTo("10");

        client.advance(299);
        assertThat(geo.status(async)).isEqualTo("InProgress");
        assertThat(GeoClient.locations(geo.get(id).json()))
                .contains(SECONDARY + "/Secondary/Creating");
        client.advance(1);

        SimulatorClient.Resp done = geo.poll(async);
        assertThat(done.json().path("status").asText()).isEqualTo("Succeeded");
        assertThat(done.json().path("endTime").asText()).isNotEmpty();
        assertThat(done.header("Retry-After")).isNull();
        SimulatorClient.Resp finalResult = geo.poll(location);
        assertThat(finalResult.status()).isEqualTo(200);
        assertThat(GeoClient.locations(finalResult.json()))
                .contains(SECONDARY + "/Secondary/Active");
        assertThat(geo.get(id).json().at("/properties/provisioningState").asText())
                .isEqualTo("Succeeded");
        assertThat(client.count("orders-add", "createOrUpdateNamespace")).isEqualTo(1);
        assertThat(client.count("operationStatuses", "getAsyncOperation")).isEqualTo(3);
        assertThat(client.count("operationResults", "getOperationResult")).isEqualTo(2);
    }

    @Test
    void theReplicaBuildTimeIsConfigurable() {
        try (SimulatorClient slow =
                SimulatorClient.start(
                        SimulatorClient.manual()
                                .geoTimings(
                                        GeoTimings.DEFAULTS.withReplicaBuild(
                                                Duration.ofMinutes(20))))) {
            GeoClient g = new GeoClient(slow);
            slow.putNamespace(
                    RG,
                    "orders-slow",
                    "{\"location\":\"westeurope\",\"geoReplication\":{\"maxReplicationLagDurationInSeconds\":300}}");
            String id = GeoClient.id("orders-slow");
            String async =
                    g.put(id, GeoClient.geoBody(300, PRIMARY, SECONDARY))
                            .header("Azure-AsyncOperation");

            slow.advance(1199);
            assertThat(g.status(async)).isEqualTo("InProgress");
            slow.advance(1);
            assertThat(g.status(async)).isEqualTo("Succeeded");
        }
    }

    @Test
    void patchRemovingTheSecondaryAnswers202AndDeletesTheReplica() {
        String id = geo.seed("orders-remove");

        SimulatorClient.Resp patch = geo.patch(id, GeoClient.geoBody(300, PRIMARY));

        assertThat(patch.status()).isEqualTo(202);
        assertThat(patch.body()).isEmpty();
        assertThat(patch.header("Azure-AsyncOperation")).contains("/operationStatuses/");
        assertThat(patch.header("Location")).contains("/operationResults/");
        assertThat(GeoClient.locations(geo.get(id).json()))
                .contains(SECONDARY + "/Secondary/Deleting");
        client.advance(60);
        assertThat(geo.status(patch.header("Azure-AsyncOperation"))).isEqualTo("Succeeded");
        assertThat(GeoClient.locations(geo.get(id).json()))
                .containsExactly(PRIMARY + "/Primary/Active");
        assertThat(client.count("orders-remove", "updateNamespace")).isEqualTo(1);
    }

    @Test
    void aGetThenPutOfTheWholeBodyKeepsEveryOtherProperty() {
        String id = geo.seed("orders-rmw");
        ObjectNode first = (ObjectNode) geo.get(id).json();
        first.putObject("tags").put("env", "prod").put("owner", "team-dr");
        ObjectNode props = (ObjectNode) first.get("properties");
        props.put("disableLocalAuth", true);
        props.put("minimumTlsVersion", "1.2");
        props.put("someFutureProperty", "kept");
        SimulatorClient.Resp plain = geo.put(id, first);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Azure-AsyncOperation")).as("no geo change, no LRO").isNull();

        ObjectNode before = (ObjectNode) geo.get(id).json();
        ObjectNode edited = before.deepCopy();
        ((ObjectNode) edited.at("/properties/geoDataReplication"))
                .put("maxReplicationLagDurationInSeconds", 600);
        SimulatorClient.Resp put = geo.put(id, edited);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.header("Azure-AsyncOperation")).isNotNull();
        client.advance(30);
        assertThat(geo.status(put.header("Azure-AsyncOperation"))).isEqualTo("Succeeded");

        ObjectNode after = (ObjectNode) geo.get(id).json();
        assertThat(
                        after.at(
                                        "/properties/geoDataReplication/maxReplicationLagDurationInSeconds")
                                .asInt())
                .isEqualTo(600);
        assertThat(withoutVolatile(after)).isEqualTo(withoutVolatile(before));
        assertThat(after.path("tags").path("owner").asText()).isEqualTo("team-dr");
        assertThat(after.at("/properties/disableLocalAuth").asBoolean()).isTrue();
        assertThat(after.at("/properties/someFutureProperty").asText()).isEqualTo("kept");
        assertThat(after.path("sku")).isEqualTo(before.path("sku"));
    }

    private static JsonNode withoutVolatile(ObjectNode ns) {
        ObjectNode copy = ns.deepCopy();
        ObjectNode p = (ObjectNode) copy.get("properties");
        p.remove("geoDataReplication");
        p.remove("updatedAt");
        return copy;
    }

    @Test
    void documentedLimitsAreRefusedWithArmErrorsAndChangeNothing() throws IOException {
        String id = geo.seed("orders-rules");
        client.putNamespace(
                RG, "orders-standard", "{\"location\":\"westeurope\",\"sku\":\"Standard\"}");

        assertRefused(
                GeoClient.id("orders-standard"),
                GeoClient.geoBody(300, PRIMARY, SECONDARY),
                400,
                "Premium");
        assertRefused(
                id,
                GeoClient.geoBody(300, PRIMARY, SECONDARY, "eastus"),
                400,
                "exactly one secondary");
        assertRefused(id, GeoClient.geoBody(299, PRIMARY, SECONDARY), 400, "between 300 and 86400");
        assertRefused(
                id, GeoClient.geoBody(86_401, PRIMARY, SECONDARY), 400, "between 300 and 86400");
        assertRefused(id, GeoClient.geoBody(300, PRIMARY, "West Europe"), 400, "must differ");
        assertRefused(
                id, GeoClient.geoBody(300, SECONDARY, PRIMARY), 400, "only through the failover");
        assertRefused(id, GeoClient.geoBody(300, PRIMARY, "eastus"), 400, "two steps");

        client.putNamespace(RG, "orders-alias", "{\"location\":\"westeurope\"}");
        client.putNamespace(RG, "orders-alias-2", "{\"location\":\"northeurope\"}");
        String aliasHolder = GeoClient.id("orders-alias");
        assertThat(
                        client.arm(
                                        "PUT",
                                        aliasHolder,
                                        "/disasterRecoveryConfigs/orders-dr",
                                        SimulatorClient.partner(GeoClient.id("orders-alias-2")))
                                .status())
                .isEqualTo(200);
        assertRefused(aliasHolder, GeoClient.geoBody(300, PRIMARY, SECONDARY), 400, "Geo-DR alias");
        client.putNamespace(RG, "orders-alias-3", "{\"location\":\"eastus\"}");
        SimulatorClient.Resp aliasOnGeo =
                client.arm(
                        "PUT",
                        GeoClient.id("orders-alias-3"),
                        "/disasterRecoveryConfigs/orders-dr2",
                        SimulatorClient.partner(id));
        assertThat(aliasOnGeo.status()).as("nor the other way round").isEqualTo(400);
        assertThat(aliasOnGeo.errorMessage()).contains("cannot be combined with a Geo-DR alias");

        SimulatorClient.Resp building = geo.patch(id, GeoClient.geoBody(600, PRIMARY, SECONDARY));
        assertThat(building.status()).isEqualTo(202);
        SimulatorClient.Resp conflict = geo.patch(id, GeoClient.geoBody(900, PRIMARY, SECONDARY));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("Conflict");
        assertThat(conflict.errorMessage()).startsWith("Namespace provisioning in transition.");
        client.advance(30);
        assertThat(
                        geo.get(id)
                                .json()
                                .at(
                                        "/properties/geoDataReplication/maxReplicationLagDurationInSeconds")
                                .asInt())
                .isEqualTo(600);
    }

    private void assertRefused(String id, JsonNode body, int status, String text) {
        String before = geo.get(id).body();
        SimulatorClient.Resp r = geo.put(id, body);
        assertThat(r.status()).as(Json.write(body)).isEqualTo(status);
        assertThat(r.errorCode()).isEqualTo("BadRequest");
        assertThat(r.errorMessage()).contains(text).contains("CorrelationId: ");
        assertThat(geo.get(id).body()).as("unchanged").isEqualTo(before);
    }
}
