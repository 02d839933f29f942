package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import dev.geodr.servicebus.simulator.state.NsKeys;
import dev.geodr.servicebus.simulator.state.SimulatorTimers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conformance replay: every recording slice in {@code src/test/resources/arm-fixtures/recordings/}
 * is replayed in order over HTTPS against a manual-clock simulator, the clock advanced to each
 * recorded offset, after seeding the namespaces the recording used. Status codes and bodies must
 * match.
 */
class SimulatorReplayTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NS_IN_URI = Pattern.compile("namespaces/([^/?]+)");

    /** One recorded namespace: its display region and the extra SAS rules the recording shows. */
    record SeedNs(String name, String location, String extraRule, String rights) {
        String json() {
            String rules =
                    extraRule == null
                            ? ""
                            : ",\"authorizationRules\":[{\"name\":\""
                                    + extraRule
                                    + "\",\"rights\":["
                                    + rights
                                    + "]}]";
            return "{\"location\":\"" + location + "\"" + rules + "}";
        }
    }

    /**
     * What each recording needs: ids and regions come from its provenance header and bodies. Timers
     * are the defaults where the recording's timing falls inside them; the 2021 .NET session paired
     * in 193 s and broke in ≈127 s, so its replay sets those two timers inside the recorded bounds.
     */
    record Setup(
            String subscription,
            String resourceGroup,
            String apiVersion,
            SimulatorTimers timers,
            List<SeedNs> ns) {}

    private static final Map<String, Setup> SETUPS =
            Map.of(
                    "azure-cli_test_sb_alias.slice.yaml",
                            new Setup(
                                    "00000000-0000-0000-0000-000000000000",
                                    "cli_test_sb_alias000001",
                                    "2022-10-01-preview",
                                    SimulatorTimers.DEFAULTS,
                                    List.of(
                                            new SeedNs(
                                                    "sb-nscli000002",
                                                    "South Central US",
                                                    "cliAutho000004",
                                                    "\"Send\""),
                                            new SeedNs(
                                                    "sb-nscli000003",
                                                    "North Central US",
                                                    null,
                                                    null))),
                    "azure-sdk-for-net_CreateGetUpdateDeleteDisasterRecovery.slice.yaml",
                            new Setup(
                                    "db1ab6f0-4769-4b27-930e-01e2ef9c123c",
                                    "testservicebusRG-3596",
                                    "2021-06-01-preview",
                                    SimulatorTimers.DEFAULTS
                                            .withPair(Duration.ofSeconds(190))
                                            .withBreakPhases(
                                                    Duration.ofSeconds(100),
                                                    Duration.ofSeconds(24)),
                                    List.of(
                                            new SeedNs(
                                                    "testnamespacemgmt4353",
                                                    "eastus2",
                                                    "authorizationrule7753",
                                                    "\"Listen\",\"Send\""),
                                            new SeedNs(
                                                    "testnamespacemgmt6843",
                                                    "eastus",
                                                    null,
                                                    null))));

    static Stream<String> recordings() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.root().resolve("recordings"))) {
            return files
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @Test
    void everyRecordingHasASetupAndAtLeastOneIsThere() throws IOException {
        List<String> names = recordings().toList();
        assertThat(names).isNotEmpty();
        assertThat(SETUPS.keySet())
                .as("a new recording needs its seed in SETUPS")
                .containsAll(names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void replay(String file) throws IOException {
        Setup setup = SETUPS.get(file);
        assertThat(setup).as("seed for " + file).isNotNull();
        JsonNode doc = YAML.readTree(Fixtures.root().resolve("recordings").resolve(file).toFile());
        List<RecordedCall> calls = RecordedCall.parseAll(doc.get("interactions"));
        Map<String, String> ids = new HashMap<>();
        setup.ns().forEach(n -> ids.put(n.name(), id(setup, n.name())));
        String primary =
                namespaceOf(
                        calls.stream()
                                .filter(c -> c.method().equals("PUT"))
                                .findFirst()
                                .orElseThrow()
                                .uri());
        String alias =
                aliasOf(
                        calls.stream()
                                .filter(c -> c.method().equals("PUT"))
                                .findFirst()
                                .orElseThrow()
                                .uri());

        try (SimulatorClient client =
                SimulatorClient.start(SimulatorClient.manual().timers(setup.timers()))) {
            setup.ns()
                    .forEach(
                            n ->
                                    client.send(
                                            "PUT",
                                            "/simulator/namespaces/"
                                                    + setup.subscription()
                                                    + "/"
                                                    + setup.resourceGroup()
                                                    + "/"
                                                    + n.name(),
                                            n.json()));
            RecordedExpectations expect =
                    new RecordedExpectations(bodiesByTime(calls), firstPutBody(calls), ids);
            ZonedDateTime start = calls.get(0).times().get(0);
            long clockSeconds = 0;
            int replayed = 0;
            for (int i = 0; i < calls.size(); i++) {
                RecordedCall call = calls.get(i);
                String path = resolve(setup, call.uri(), primary, alias);
                for (ZonedDateTime t : call.times()) {
                    long offset = Duration.between(start, t).toSeconds();
                    assertThat(offset)
                            .as("recording is chronological")
                            .isGreaterThanOrEqualTo(clockSeconds);
                    client.advance(offset - clockSeconds);
                    clockSeconds = offset;
                    SimulatorClient.Resp resp =
                            client.send(call.method(), path, call.requestBody());
                    String label =
                            file
                                    + " #"
                                    + i
                                    + " "
                                    + call.method()
                                    + " "
                                    + call.uri()
                                    + " @"
                                    + t.toLocalTime();
                    expect.verify(label, call, resp, aliasOf(path));
                    replayed++;
                }
            }
            assertThat(replayed).isGreaterThanOrEqualTo(calls.size());
            long armCalls = client.send("GET", "/simulator/calls", null).json().get("calls").size();
            assertThat(armCalls).as("every replayed call is in the call log").isEqualTo(replayed);
        }
    }

    /**
     * A vcrpy cassette (the azure-cli Event Hubs slice keeps whole interactions, not the compact
     * form above). It starts with a breakPairing, so the alias is paired first; the cli session's
     * break settled within 96 s, so the break phases are set inside that bound.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eventhubs/azure-cli_test_eh_alias.slice.yaml"})
    void replayCassette(String file) throws IOException {
        JsonNode doc = YAML.readTree(Fixtures.root().resolve("recordings").resolve(file).toFile());
        String sub = "00000000-0000-0000-0000-000000000000";
        String rg = "cli_test_eh_alias000001";
        ArmProvider provider = ArmProvider.EVENT_HUBS;
        String primary = NsKeys.id(provider, sub, rg, "eh-nscli000002");
        String secondary = NsKeys.id(provider, sub, rg, "eh-nscli000003");
        try (SimulatorClient client =
                SimulatorClient.start(
                        SimulatorClient.manual()
                                .timers(
                                        SimulatorTimers.DEFAULTS.withBreakPhases(
                                                Duration.ofSeconds(70), Duration.ofSeconds(20))))) {
            for (String[] n :
                    new String[][] {
                        {"eh-nscli000002", "South Central US"},
                        {"eh-nscli000003", "North Central US"}
                    }) {
                client.putNamespace(
                        sub,
                        rg,
                        n[0],
                        "{\"provider\":\""
                                + provider.segment()
                                + "\",\"sku\":\"Standard\","
                                + "\"location\":\""
                                + n[1]
                                + "\"}");
            }
            String alias = "/disasterRecoveryConfigs/cliAlias000005?api-version=2026-07-01-preview";
            assertThat(
                            client.send("PUT", primary + alias, SimulatorClient.partner(secondary))
                                    .status())
                    .isEqualTo(200);
            client.advance(90);
            ZonedDateTime start = null;
            for (JsonNode i : doc.get("interactions")) {
                JsonNode req = i.get("request");
                JsonNode res = i.get("response");
                ZonedDateTime t =
                        ZonedDateTime.parse(
                                res.at("/headers/date/0").asText(),
                                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                start = start == null ? t : start;
                if (!t.equals(start)) {
                    client.advance(Duration.between(start, t).toSeconds());
                    start = t;
                }
                String path = req.get("uri").asText().replace("https://management.azure.com", "");
                String body = req.get("body").isNull() ? null : req.get("body").asText();
                SimulatorClient.Resp r = client.send(req.get("method").asText(), path, body);
                String label = file + " " + req.get("method").asText() + " " + path;
                assertThat(r.status()).as(label).isEqualTo(res.at("/status/code").asInt());
                String recorded = res.at("/body/string").asText();
                if (recorded.isEmpty()) {
                    assertThat(r.body()).as(label).isEmpty();
                } else {
                    RecordedExpectations.assertSameJson(label, Json.parse(recorded), r.json());
                }
            }
            assertThat(client.calls("Microsoft.EventHub"))
                    .hasSize(1 + doc.get("interactions").size());
        }
    }

    private static String id(Setup s, String ns) {
        return "/subscriptions/"
                + s.subscription()
                + "/resourceGroups/"
                + s.resourceGroup()
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + ns;
    }

    /**
     * Expands the slices' shorthand: ".../namespaces/x/...", ".../disasterRecoveryConfigs/...",
     * "primary".
     */
    private static String resolve(Setup s, String uri, String primary, String alias) {
        String path;
        if (uri.startsWith(".../namespaces/")) {
            String rest = uri.substring(".../namespaces/".length());
            String ns = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            path = id(s, ns) + rest.substring(ns.length());
        } else if (uri.startsWith(".../disasterRecoveryConfigs")) {
            path = id(s, primary) + uri.substring(3);
        } else if (uri.startsWith("primary")) {
            path = id(s, primary) + "/disasterRecoveryConfigs/" + alias;
        } else {
            throw new IllegalStateException("unknown uri shorthand: " + uri);
        }
        return path.contains("api-version=") ? path : path + "?api-version=" + s.apiVersion();
    }

    private static String namespaceOf(String uri) {
        Matcher m = NS_IN_URI.matcher(uri);
        return m.find() ? m.group(1) : null;
    }

    private static String aliasOf(String uri) {
        Matcher m = Pattern.compile("disasterRecoveryConfigs/([^/?]+)").matcher(uri);
        return m.find() ? m.group(1) : null;
    }

    private static Map<String, JsonNode> bodiesByTime(List<RecordedCall> calls) {
        Map<String, JsonNode> out = new HashMap<>();
        for (RecordedCall c : calls) {
            if (c.responseJson() != null && c.times().size() == 1) {
                out.put(c.times().get(0).toLocalTime().toString(), c.responseJson());
            }
        }
        return out;
    }

    private static JsonNode firstPutBody(List<RecordedCall> calls) {
        return calls.stream()
                .filter(c -> c.method().equals("PUT") && c.responseJson() != null)
                .findFirst()
                .map(RecordedCall::responseJson)
                .orElse(null);
    }
}
