package dev.geodr.servicebus.simulator;

import static dev.geodr.servicebus.simulator.GeoClient.PRIMARY;
import static dev.geodr.servicebus.simulator.GeoClient.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST {namespace}/failover} on the manual clock: planned waits for the lag to drain with
 * the namespace read-only, then swaps; forced goes through a primary-region outage; a planned one
 * can be escalated; a second POST meanwhile is a 409; out-of-band replica removal.
 */
class GeoReplicationPromotionTest {

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

    /** 150 msg/s published, 100 replicated: after 60 s, 3000 messages behind = 30 s of lag. */
    private String laggingNamespace(String name) {
        String id = geo.seed(name, 150, 100);
        client.advance(60);
        assertThat(geo.admin(name).path("backlogMessages").asLong()).isEqualTo(3000);
        assertThat(geo.admin(name).path("lagSeconds").asLong()).isEqualTo(30);
        return id;
    }

    @Test
    void plannedPromotionIsReadOnlyUntilDrainedThenSwapsTheRoles() {
        String id = laggingNamespace("orders-planned");

        SimulatorClient.Resp post = geo.failover(id, SECONDARY, false);

        assertThat(post.status()).isEqualTo(202);
        assertThat(post.body()).isEmpty();
        String async = post.header("Azure-AsyncOperation");
        assertThat(async).contains("/locations/westeurope/operationStatuses/");
        assertThat(post.header("Location")).contains("/operationResults/");
        assertThat(post.header("Retry-After")).isEqualTo("10");
        JsonNode during = geo.admin("orders-planned");
        assertThat(during.path("readOnly").asBoolean()).isTrue();
        assertThat(during.at("/operation/phase").asText()).isEqualTo("DRAINING");
        assertThat(geo.get(id).json().at("/properties/provisioningState").asText())
                .isEqualTo("Updating");

        client.advance(29);
        assertThat(geo.admin("orders-planned").path("backlogMessages").asLong()).isEqualTo(100);
        assertThat(geo.admin("orders-planned").at("/operation/phase").asText())
                .isEqualTo("DRAINING");
        client.advance(1);
        assertThat(geo.admin("orders-planned").at("/operation/phase").asText())
                .isEqualTo("SWAPPING");
        client.advance(299);
        assertThat(geo.status(async)).isEqualTo("InProgress");
        assertThat(GeoClient.locations(geo.get(id).json())).startsWith(PRIMARY + "/Primary/Active");
        client.advance(1);

        assertThat(geo.status(async)).isEqualTo("Succeeded");
        assertThat(geo.poll(post.header("Location")).status()).isEqualTo(204);
        JsonNode after = geo.get(id).json();
        assertThat(GeoClient.locations(after))
                .containsExactly(SECONDARY + "/Primary/Active", PRIMARY + "/Secondary/Active");
        assertThat(after.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        JsonNode view = geo.admin("orders-planned");
        assertThat(view.path("readOnly").asBoolean()).isFalse();
        assertThat(view.path("lostMessages").asLong()).isZero();
        assertThat(client.count("orders-planned", "namespaceFailover")).isEqualTo(1);
    }

    @Test
    void forcedPromotionGoesThroughAnOutageOfThePrimaryRegion() {
        String id = laggingNamespace("orders-forced");
        client.addFaults("{\"regionUnreachable\":\"West Europe\"}");

        SimulatorClient.Resp get = geo.get(id);
        assertThat(get.status()).isEqualTo(503);
        assertThat(get.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(get.header("x-ms-failure-cause")).isEqualTo("gateway");
        assertThat(geo.failover(id, SECONDARY, false).status())
                .as("planned needs the primary")
                .isEqualTo(503);

        SimulatorClient.Resp post = geo.failover(id, SECONDARY, true);
        assertThat(post.status()).isEqualTo(202);
        String async = post.header("Azure-AsyncOperation");
        client.advance(299);
        assertThat(geo.status(async))
                .as("the status URL is not in the failed region")
                .isEqualTo("InProgress");
        client.advance(1);
        assertThat(geo.status(async)).isEqualTo("Succeeded");

        JsonNode after = geo.get(id).json();
        assertThat(GeoClient.locations(after))
                .containsExactly(SECONDARY + "/Primary/Active", PRIMARY + "/Secondary/Unavailable");
        assertThat(geo.admin("orders-forced").path("lostMessages").asLong())
                .as("the primary was down, so the 3000 unreplicated messages were lost")
                .isEqualTo(3000);
        SimulatorClient.Resp again = geo.failover(id, PRIMARY, false);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorMessage()).contains("Unavailable");

        SimulatorClient.Resp removal = geo.patch(id, GeoClient.geoBody(300, SECONDARY));
        assertThat(removal.status()).isEqualTo(202);
        assertThat(removal.header("Azure-AsyncOperation")).contains("/locations/northeurope/");
        client.advance(60);
        assertThat(GeoClient.locations(geo.get(id).json()))
                .containsExactly(SECONDARY + "/Primary/Active");
    }

    @Test
    void aPlannedPromotionCanBeEscalatedToForced() {
        String id = laggingNamespace("orders-escalate");
        SimulatorClient.Resp planned = geo.failover(id, SECONDARY, false);
        client.advance(10);

        SimulatorClient.Resp forced = geo.failover(id, SECONDARY, true);

        assertThat(forced.status()).isEqualTo(202);
        assertThat(forced.header("Azure-AsyncOperation"))
                .isNotEqualTo(planned.header("Azure-AsyncOperation"));
        JsonNode old = geo.poll(planned.header("Azure-AsyncOperation")).json();
        assertThat(old.path("status").asText()).isEqualTo("Canceled");
        assertThat(old.path("endTime").asText()).isNotEmpty();
        SimulatorClient.Resp oldResult = geo.poll(planned.header("Location"));
        assertThat(oldResult.status()).isEqualTo(409);
        assertThat(oldResult.errorCode()).isEqualTo("OperationCanceled");
        assertThat(geo.admin("orders-escalate").path("readOnly").asBoolean()).isFalse();
        client.advance(300);
        assertThat(geo.status(forced.header("Azure-AsyncOperation"))).isEqualTo("Succeeded");
        assertThat(GeoClient.locations(geo.get(id).json()))
                .first()
                .isEqualTo(SECONDARY + "/Primary/Active");
        // 10 s of draining at 100/s took 1000 of the 3000; the publishers resumed at escalation
        // (+50/s net for 300 s = 15000), capped by the 300 s maximum lag (30000 messages)
        assertThat(geo.admin("orders-escalate").path("lostMessages").asLong())
                .isEqualTo(2000 + 15000);
        assertThat(client.count("orders-escalate", "namespaceFailover")).isEqualTo(2);
    }

    @Test
    void aPlannedPromotionStuckByAPrimaryOutageIsEscalated() {
        String id = laggingNamespace("orders-stuck");
        String planned = geo.failover(id, SECONDARY, false).header("Azure-AsyncOperation");
        client.addFaults("{\"regionUnreachable\":\"westeurope\"}");
        client.advance(3600);
        assertThat(geo.status(planned))
                .as("nothing drains while the primary is down")
                .isEqualTo("InProgress");
        assertThat(geo.admin("orders-stuck").path("backlogMessages").asLong()).isEqualTo(3000);

        SimulatorClient.Resp forced = geo.failover(id, SECONDARY, true);

        assertThat(forced.status()).isEqualTo(202);
        assertThat(geo.status(planned)).isEqualTo("Canceled");
        client.advance(300);
        assertThat(geo.status(forced.header("Azure-AsyncOperation"))).isEqualTo("Succeeded");
        assertThat(geo.get(id).status()).as("the new primary's region is up").isEqualTo(200);
        assertThat(geo.admin("orders-stuck").path("lostMessages").asLong()).isEqualTo(3000);
    }

    @Test
    void aPromotionWhoseTargetRegionFailsEndsFailed() {
        String id = geo.seed("orders-failed");
        SimulatorClient.Resp post = geo.failover(id, SECONDARY, true);
        client.addFaults("{\"regionUnreachable\":\"northeurope\"}");
        client.advance(300);

        JsonNode status = geo.poll(post.header("Azure-AsyncOperation")).json();

        assertThat(status.path("status").asText()).isEqualTo("Failed");
        assertThat(status.at("/error/code").asText()).isEqualTo("ServiceUnavailable");
        assertThat(status.path("endTime").asText()).isNotEmpty();
        SimulatorClient.Resp result = geo.poll(post.header("Location"));
        assertThat(result.status()).isEqualTo(503);
        assertThat(result.errorCode()).isEqualTo("ServiceUnavailable");
        assertThat(GeoClient.locations(geo.get(id).json()))
                .as("roles unchanged")
                .containsExactly(PRIMARY + "/Primary/Active", SECONDARY + "/Secondary/Active");
        assertThat(geo.failover(id, SECONDARY, true).status())
                .as("target still down")
                .isEqualTo(503);
    }

    @Test
    void aSecondPromotionWhileOneRunsIsAConflict() {
        String id = laggingNamespace("orders-twice");
        assertThat(geo.failover(id, SECONDARY, true).status()).isEqualTo(202);

        SimulatorClient.Resp planned = geo.failover(id, SECONDARY, false);
        SimulatorClient.Resp forced = geo.failover(id, SECONDARY, true);

        for (SimulatorClient.Resp r : new SimulatorClient.Resp[] {planned, forced}) {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.errorCode()).isEqualTo("Conflict");
            assertThat(r.errorMessage()).startsWith("Namespace provisioning in transition.");
        }
        assertThat(geo.patch(id, GeoClient.geoBody(600, PRIMARY, SECONDARY)).status())
                .isEqualTo(409);
        assertThat(client.count("orders-twice", "namespaceFailover")).isEqualTo(3);
    }

