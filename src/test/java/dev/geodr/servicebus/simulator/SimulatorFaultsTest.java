package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The faults of the admin API: outage, fail-next-N, latency (never blocking the event loop). */
class SimulatorFaultsTest {

    private static final String ONE = SimulatorClient.nsId("rg-f", "ns-fault-one");
    private static final String TWO = SimulatorClient.nsId("rg-f", "ns-fault-two");

    private static SimulatorClient pairedClient() {
        SimulatorClient c = SimulatorClient.start(SimulatorClient.manual());
        c.putNamespace("rg-f", "ns-fault-one", "{}");
        c.putNamespace("rg-f", "ns-fault-two", "{}");
        assertThat(
                        c.arm(
                                        "PUT",
                                        ONE,
                                        "/disasterRecoveryConfigs/f-alias",
                                        SimulatorClient.partner(TWO))
                                .status())
                .isEqualTo(200);
        c.advance(90);
        return c;
    }

    @Test
    void anUnreachableNamespaceAnswers503OnAllItsPathsWhileAForcedFailoverOnItsPartnerSucceeds() {
        try (SimulatorClient c = pairedClient()) {
            SimulatorClient.Resp set =
                    c.send("POST", "/simulator/faults", "{\"unreachable\":\"" + ONE + "\"}");
            assertThat(set.json().get("unreachable").get(0).asText()).isEqualTo(ONE);
            for (String suffix :
                    new String[] {
                        "",
                        "/queues",
                        "/topics",
                        "/disasterRecoveryConfigs",
                        "/disasterRecoveryConfigs/f-alias",
                        "/disasterRecoveryConfigs/unknown-alias"
                    }) {
                SimulatorClient.Resp r = c.arm("GET", ONE, suffix, null);
                assertThat(r.status()).as(suffix).isEqualTo(503);
                assertThat(r.errorCode()).isEqualTo("ServiceUnavailable");
                assertThat(r.errorMessage()).startsWith("[simulator]").contains("ns-fault-one");
                assertThat(r.header("x-ms-failure-cause")).isEqualTo("gateway");
            }
            assertThat(
                            c.arm(
                                            "POST",
                                            ONE,
                                            "/disasterRecoveryConfigs/f-alias/breakPairing",
                                            null)
                                    .status())
                    .isEqualTo(503);
            assertThat(
                            c.arm(
                                            "GET",
                                            ONE.toUpperCase()
                                                    .replace("SUBSCRIPTIONS", "subscriptions"),
                                            "",
                                            null)
                                    .status())
                    .as("ids ignore case")
                    .isEqualTo(503);
            assertThat(
                            c.arm("GET", TWO, "/disasterRecoveryConfigs/f-alias", null)
                                    .json()
                                    .at("/properties/partnerNamespace")
                                    .asText())
                    .isEqualTo(ONE);

            SimulatorClient.Resp safe =
                    c.arm(
                            "POST",
                            TWO,
                            "/disasterRecoveryConfigs/f-alias/failover",
                            "{\"properties\":{\"IsSafeFailover\":true}}");
            assertThat(safe.status()).isEqualTo(409);
            assertThat(
                            c.arm("POST", TWO, "/disasterRecoveryConfigs/f-alias/failover", null)
                                    .status())
                    .isEqualTo(200);
            c.advance(80);
            assertThat(
                            c.arm("GET", TWO, "/disasterRecoveryConfigs/f-alias", null)
                                    .json()
                                    .at("/properties/role")
                                    .asText())
                    .isEqualTo("PrimaryNotReplicating");
            c.send("POST", "/simulator/faults", "{\"reachable\":\"" + ONE + "\"}");
            SimulatorClient.Resp gone = c.arm("GET", ONE, "/disasterRecoveryConfigs/f-alias", null);
            assertThat(gone.status())
                    .as("the old primary's record went when the failover completed")
                    .isEqualTo(404);
            assertThat(gone.errorCode()).isEqualTo("NotFound");
            assertThat(
                            c.send("GET", "/simulator/calls?operation=failover", null)
                                    .json()
                                    .get("calls"))
                    .hasSize(2);
        }
    }

