package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.http.ApiVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Wire details: api-versions, case-insensitive segments, standard headers, the preflight namespace
 * reads.
 */
class SimulatorWireTest {

    private static SimulatorClient c;
    private static final String ONE = SimulatorClient.nsId("rg-w", "ns-wire-one");

    @BeforeAll
    static void start() {
        c = SimulatorClient.start(SimulatorClient.manual());
        c.putNamespace(
                "rg-w",
                "ns-wire-one",
                "{\"location\":\"swedencentral\",\"partitions\":2,\"entities\":3,\"privateEndpoints\":2}");
        c.putNamespace(
                "rg-w",
                "ns-wire-two",
                "{\"location\":\"norwayeast\",\"partitions\":2,\"privateEndpoints\":1}");
        c.arm(
                "PUT",
                ONE,
                "/disasterRecoveryConfigs/wire-alias",
                SimulatorClient.partner(SimulatorClient.nsId("rg-w", "ns-wire-two")));
    }

    @AfterAll
    static void stop() {
        c.close();
    }

    static Iterable<String> versions() {
        return ApiVersions.SUPPORTED;
    }

    @ParameterizedTest(name = "api-version {0}")
    @MethodSource("versions")
    void everyApiVersionOfSection22GetsTheSameShape(String version) {
        SimulatorClient.Resp r =
                c.send(
                        "GET",
                        ONE + "/disasterRecoveryConfigs/wire-alias?api-version=" + version,
                        null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/properties/type").asText()).isEqualTo("MetadataReplication");
        assertThat(r.json().get("type").asText())
                .isEqualTo("Microsoft.ServiceBus/Namespaces/disasterrecoveryconfigs");
    }

    @Test
    void aMissingOrUnknownApiVersionIs400() {
        SimulatorClient.Resp missing =
                c.send("GET", ONE + "/disasterRecoveryConfigs/wire-alias", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("MissingApiVersionParameter");
        assertThat(missing.body())
                .as("gateway errors put code first")
                .startsWith("{\"error\":{\"code\"");
        SimulatorClient.Resp unknown =
                c.send(
                        "GET",
                        ONE + "/disasterRecoveryConfigs/wire-alias?api-version=2015-08-01",
                        null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("InvalidApiVersionParameter");
        assertThat(
                        c.send(
                                        "GET",
                                        ONE
                                                + "/disasterRecoveryConfigs/wire-alias?API-VERSION=2021-11-01",
                                        null)
                                .status())
                .isEqualTo(200);
    }

    @Test
    void pathSegmentsAreCaseInsensitiveAndIdsKeepTheStoredCasing() {
        String shouting =
                "/SUBSCRIPTIONS/"
                        + SimulatorClient.SUB
                        + "/RESOURCEGROUPS/RG-W/PROVIDERS/microsoft.servicebus/NAMESPACES"
                        + "/NS-WIRE-ONE/DISASTERRECOVERYCONFIGS/WIRE-ALIAS/";
        SimulatorClient.Resp r = c.send("GET", shouting + "?api-version=2021-11-01", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asText())
                .isEqualTo(ONE + "/disasterRecoveryConfigs/wire-alias");
        assertThat(
                        c.send("GET", shouting + "AUTHORIZATIONRULES?api-version=2021-11-01", null)
                                .status())
                .isEqualTo(200);
        assertThat(
                        c.send(
                                        "POST",
                                        shouting.replace(
                                                "WIRE-ALIAS/",
                                                "checknameavailability?api-version=2021-11-01"),
                                        "{\"name\":\"wire-alias\"}")
                                .json()
                                .get("reason")
                                .asText())
                .isEqualTo("NameInUse");
    }

    @Test
    void responsesCarryTheArmHeaders() {
        String correlation = "0f8fad5b-d9cb-469f-a165-70867728950e";
        SimulatorClient.Resp r =
                c.send(
                        "GET",
                        ONE + "/disasterRecoveryConfigs/wire-alias?api-version=2021-11-01",
                        null,
                        "x-ms-correlation-request-id",
                        correlation);
        assertThat(r.header("x-ms-request-id")).matches("[0-9a-f-]{36}");
        assertThat(r.header("x-ms-correlation-request-id")).isEqualTo(correlation);
        assertThat(r.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(r.header("Server")).startsWith("Service-Bus-Resource-Provider/");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.header("x-ms-ratelimit-remaining-subscription-reads")).isNotNull();
        assertThat(r.header("Azure-AsyncOperation")).isNull();
        assertThat(r.header("Location")).isNull();
        SimulatorClient.Resp notFound =
                c.arm(
                        "GET",
                        ONE,
                        "/disasterRecoveryConfigs/nope",
                        null,
                        "x-ms-correlation-request-id",
                        correlation);
        assertThat(notFound.errorMessage()).endsWith(" CorrelationId: " + correlation);
        assertThat(notFound.body()).startsWith("{\"error\":{\"message\"");
    }

    @Test
    void theNamespaceReadsOfThePreflightLookLikeArm() {
        JsonNode ns = c.arm("GET", ONE, "", null).json();
        assertThat(ns.get("id").asText()).isEqualTo(ONE);
        assertThat(ns.get("type").asText()).isEqualTo("Microsoft.ServiceBus/Namespaces");
        assertThat(ns.get("location").asText()).isEqualTo("Sweden Central");
        assertThat(ns.get("sku").toString())
                .isEqualTo("{\"name\":\"Premium\",\"tier\":\"Premium\",\"capacity\":2}");
        assertThat(ns.at("/properties/premiumMessagingPartitions").asInt()).isEqualTo(2);
        assertThat(ns.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
        assertThat(ns.at("/properties/serviceBusEndpoint").asText())
                .isEqualTo("https://ns-wire-one.servicebus.windows.net:443/");
        assertThat(ns.at("/properties/privateEndpointConnections")).hasSize(2);
        assertThat(
                        ns.at(
                                        "/properties/privateEndpointConnections/0/properties/privateLinkServiceConnectionState/status")
                                .asText())
                .isEqualTo("Approved");
        JsonNode queues = c.arm("GET", ONE, "/queues", null).json();
        assertThat(queues.get("value")).hasSize(3);
        assertThat(queues.has("nextLink")).isFalse();
        assertThat(queues.at("/value/0/type").asText())
                .isEqualTo("Microsoft.ServiceBus/Namespaces/Queues");
        assertThat(c.arm("GET", ONE, "/topics", null).body()).isEqualTo("{\"value\":[]}");
        SimulatorClient.Resp missing =
                c.arm("GET", SimulatorClient.nsId("rg-w", "ns-not-here"), "/queues", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("ResourceNotFound");
        assertThat(missing.header("x-ms-failure-cause")).isEqualTo("gateway");
        SimulatorClient.Resp unknownType = c.arm("GET", ONE, "/eventhubs", null);
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.errorCode()).isEqualTo("InvalidResourceType");
        SimulatorClient.Resp wrongMethod =
                c.arm("DELETE", ONE, "/disasterRecoveryConfigs/wire-alias/failover", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
    }

    @Test
    void emptySuccessesHaveContentLengthZeroAndNoContentType() {
        c.putNamespace("rg-w", "ns-wire-three", "{}");
        c.putNamespace("rg-w", "ns-wire-four", "{}");
        String three = SimulatorClient.nsId("rg-w", "ns-wire-three");
        c.arm(
                "PUT",
                three,
                "/disasterRecoveryConfigs/wire-alias-2",
                SimulatorClient.partner(SimulatorClient.nsId("rg-w", "ns-wire-four")));
        c.advance(90);
        SimulatorClient.Resp br =
                c.arm("POST", three, "/disasterRecoveryConfigs/wire-alias-2/breakPairing", null);
        assertThat(br.status()).isEqualTo(200);
        assertThat(br.header("content-length")).isEqualTo("0");
        assertThat(br.header("Content-Type")).isNull();
        assertThat(br.header("x-ms-ratelimit-remaining-subscription-writes")).isNotNull();
    }
}
