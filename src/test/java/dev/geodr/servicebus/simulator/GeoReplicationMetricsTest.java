package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure Monitor metrics endpoint for {@code ReplicationLagDuration} in the shape
 * azure-monitor-query deserializes (value[].timeseries[].metadatavalues[], data[] with timeStamp
 * and maximum), the lag model behind it, the 403 fault and throttling.
 */
class GeoReplicationMetricsTest {

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

    private Instant now() {
        return Instant.parse(client.admin("GET", "/simulator/clock", null).path("now").asText());
    }

    @Test
    void lagPerEntityHasTheAzureMonitorShape() {
        String id = geo.seed("orders-metrics", 150, 100);
        Instant t0 = now();
        client.advance(120);

        SimulatorClient.Resp r =
                geo.metrics(id, "ReplicationLagDuration", t0, now(), "EntityName eq '*'");

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("timespan").asText()).isEqualTo(t0 + "/" + now());
        assertThat(body.path("interval").asText()).isEqualTo("PT1M");
        assertThat(body.path("namespace").asText()).isEqualTo("Microsoft.ServiceBus/namespaces");
        assertThat(body.path("resourceregion").asText()).isEqualTo("westeurope");
        JsonNode metric = body.path("value").get(0);
        assertThat(metric.path("id").asText())
                .isEqualTo(id + "/providers/Microsoft.Insights/metrics/ReplicationLagDuration");
        assertThat(metric.path("type").asText()).isEqualTo("Microsoft.Insights/metrics");
        assertThat(metric.at("/name/value").asText()).isEqualTo("ReplicationLagDuration");
        assertThat(metric.path("unit").asText()).isEqualTo("Seconds");
        List<String> entities = new ArrayList<>();
        for (JsonNode ts : metric.path("timeseries")) {
            assertThat(ts.at("/metadatavalues/0/name/value").asText()).isEqualTo("entityname");
            entities.add(ts.at("/metadatavalues/0/value").asText());
        }
        assertThat(entities).containsExactly("queue-1", "queue-2", "queue-3");
        JsonNode data = metric.at("/timeseries/0/data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("timeStamp").asText()).isEqualTo(t0.toString());
        // +50 msg/s for 60 s = 3000 behind at 100 msg/s = 30 s; 60 s at the end of the second
        // minute
        assertThat(data.get(0).path("maximum").asLong()).isEqualTo(30);
        assertThat(data.get(1).path("maximum").asLong()).isEqualTo(60);
        assertThat(metric.at("/timeseries/2/data/1/maximum").asLong())
                .as("queue-3 lags a third")
                .isEqualTo(20);

        SimulatorClient.Resp whole =
                geo.metrics(id, "ReplicationLagDuration,ReplicationLagCount", t0, now(), null);
        assertThat(whole.json().at("/value/0/timeseries")).hasSize(1);
        assertThat(whole.json().at("/value/0/timeseries/0/metadatavalues")).isEmpty();
        JsonNode count = whole.json().at("/value/1");
        assertThat(count.at("/name/value").asText()).isEqualTo("ReplicationLagCount");
        assertThat(count.path("unit").asText()).isEqualTo("Count");
        assertThat(count.at("/timeseries/0/data/1/maximum").asLong())
                .as("messages behind")
                .isEqualTo(6000);
        assertThat(client.count("orders-metrics", "getMetrics")).isEqualTo(2);
    }

    @Test
    void lagStopsAtTheMaximumAndDrainsWhenPublishingStops() {
        String id = geo.seed("orders-cap", 150, 100);
        client.advance(3600);
        assertThat(geo.admin("orders-cap").path("lagSeconds").asLong())
                .as("throttled at 300 s")
                .isEqualTo(300);

        geo.rates("orders-cap", 0, 100);
        client.advance(200);

        assertThat(geo.admin("orders-cap").path("lagSeconds").asLong()).isEqualTo(100);
        Instant end = now();
        JsonNode data =
                geo.metrics(id, "ReplicationLagDuration", end.minusSeconds(300), end, null)
                        .json()
                        .at("/value/0/timeseries/0/data");
        assertThat(data.get(0).path("maximum").asLong()).isEqualTo(300);
        assertThat(data.get(4).path("maximum").asLong()).isEqualTo(160);
    }

    @Test
    void anOutageOfTheSecondaryRegionStopsReplication() {
        geo.seed("orders-outage", 10, 100);
        client.addFaults("{\"regionUnreachable\":\"northeurope\"}");
        client.advance(100);
        assertThat(geo.admin("orders-outage").path("backlogMessages").asLong()).isEqualTo(1000);
        assertThat(geo.get(GeoClient.id("orders-outage")).status())
                .as("the primary still answers")
                .isEqualTo(200);

        client.addFaults("{\"regionReachable\":\"northeurope\"}");
        client.advance(10);

        assertThat(geo.admin("orders-outage").path("backlogMessages").asLong()).isEqualTo(100);
    }

    @Test
    void withoutMetricsPermissionTheEndpointAnswers403() {
        String id = geo.seed("orders-403");
        client.addFaults("{\"metricsForbidden\":true}");

        SimulatorClient.Resp r =
                geo.metrics(id, "ReplicationLagDuration", now().minusSeconds(60), now(), null);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo("AuthorizationFailed");
        assertThat(r.errorMessage()).contains("'microsoft.insights/metrics/read'").contains(id);
        assertThat(geo.get(id).status()).as("ARM itself still answers").isEqualTo(200);
        client.clearFaults();
        assertThat(
                        geo.metrics(
                                        id,
                                        "ReplicationLagDuration",
                                        now().minusSeconds(60),
                                        now(),
                                        null)
                                .status())
                .isEqualTo(200);
    }

    @Test
    void badQueriesAndForeignApiVersionsAreRefused() {
        String id = geo.seed("orders-badq");
        SimulatorClient.Resp unknown =
                geo.metrics(id, "IncomingMessages", now().minusSeconds(60), now(), null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorMessage()).contains("IncomingMessages");
        SimulatorClient.Resp serviceBusVersion =
                client.send(
                        "GET",
                        id
                                + "/providers/Microsoft.Insights/metrics?metricnames=ReplicationLagDuration&api-version=2026-01-01",
                        null);
        assertThat(serviceBusVersion.status()).isEqualTo(400);
        assertThat(serviceBusVersion.errorCode()).isEqualTo("InvalidApiVersionParameter");
    }

    @Test
    void theNewCallsDrawFromTheReadsBucket() {
        String id = geo.seed("orders-throttle");
        client.addFaults("{\"throttle\":{\"reads\":2,\"refillPerSecond\":0}}");
        assertThat(
                        geo.metrics(
                                        id,
                                        "ReplicationLagDuration",
                                        now().minusSeconds(60),
                                        now(),
                                        null)
                                .status())
                .isEqualTo(200);
        assertThat(geo.get(id).status()).isEqualTo(200);

        SimulatorClient.Resp throttled =
                geo.metrics(id, "ReplicationLagDuration", now().minusSeconds(60), now(), null);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(
                        client.calls("orders-throttle").stream()
                                .filter(c -> c.status() == 429)
                                .map(SimulatorClient.Call::operation))
                .containsExactly("getMetrics");
    }
}