    @Test
    void failNextFailsExactlyNCallsOfTheOperationWithTheGivenErrorAndChangesNothing() {
        try (SimulatorClient c = pairedClient()) {
            SimulatorClient.Resp set =
                    c.send(
                            "POST",
                            "/simulator/faults",
                            "{\"failNext\":{\"operation\":\"failover\",\"count\":2,"
                                    + "\"status\":500,\"code\":\"InternalServerError\",\"message\":\"Boom.\"}}");
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.json().get("failNext").get(0).get("remaining").asInt()).isEqualTo(2);
            assertThat(c.arm("GET", TWO, "/disasterRecoveryConfigs/f-alias", null).status())
                    .as("other operations pass")
                    .isEqualTo(200);
            for (int i = 0; i < 2; i++) {
                SimulatorClient.Resp r =
                        c.arm("POST", TWO, "/disasterRecoveryConfigs/f-alias/failover", null);
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.errorCode()).isEqualTo("InternalServerError");
                assertThat(r.errorMessage()).matches("Boom\\. CorrelationId: [0-9a-f-]{36}");
                assertThat(r.body())
                        .as("RP errors put message first")
                        .startsWith("{\"error\":{\"message\"");
            }
            assertThat(
                            c.arm("GET", TWO, "/disasterRecoveryConfigs/f-alias", null)
                                    .json()
                                    .at("/properties/provisioningState")
                                    .asText())
                    .isEqualTo("Succeeded");
            assertThat(
                            c.arm("POST", TWO, "/disasterRecoveryConfigs/f-alias/failover", null)
                                    .status())
                    .isEqualTo(200);
            assertThat(c.send("GET", "/simulator/faults", null).json().get("failNext")).isEmpty();

            c.send(
                    "POST",
                    "/simulator/faults",
                    "{\"failNext\":[{\"operation\":\"GET\",\"status\":429,\"code\":\"TooManyRequests\","
                            + "\"retryAfterSeconds\":7},{\"operation\":\"any\",\"status\":503,\"code\":\"ServiceUnavailable\"}]}");
            SimulatorClient.Resp throttled =
                    c.arm("GET", TWO, "/disasterRecoveryConfigs/f-alias", null);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isEqualTo("7");
            SimulatorClient.Resp any = c.arm("GET", ONE, "/queues", null);
            assertThat(any.status()).isEqualTo(503);
            assertThat(any.errorMessage()).startsWith("[simulator] Injected fault.");
            assertThat(c.arm("GET", ONE, "/queues", null).status()).isEqualTo(200);
        }
    }

    @Test
    void latencyDelaysArmCallsWithoutBlockingTheEventLoop() throws Exception {
        try (SimulatorClient c = pairedClient()) {
            c.send("POST", "/simulator/faults", "{\"latencyMs\":1500}");
            long start = System.nanoTime();
            CompletableFuture<HttpResponse<String>> slow =
                    c.http.sendAsync(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "https://127.0.0.1:"
                                                            + c.sim.port()
                                                            + TWO
                                                            + "/disasterRecoveryConfigs/f-alias?api-version=2021-11-01"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>>[] admins = new CompletableFuture[8];
            for (int i = 0; i < admins.length; i++) {
                admins[i] =
                        c.http.sendAsync(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "https://127.0.0.1:"
                                                                + c.sim.port()
                                                                + "/simulator/clock"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
            }
            CompletableFuture.allOf(admins).get();
            long adminMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(slow.isDone()).as("the delayed call is still waiting").isFalse();
            assertThat(adminMillis)
                    .as("admin calls are not delayed by the event loop")
                    .isLessThan(1400);
            assertThat(slow.get().statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1500);
            JsonNode faults = c.send("DELETE", "/simulator/faults", null).json();
            assertThat(faults.get("latencyMs").asLong()).isZero();
            assertThat(faults.get("unreachable")).isEmpty();
        }
    }

    @Test
    void faultRequestsAreValidatedAllOrNothing() {
        try (SimulatorClient c = pairedClient()) {
            SimulatorClient.Resp bad =
                    c.send(
                            "POST",
                            "/simulator/faults",
                            "{\"latencyMs\":100,\"failNext\":{\"operation\":\"nope\"}}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorMessage()).contains("nope");
            assertThat(c.send("GET", "/simulator/faults", null).json().get("latencyMs").asLong())
                    .as("nothing applied")
                    .isZero();
            assertThat(
                            c.send(
                                            "POST",
                                            "/simulator/faults",
                                            "{\"unreachable\":[\"" + ONE + "\",\"" + TWO + "\"]}")
                                    .json()
                                    .get("unreachable"))
                    .hasSize(2);
        }
    }
}