    @Test
    void badPromotionRequestsAreRefused() {
        String id = geo.seed("orders-bad");
        assertThat(geo.failover(id, "eastus", true).errorMessage())
                .contains("is not the secondary");
        assertThat(geo.failover(id, PRIMARY, true).errorMessage()).contains("already the primary");
        assertThat(client.send("POST", id + "/failover?api-version=2026-01-01", "{}").status())
                .isEqualTo(400);
        SimulatorClient.Resp oldVersion =
                client.send(
                        "POST",
                        id + "/failover?api-version=2021-11-01",
                        "{\"properties\":{\"primaryLocation\":\"northeurope\",\"force\":true}}");
        assertThat(oldVersion.status()).isEqualTo(400);
        assertThat(oldVersion.errorCode()).isEqualTo("InvalidApiVersionParameter");
        client.putNamespace(GeoClient.RG, "orders-plain", "{\"location\":\"westeurope\"}");
        assertThat(geo.failover(GeoClient.id("orders-plain"), SECONDARY, true).errorMessage())
                .contains("no secondary");
        assertThat(geo.admin("orders-bad").path("operation").isNull()).isTrue();
    }

    @Test
    void synchronousReplicationHasNoLagToDrain() {
        client.putNamespace(
                GeoClient.RG,
                "orders-sync",
                "{\"location\":\"westeurope\",\"geoReplication\":{\"secondary\":\"northeurope\","
                        + "\"maxReplicationLagDurationInSeconds\":0,\"publishPerSecond\":1000,\"drainPerSecond\":10}}");
        client.advance(600);
        assertThat(geo.admin("orders-sync").path("lagSeconds").asLong()).isZero();

        SimulatorClient.Resp post = geo.failover(GeoClient.id("orders-sync"), SECONDARY, false);
        client.advance(300);

        assertThat(geo.status(post.header("Azure-AsyncOperation"))).isEqualTo("Succeeded");
    }

