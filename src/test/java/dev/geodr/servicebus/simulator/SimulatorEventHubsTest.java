package dev.geodr.servicebus.simulator;

import static dev.geodr.servicebus.simulator.state.ArmProvider.EVENT_HUBS;
import static dev.geodr.servicebus.simulator.state.ArmProvider.SERVICE_BUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.simulator.state.ArmProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What differs between Microsoft.ServiceBus and Microsoft.EventHub, one row of {@link ArmProvider}
 * at a time; the shared behaviour is covered by the provider-parameterised replay tests.
 */
class SimulatorEventHubsTest {

    private static final String RG = "rg-eh";
    private static final String DR = "/disasterRecoveryConfigs";

    private static String eh(String name) {
        return SimulatorClient.nsId(EVENT_HUBS, RG, name);
    }

    /** An admin call on {@code /simulator/{area}/{sub}/{rg}/{name}}, whatever its status. */
    private static SimulatorClient.Resp admin(
            SimulatorClient c, String method, String area, String rg, String name, String body) {
        return c.send(
                method,
                "/simulator/" + area + "/" + SimulatorClient.SUB + "/" + rg + "/" + name,
                body);
    }

    private static void create(
            SimulatorClient c, String name, String provider, String sku, String loc) {
        c.putNamespace(
                RG,
                name,
                "{\"provider\":\""
                        + provider
                        + "\",\"sku\":\""
                        + sku
                        + "\",\"location\":\""
                        + loc
                        + "\"}");
    }

    private static void ehPair(SimulatorClient c, String sku) {
        create(c, "eh-primary", "Microsoft.EventHub", sku, "westeurope");
        create(c, "eh-secondary", "Microsoft.EventHub", sku, "northeurope");
    }

