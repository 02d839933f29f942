package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin contract of Geo-Replication: seeding, rates, faults, reset. */
class GeoReplicationAdminTest {

    private static final String GEO =
            "/simulator/georeplication/" + SimulatorClient.SUB + "/" + GeoClient.RG;

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
    void aSeedShowsInBothAdminViews() {
        geo.seed("orders-view", 5, 50);
        JsonNode view = geo.admin("orders-view");
        assertThat(view.path("primary").asText()).isEqualTo("westeurope");
        assertThat(view.path("secondary").asText()).isEqualTo("northeurope");
        assertThat(view.path("replicaState").asText()).isEqualTo("Active");
        assertThat(view.path("publishPerSecond").asDouble()).isEqualTo(5);
        assertThat(view.path("drainPerSecond").asDouble()).isEqualTo(50);
        assertThat(view.path("operation").isNull()).isTrue();
        JsonNode ns =
                client.admin(
                        "GET",
                        "/simulator/namespaces/"
                                + SimulatorClient.SUB
                                + "/"
                                + GeoClient.RG
                                + "/orders-view",
                        null);
        assertThat(ns.path("geoReplication")).isEqualTo(view);

        client.putNamespace(GeoClient.RG, "orders-view", "{\"geoReplication\":null}");
        assertThat(client.send("GET", GEO + "/orders-view", null).status()).isEqualTo(404);
        assertThat(
                        geo.get(GeoClient.id("orders-view"))
                                .json()
                                .path("properties")
                                .has("geoDataReplication"))
                .isFalse();
    }

    @Test
    void aRefusedSeedCreatesNothing() {
        SimulatorClient.Resp standard =
                client.send(
                        "PUT",
                        "/simulator/namespaces/"
                                + SimulatorClient.SUB
                                + "/"
                                + GeoClient.RG
                                + "/orders-std",
                        "{\"sku\":\"Standard\",\"geoReplication\":{\"secondary\":\"northeurope\"}}");
        assertThat(standard.status()).isEqualTo(400);
        assertThat(standard.errorMessage()).contains("Premium");
        assertThat(
                        client.send(
                                        "GET",
                                        "/simulator/namespaces/"
                                                + SimulatorClient.SUB
                                                + "/"
                                                + GeoClient.RG
                                                + "/orders-std",
                                        null)
                                .status())
                .isEqualTo(404);

        SimulatorClient.Resp badLag =
                client.send(
                        "PUT",
                        "/simulator/namespaces/"
                                + SimulatorClient.SUB
                                + "/"
                                + GeoClient.RG
                                + "/orders-lag",
                        "{\"geoReplication\":{\"maxReplicationLagDurationInSeconds\":10}}");
        assertThat(badLag.status()).isEqualTo(400);
        assertThat(
                        client.send(
                                        "GET",
                                        "/simulator/namespaces/"
                                                + SimulatorClient.SUB
                                                + "/"
                                                + GeoClient.RG
                                                + "/orders-lag",
                                        null)
                                .status())
                .isEqualTo(404);
    }

    @Test
    void ratesAreValidated() {
        geo.seed("orders-rates");
        assertThat(
                        client.send("PUT", GEO + "/orders-rates/rates", "{\"drainPerSecond\":0}")
                                .status())
                .isEqualTo(400);
        assertThat(
                        client.send("PUT", GEO + "/orders-rates/rates", "{\"publishPerSecond\":-1}")
                                .status())
                .isEqualTo(400);
        assertThat(client.send("PUT", GEO + "/missing/rates", "{\"publishPerSecond\":1}").status())
                .isEqualTo(404);
        assertThat(geo.rates("orders-rates", 7, 70).path("drainPerSecond").asDouble())
                .isEqualTo(70);
    }

    @Test
    void regionAndMetricsFaultsAreListedAndCleared() {
        JsonNode faults =
                client.addFaults(
                        "{\"regionUnreachable\":[\"West Europe\",\"eastus\"],\"metricsForbidden\":true}");
        assertThat(faults.path("unreachableRegions").toString())
                .isEqualTo("[\"westeurope\",\"eastus\"]");
        assertThat(faults.path("metricsForbidden").asBoolean()).isTrue();
        assertThat(
                        client.addFaults("{\"regionReachable\":\"eastus\"}")
                                .path("unreachableRegions")
                                .toString())
                .isEqualTo("[\"westeurope\"]");
        assertThat(client.send("POST", "/simulator/faults", "{\"regionUnreachable\":5}").status())
                .isEqualTo(400);

        client.clearFaults();

        JsonNode cleared = client.admin("GET", "/simulator/faults", null);
        assertThat(cleared.path("unreachableRegions")).isEmpty();
        assertThat(cleared.path("metricsForbidden").asBoolean()).isFalse();
    }

    @Test
    void failNextKnowsTheNewOperations() {
        String id = geo.seed("orders-fail");
        client.addFaults("{\"failNext\":{\"operation\":\"namespaceFailover\",\"status\":500}}");

        assertThat(geo.failover(id, GeoClient.SECONDARY, true).status()).isEqualTo(500);

        assertThat(geo.admin("orders-fail").path("operation").isNull())
                .as("a failed call changes nothing")
                .isTrue();
        assertThat(geo.failover(id, GeoClient.SECONDARY, true).status()).isEqualTo(202);
    }

    @Test
    void aSeedFileCanHoldGeoReplication(@TempDir Path dir) throws IOException {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(
                seed,
                """
                - id: /subscriptions/%s/resourceGroups/%s/providers/Microsoft.ServiceBus/namespaces/orders-seeded
                  location: westeurope
                  geoReplication:
                    secondary: North Europe
                    maxReplicationLagDurationInSeconds: 600
                    publishPerSecond: 20
                """
                        .formatted(SimulatorClient.SUB, GeoClient.RG));
        try (SimulatorClient seeded =
                SimulatorClient.start(SimulatorClient.manual().seedFile(seed))) {
            GeoClient g = new GeoClient(seeded);
            assertThat(g.admin("orders-seeded").path("maxReplicationLagDurationInSeconds").asInt())
                    .isEqualTo(600);
            g.failover(GeoClient.id("orders-seeded"), GeoClient.SECONDARY, true);

            seeded.reset();

            JsonNode again = g.admin("orders-seeded");
            assertThat(again.path("primary").asText())
                    .as("reset seeds afresh")
                    .isEqualTo("westeurope");
            assertThat(again.path("secondary").asText()).isEqualTo("northeurope");
            assertThat(again.path("publishPerSecond").asDouble()).isEqualTo(20);
            assertThat(again.path("operation").isNull()).isTrue();
        }
    }

    @Test
    void resetForgetsTheOperations() {
        String id = geo.seed("orders-reset");
        String async = geo.failover(id, GeoClient.SECONDARY, true).header("Azure-AsyncOperation");

        client.reset();

        SimulatorClient.Resp gone = geo.poll(async);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NotFound");
    }
}
