package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each REST-spec example request gets the example's response shape, except the documented example
 * quirks of docs/arm-semantics.md §2.12, which are asserted explicitly (the simulator follows the
 * wire).
 */
class SimulatorExamplesTest {

    private SimulatorClient client;

    @BeforeEach
    void start() {
        client = SimulatorClient.start(SimulatorClient.manual());
    }

    @AfterEach
    void stop() {
        client.close();
    }

    static Stream<String> examples() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.root().resolve("examples"))) {
            for (Path dir :
                    dirs.filter(d -> d.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}"))
                            .sorted()
                            .toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.toString().endsWith(".json"))
                            .sorted()
                            .forEach(f -> out.add(dir.getFileName() + "/" + f.getFileName()));
                }
            }
        }
        return out.stream();
    }

    @Test
    void thereAreExamples() throws IOException {
        assertThat(examples().count()).isGreaterThanOrEqualTo(15);
        assertThat(examples().filter(f -> f.contains("/EH"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example(String file) throws IOException {
        JsonNode ex =
                Json.MAPPER.readTree(Fixtures.root().resolve("examples").resolve(file).toFile());
        String name = file.substring(file.indexOf('/') + 1).replace(".json", "");
        // the file prefix names the provider (SBEH is a Service Bus example shared with EH)
        ArmProvider provider =
                name.startsWith("EH") ? ArmProvider.EVENT_HUBS : ArmProvider.SERVICE_BUS;
        ExampleCase c = new ExampleCase(client, ex, provider);
        switch (name.replaceFirst("^(SBEH|SB|EH)", "")) {
            case "AliasCreate" -> c.create();
            case "AliasGet" -> c.get();
            case "AliasList" -> c.list();
            case "AliasDelete" -> c.delete();
            case "AliasBreakPairing" -> c.breakPairing();
            case "AliasFailOver" -> c.failover();
            case "AliasCheckNameAvailability" -> c.checkName();
            case "AliasAuthorizationRuleListAll" -> c.listRules();
            case "AliasAuthorizationRuleGet" -> c.getRule();
            case "AliasAuthorizationRuleListKey" -> c.listKeys();
            default ->
                    throw new AssertionError(
                            "no case for the example " + file + "; add one to ExampleCase");
        }
    }

    /**
     * Keys of an object, recursively, as dotted paths; array elements contribute their first
     * element's keys.
     */
    static Set<String> shape(JsonNode n) {
        Set<String> out = new TreeSet<>();
        collect("", n, out);
        return out;
    }

    private static void collect(String prefix, JsonNode n, Set<String> out) {
        if (n.isObject()) {
            n.fieldNames()
                    .forEachRemaining(
                            f -> {
                                out.add(prefix + f);
                                collect(prefix + f + ".", n.get(f), out);
                            });
        } else if (n.isArray() && !n.isEmpty()) {
            collect(prefix + "[].", n.get(0), out);
        }
    }
}