    @Test
    void eventHubsAliasPairsAndFailsOverWithoutABodyUnderItsOwnTypes() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            ehPair(c, "Standard");
            SimulatorClient.Resp put =
                    c.arm(
                            "PUT",
                            eh("eh-primary"),
                            DR + "/eh-alias",
                            SimulatorClient.partner(eh("eh-secondary")));
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().path("type").asText())
                    .isEqualTo("Microsoft.EventHub/Namespaces/disasterrecoveryconfigs");
            assertThat(put.json().path("id").asText())
                    .isEqualTo(eh("eh-primary") + DR + "/eh-alias");
            assertThat(put.json().path("properties").path("partnerNamespace").asText())
                    .isEqualTo(eh("eh-secondary"));
            c.advance(90);
            SimulatorClient.Resp keys =
                    c.arm(
                            "POST",
                            eh("eh-primary"),
                            DR + "/eh-alias/authorizationRules/RootManageSharedAccessKey/listKeys",
                            null);
            assertThat(keys.json().path("aliasPrimaryConnectionString").asText())
                    .startsWith("Endpoint=sb://eh-alias.servicebus.windows.net/;");
            SimulatorClient.Resp rule =
                    c.arm(
                            "GET",
                            eh("eh-primary"),
                            DR + "/eh-alias/authorizationRules/RootManageSharedAccessKey",
                            null);
            assertThat(rule.json().path("type").asText())
                    .isEqualTo("Microsoft.EventHub/Namespaces/AuthorizationRules");
            // no IsSafeFailover for Event Hubs: even a body Service Bus would refuse is ignored
            SimulatorClient.Resp failover =
                    c.arm(
                            "POST",
                            eh("eh-secondary"),
                            DR + "/eh-alias/failover",
                            "{\"properties\":{\"IsSafeFailover\":\"yes\"}}");
            assertThat(failover.status()).isEqualTo(200);
            c.advance(80);
            SimulatorClient.Resp after = c.arm("GET", eh("eh-secondary"), DR + "/eh-alias", null);
            assertThat(after.json().path("properties").path("role").asText())
                    .isEqualTo("PrimaryNotReplicating");
            SimulatorClient.Resp ns = c.arm("GET", eh("eh-secondary"), "", null);
            assertThat(ns.json().path("type").asText()).isEqualTo("Microsoft.EventHub/Namespaces");
            assertThat(
                            c.calls(
                                    "/providers/Microsoft.EventHub/namespaces/eh-secondary"
                                            + DR
                                            + "/eh-alias/failover"))
                    .singleElement()
                    .satisfies(call -> assertThat(call.operation()).isEqualTo("failover"));
        }
    }

    @Test
    void serviceBusStillRefusesAMistypedIsSafeFailover() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            SimulatorClient.Resp r =
                    c.arm(
                            "POST",
                            SimulatorClient.nsId(RG, "sb-unknown"),
                            DR + "/a/failover",
                            "{\"properties\":{\"IsSafeFailover\":\"yes\"}}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(SERVICE_BUS.safeFailover()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}: Geo-DR {2}")
    @CsvSource({
        "Microsoft.EventHub, Basic, 400",
        "Microsoft.EventHub, Standard, 200",
        "Microsoft.EventHub, Premium, 200",
        "Microsoft.EventHub, Dedicated, 200",
        "Microsoft.ServiceBus, Standard, 400",
        "Microsoft.ServiceBus, Premium, 200"
    })
    void geoDrSkusPerProvider(String provider, String sku, int status) {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            create(c, "ns-sku-one", provider, sku, "westeurope");
            create(c, "ns-sku-two", provider, sku, "northeurope");
            ArmProvider p = ArmProvider.bySegment(provider);
            SimulatorClient.Resp r =
                    c.arm(
                            "PUT",
                            SimulatorClient.nsId(p, RG, "ns-sku-one"),
                            DR + "/sku-alias",
                            SimulatorClient.partner(SimulatorClient.nsId(p, RG, "ns-sku-two")));
            assertThat(r.status()).isEqualTo(status);
            if (status == 400) {
                assertThat(r.errorCode()).isEqualTo("BadRequest");
                assertThat(r.body()).startsWith("{\"error\":{\"message\":");
                assertThat(r.errorMessage())
                        .contains(
                                "Geo-DR requires "
                                        + ArmProvider.joinSkus(p.geoDrSkus())
                                        + " namespaces.")
                        .contains("CorrelationId: ");
            }
        }
    }

    @Test
    void aNamespaceIsVisibleUnderItsOwnProviderOnlyAndTheSegmentIsCaseInsensitive() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            create(c, "sb-only-ns", "Microsoft.ServiceBus", "Premium", "westeurope");
            SimulatorClient.Resp r = c.arm("GET", eh("sb-only-ns"), DR, null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.errorCode()).isEqualTo("ResourceNotFound");
            assertThat(r.errorMessage()).contains("'Microsoft.EventHub/namespaces/sb-only-ns'");
            assertThat(c.arm("GET", SimulatorClient.nsId(RG, "sb-only-ns"), DR, null).status())
                    .isEqualTo(200);
            create(c, "eh-only-ns", "microsoft.eventhub", "Premium", "westeurope");
            String lower = eh("eh-only-ns").replace("Microsoft.EventHub", "microsoft.EVENTHUB");
            assertThat(c.arm("GET", lower, DR, null).status()).isEqualTo(200);
            // the call log keeps the path as sent
            assertThat(
                            c.calls().stream()
                                    .filter(call -> call.path().contains("microsoft.EVENTHUB")))
                    .hasSize(1);
        }
    }

    @Test
    void aPartnerOfTheOtherProviderIsRefused() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            create(c, "eh-cross-one", "Microsoft.EventHub", "Premium", "westeurope");
            create(c, "sb-cross-two", "Microsoft.ServiceBus", "Premium", "northeurope");
            for (String partner :
                    new String[] {SimulatorClient.nsId(RG, "sb-cross-two"), "sb-cross-two"}) {
                SimulatorClient.Resp r =
                        c.arm(
                                "PUT",
                                eh("eh-cross-one"),
                                DR + "/cross",
                                SimulatorClient.partner(partner));
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.errorMessage()).contains("is not a Microsoft.EventHub namespace");
            }
        }
    }

    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource({
        "Microsoft.EventHub, checkNameAvailability",
        "Microsoft.EventHub, CheckNameAvailability",
        "Microsoft.ServiceBus, CheckNameAvailability",
        "Microsoft.ServiceBus, checkNameAvailability"
    })
    void bothNameCheckSpellingsWorkOnBothProviders(String provider, String spelling) {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            create(c, "ns-names-one", provider, "Premium", "westeurope");
            ArmProvider p = ArmProvider.bySegment(provider);
            SimulatorClient.Resp r =
                    c.arm(
                            "POST",
                            SimulatorClient.nsId(p, RG, "ns-names-one"),
                            DR + "/" + spelling,
                            "{\"name\":\"free-alias\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("nameAvailable").asBoolean()).isTrue();
            assertThat(c.calls().get(0).operation()).isEqualTo("checkNameAvailability");
        }
    }

    @Test
    void adminProviderFieldIsValidatedAndANameLivesUnderOneProviderOnly() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            SimulatorClient.Resp bad =
                    admin(
                            c,
                            "PUT",
                            "namespaces",
                            RG,
                            "ns-bad-prov",
                            "{\"provider\":\"Microsoft.Relay\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorMessage()).contains("provider must be");
            create(c, "ns-shared-name", "Microsoft.EventHub", "Standard", "westeurope");
            assertThat(
                            admin(c, "GET", "namespaces", RG, "ns-shared-name", null)
                                    .json()
                                    .path("provider")
                                    .asText())
                    .isEqualTo("Microsoft.EventHub");
            for (String rg : new String[] {RG, "rg-elsewhere"}) {
                SimulatorClient.Resp clash =
                        admin(
                                c,
                                "PUT",
                                "namespaces",
                                rg,
                                "ns-shared-name",
                                "{\"provider\":\"Microsoft.ServiceBus\"}");
                assertThat(clash.status()).isEqualTo(409);
                assertThat(clash.errorMessage()).contains("servicebus.windows.net DNS zone");
            }
            // an update without the field keeps the provider
            c.putNamespace(RG, "ns-shared-name", "{\"entities\":2}");
            SimulatorClient.Resp dedicatedSb =
                    admin(c, "PUT", "namespaces", RG, "ns-sb-dedicated", "{\"sku\":\"Dedicated\"}");
            assertThat(dedicatedSb.status()).isEqualTo(400);
            assertThat(dedicatedSb.errorMessage()).contains("Dedicated");
        }
    }

    @Test
    void geoReplicationNeedsPremiumOrDedicatedAndPromotesUnderTheEventHubsLocation() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            create(c, "eh-geo-std", "Microsoft.EventHub", "Standard", "westeurope");
            SimulatorClient.Resp refused =
                    admin(
                            c,
                            "PUT",
                            "namespaces",
                            RG,
                            "eh-geo-std",
                            "{\"geoReplication\":{\"secondary\":\"northeurope\"}}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.errorMessage()).contains("Premium or Dedicated");
            SimulatorClient.Resp arm =
                    c.send(
                            "PATCH",
                            eh("eh-geo-std") + "?api-version=2026-01-01",
                            "{\"properties\":{\"geoDataReplication\":{\"maxReplicationLagDurationInSeconds\":300,"
                                    + "\"locations\":[{\"locationName\":\"westeurope\",\"roleType\":\"Primary\"},"
                                    + "{\"locationName\":\"northeurope\",\"roleType\":\"Secondary\"}]}}}");
            assertThat(arm.status()).isEqualTo(400);
            assertThat(arm.errorMessage()).contains("only on Premium or Dedicated namespaces");

            c.putNamespace(
                    RG,
                    "eh-geo-ded",
                    "{\"provider\":\"Microsoft.EventHub\",\"sku\":\"Dedicated\",\"location\":\"westeurope\","
                            + "\"geoReplication\":{\"secondary\":\"northeurope\"}}");
            assertThat(admin(c, "GET", "georeplication", RG, "eh-geo-ded", null).status())
                    .isEqualTo(200);
            SimulatorClient.Resp promote =
                    c.send(
                            "POST",
                            eh("eh-geo-ded") + "/failover?api-version=2026-01-01",
                            "{\"properties\":{\"primaryLocation\":\"northeurope\",\"force\":true}}");
            assertThat(promote.status()).isEqualTo(202);
            assertThat(promote.header("Azure-AsyncOperation"))
                    .contains(
                            "/providers/Microsoft.EventHub/locations/westeurope/operationStatuses/");
            assertThat(promote.header("Retry-After")).isNotNull();
            c.advance(300);
            SimulatorClient.Resp ns =
                    c.send("GET", eh("eh-geo-ded") + "?api-version=2026-01-01", null);
            assertThat(
                            ns.json()
                                    .path("properties")
                                    .path("geoDataReplication")
                                    .path("locations")
                                    .get(0)
                                    .path("locationName")
                                    .asText())
                    .isEqualTo("northeurope");
        }
    }

    @Test
    void theSeedFileTakesTheProviderFieldOrAnEventHubsId(@TempDir Path dir) throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(
                seed,
                """
                - subscriptionId: 00000000-0000-0000-0000-000000000000
                  resourceGroup: rg-eh
                  name: eh-seed-field
                  provider: Microsoft.EventHub
                  sku: Dedicated
                - id: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-eh/providers/Microsoft.EventHub/namespaces/eh-seed-by-id
                  sku: Standard
                """);
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual().seedFile(seed))) {
            for (String name : new String[] {"eh-seed-field", "eh-seed-by-id"}) {
                assertThat(
                                admin(c, "GET", "namespaces", RG, name, null)
                                        .json()
                                        .path("provider")
                                        .asText())
                        .isEqualTo("Microsoft.EventHub");
                assertThat(c.arm("GET", eh(name), "", null).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void eventHubsHasNoLagMetricAndAzureMonitorSaysSo() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace(
                    RG,
                    "eh-metrics",
                    "{\"provider\":\"Microsoft.EventHub\",\"location\":\"westeurope\","
                            + "\"geoReplication\":{\"secondary\":\"northeurope\"}}");
            SimulatorClient.Resp r =
                    c.send(
                            "GET",
                            eh("eh-metrics")
                                    + "/providers/Microsoft.Insights/metrics?metricnames=ReplicationLagDuration&api-version=2018-01-01",
                            null);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.errorMessage())
                    .contains(
                            "Failed to find metric configuration for provider: Microsoft.EventHub")
                    .contains("metric: ReplicationLagDuration");
        }
    }
}
