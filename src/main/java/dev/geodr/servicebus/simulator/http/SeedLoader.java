package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import dev.geodr.servicebus.simulator.state.GeoAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a seed file: a YAML or JSON list of namespaces (or {@code {"namespaces": [...]}}), each
 * with {@code subscriptionId}, {@code resourceGroup}, {@code name} (or one {@code id}) plus the
 * admin PUT fields. A bad file stops the start with a message naming the entry, rather than
 * starting half-seeded.
 */
public final class SeedLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/"
                            + ArmProvider.segmentRegex()
                            + "/namespaces/([^/]+)$",
                    Pattern.CASE_INSENSITIVE);

    private SeedLoader() {}

    /**
     * One seeded namespace and its Geo-Replication ({@code geoReplication}, the admin PUT field;
     * null when absent).
     */
    public record Entry(NamespaceSpec spec, GeoAdmin.Seed geo) {}

    public static List<NamespaceSpec> load(Path file) {
        return entries(file).stream().map(Entry::spec).toList();
    }

    /**
     * The namespaces with their Geo-Replication seeds, every entry validated before any applies.
     */
    public static List<Entry> entries(Path file) {
        JsonNode root;
        try {
            String text = Files.readString(file);
            root =
                    file.toString().toLowerCase(Locale.ROOT).endsWith(".json")
                            ? Json.MAPPER.readTree(text)
                            : YAML.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the seed file " + file + ": " + e.getMessage(), e);
        }
        return parseEntries(root, file.toString());
    }

    static List<NamespaceSpec> parse(JsonNode root, String source) {
        return parseEntries(root, source).stream().map(Entry::spec).toList();
    }

    static List<Entry> parseEntries(JsonNode root, String source) {
        JsonNode list = root != null && root.isObject() ? root.get("namespaces") : root;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException(
                    "the seed file "
                            + source
                            + " must hold a list of namespaces (or {\"namespaces\": [...]})");
        }
        List<Entry> out = new ArrayList<>();
        int i = 0;
        for (JsonNode entry : list) {
            try {
                out.add(entry(entry));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "seed file " + source + ", entry " + i + ": " + e.getMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static Entry entry(JsonNode e) {
        if (!e.isObject()) {
            throw new IllegalArgumentException("each namespace must be an object");
        }
        String sub = e.path("subscriptionId").asText(null);
        String rg = e.path("resourceGroup").asText(null);
        String name = e.path("name").asText(null);
        if (e.hasNonNull("id")) {
            Matcher m = ID.matcher(e.get("id").asText());
            if (!m.matches()) {
                throw new IllegalArgumentException("id is not a namespace ARM id");
            }
            sub = m.group(1);
            rg = m.group(2);
            name = m.group(4);
            if (!e.hasNonNull("provider")) { // the id names the provider
                e =
                        ((com.fasterxml.jackson.databind.node.ObjectNode) e.deepCopy())
                                .put("provider", ArmProvider.bySegment(m.group(3)).segment());
            }
        }
        JsonNode geo = e.get("geoReplication");
        return new Entry(
                NamespaceSpec.fromJson(e, sub, rg, name),
                geo == null || geo.isNull() ? null : GeoAdmin.parseSeed(geo));
    }
}