    @Test
    void anotherToolRemovingTheReplicaIsSeenWithoutArmWrites() {
        String id = geo.seed("orders-oob");
        client.admin(
                "POST",
                "/simulator/georeplication/"
                        + SimulatorClient.SUB
                        + "/"
                        + GeoClient.RG
                        + "/orders-oob/removeReplica",
                null);

        JsonNode during = geo.get(id).json();
        assertThat(during.at("/properties/provisioningState").asText()).isEqualTo("Updating");
        assertThat(GeoClient.locations(during)).contains(SECONDARY + "/Secondary/Deleting");
        client.advance(60);
        assertThat(GeoClient.locations(geo.get(id).json()))
                .containsExactly(PRIMARY + "/Primary/Active");
        assertThat(client.writes("orders-oob")).isZero();
        assertThat(client.count("orders-oob", "getNamespace")).isEqualTo(2);
    }

    @Test
    void operationUrlsAnswerAClientThatRestarted() {
        String id = geo.seed("orders-restart");
        String async = geo.failover(id, SECONDARY, true).header("Azure-AsyncOperation");
        client.advance(300);

        try (SimulatorClient fresh =
                SimulatorClient.connect(client.baseUri(), client.sim.certificatePath())) {
            JsonNode status = new GeoClient(fresh).poll(async).json();
            assertThat(status.path("status").asText()).isEqualTo("Succeeded");
            assertThat(status.path("resourceId").asText()).isEqualTo(id);
        }
    }
}
