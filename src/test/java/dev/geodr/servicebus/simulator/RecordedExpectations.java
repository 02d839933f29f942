package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a simulator answer with a recorded one. JSON bodies must match exactly (values and key
 * order) except secrets, which are random per run; connection strings must have the recorded shape
 * with our keys. Bodies described in words are checked for what the words say.
 */
final class RecordedExpectations {

    private static final Set<String> SECRETS =
            Set.of(
                    "primaryKey",
                    "secondaryKey",
                    "aliasPrimaryConnectionString",
                    "aliasSecondaryConnectionString");
    private static final Pattern PARTNER =
            Pattern.compile(
                    "partner(?:Namespace)?\\s+(?:still\\s+)?(?:=\\s+)?(?:\\.\\.\\./)?([A-Za-z][A-Za-z0-9-]+)");
    private static final Pattern SAME_AS_TIME =
            Pattern.compile("same body as (\\d{2}:\\d{2}:\\d{2})");
    private static final Pattern RULE = Pattern.compile("(\\w+) \\[([A-Za-z,]+)\\]");
    private static final Pattern LOCATION = Pattern.compile("location \"([^\"]+)\"");

    /** Recorded JSON bodies by time of day, for "same body as 10:11:07". */
    private final Map<String, JsonNode> bodiesByTime;

    private final JsonNode firstPutBody;
    private final Map<String, String> idsByName;

    RecordedExpectations(
            Map<String, JsonNode> bodiesByTime,
            JsonNode firstPutBody,
            Map<String, String> idsByName) {
        this.bodiesByTime = bodiesByTime;
        this.firstPutBody = firstPutBody;
        this.idsByName = idsByName;
    }

    void verify(String label, RecordedCall call, SimulatorClient.Resp actual, String aliasInPath) {
        assertThat(actual.status())
                .as(label + ": status; body " + actual.body())
                .isEqualTo(call.status());
        if (call.rateLimitHeader() != null) {
            assertThat(actual.header(call.rateLimitHeader()))
                    .as(label + ": " + call.rateLimitHeader())
                    .isNotNull();
        }
        if (call.recordedEmptyBody()) {
            assertThat(actual.body()).as(label + ": empty body").isEmpty();
            assertThat(actual.header("content-length")).isEqualTo("0");
        }
        if (call.responseJson() != null) {
            assertSameJson(label, call.responseJson(), actual.json());
            if (call.responseJson().has("aliasPrimaryConnectionString")) {
                assertConnectionStrings(label, call.responseJson(), actual.json(), aliasInPath);
            }
        }
        String words = call.description();
        if (words != null && call.responseJson() == null) {
            verifyWords(label, words, actual.json());
        }
        if (call.note() != null && call.note().contains("no 'message' property")) {
            assertThat(actual.json().has("message")).as(label + ": no message key").isFalse();
        }
        if (call.note() != null && call.note().contains("no nextLink")) {
            assertThat(actual.json().has("nextLink")).as(label + ": no nextLink").isFalse();
        }
    }

    private void verifyWords(String label, String words, JsonNode actual) {
        Matcher same = SAME_AS_TIME.matcher(words);
        if (same.find()) {
            assertSameJson(
                    label + " (same as " + same.group(1) + ")",
                    bodiesByTime.get(same.group(1)),
                    actual);
        }
        if (words.contains("same as PUT body") || words.contains("same shape as first PUT")) {
            assertSameJson(label + " (same as the first PUT)", firstPutBody, actual);
        }
        if (words.contains("value[]")) {
            verifyRuleList(label, words, actual);
            return;
        }
        if (words.contains("primaryConnectionString")) {
            assertThat(actual.has("primaryConnectionString")).as(label).isFalse();
            assertThat(actual.has("secondaryConnectionString")).as(label).isFalse();
            assertThat(actual.has("aliasPrimaryConnectionString")).as(label).isTrue();
            return;
        }
        JsonNode p = actual.path("properties");
        if (words.contains("Accepted") || words.contains("Succeeded")) {
            String state = words.contains("Accepted") ? "Accepted" : "Succeeded";
            assertThat(p.path("provisioningState").asText())
                    .as(label + ": provisioningState")
                    .isEqualTo(state);
        }
        String role =
                words.contains("PrimaryNotReplicating")
                        ? "PrimaryNotReplicating"
                        : words.contains("Secondary")
                                ? "Secondary"
                                : words.contains("Primary") ? "Primary" : null;
        if (role != null) {
            assertThat(p.path("role").asText()).as(label + ": role").isEqualTo(role);
        }
        Matcher partner = PARTNER.matcher(words);
        if (partner.find()) {
            assertThat(p.path("partnerNamespace").asText())
                    .as(label + ": partner")
                    .isEqualTo(idsByName.get(partner.group(1)));
        }
        if (words.contains("no pendingReplicationOperationsCount")) {
            assertThat(p.has("pendingReplicationOperationsCount"))
                    .as(label + ": no pending count")
                    .isFalse();
        } else if (words.contains("pendingReplicationOperationsCount 0")) {
            assertThat(p.path("pendingReplicationOperationsCount").asLong(-1))
                    .as(label + ": pending")
                    .isZero();
        }
        if (words.contains("type MetadataReplication")) {
            assertThat(p.path("type").asText()).isEqualTo("MetadataReplication");
        }
    }

    private static void verifyRuleList(String label, String words, JsonNode actual) {
        List<String> expected = new ArrayList<>();
        Matcher m = RULE.matcher(words);
        while (m.find()) {
            expected.add(m.group(1) + " " + m.group(2).replace(",", ", "));
        }
        List<String> got = new ArrayList<>();
        for (JsonNode rule : actual.path("value")) {
            List<String> rights = new ArrayList<>();
            rule.path("properties").path("rights").forEach(r -> rights.add(r.asText()));
            got.add(rule.path("name").asText() + " " + String.join(", ", rights));
            assertThat(rule.path("type").asText())
                    .as(label)
                    .isEqualTo("Microsoft.ServiceBus/Namespaces/AuthorizationRules");
            Matcher loc = LOCATION.matcher(words);
            if (loc.find()) {
                assertThat(rule.path("location").asText())
                        .as(label + ": location")
                        .isEqualTo(loc.group(1));
            }
        }
        assertThat(got).as(label + ": rules").containsExactlyElementsOf(expected);
    }

    /** Equal JSON, key order included, secrets blanked on both sides. */
    static void assertSameJson(String label, JsonNode expected, JsonNode actual) {
        assertThat(expected).as(label + ": recorded reference exists").isNotNull();
        assertThat(actual).as(label + ": answer is JSON").isNotNull();
        JsonNode e = blank(expected.deepCopy());
        JsonNode a = blank(actual.deepCopy());
        if (e.isObject() && "<secret>".equals(e.path("keyName").asText(null)) && a.has("keyName")) {
            ((ObjectNode) a).put("keyName", "<secret>"); // the recording redacted it ("Sanitized")
        }
        assertThat(a).as(label + ": body").isEqualTo(e);
        assertThat(order(a)).as(label + ": key order").isEqualTo(order(e));
    }

    private static JsonNode blank(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (SECRETS.contains(f)
                        || (f.equals("keyName") && o.get(f).asText().equals("Sanitized"))) {
                    o.put(f, "<secret>");
                } else {
                    blank(o.get(f));
                }
            }
        } else if (n.isArray()) {
            n.forEach(RecordedExpectations::blank);
        }
        return n;
    }

    private static List<String> order(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isObject()) {
            n.fieldNames()
                    .forEachRemaining(
                            f -> {
                                out.add(f);
                                out.addAll(order(n.get(f)).stream().map(c -> f + "." + c).toList());
                            });
        } else if (n.isArray()) {
            n.forEach(c -> out.addAll(order(c)));
        }
        return out;
    }

    /**
     * Alias connection strings: {@code Endpoint=sb://<lower-cased alias>.servicebus.windows.net/;
     * SharedAccessKeyName=<rule>;SharedAccessKey=<key>} with our own keys. The recorded host may
     * differ when the recording's test framework renamed the alias in URIs only (the W1 note); that
     * is the one difference allowed, and it is asserted explicitly.
     */
    private static void assertConnectionStrings(
            String label, JsonNode recorded, JsonNode actual, String alias) {
        String rec = recorded.path("aliasPrimaryConnectionString").asText();
        if (rec.equals("Sanitized")) {
            return;
        }
        String host = alias.toLowerCase(Locale.ROOT) + ".servicebus.windows.net";
        String keyName = recorded.path("keyName").asText();
        assertThat(actual.path("aliasPrimaryConnectionString").asText())
                .as(label)
                .isEqualTo(
                        "Endpoint=sb://"
                                + host
                                + "/;SharedAccessKeyName="
                                + keyName
                                + ";SharedAccessKey="
                                + actual.path("primaryKey").asText());
        assertThat(actual.path("aliasSecondaryConnectionString").asText())
                .as(label)
                .isEqualTo(
                        "Endpoint=sb://"
                                + host
                                + "/;SharedAccessKeyName="
                                + keyName
                                + ";SharedAccessKey="
                                + actual.path("secondaryKey").asText());
        String recordedHost =
                rec.substring(
                        "Endpoint=sb://".length(), rec.indexOf('/', "Endpoint=sb://".length()));
        assertThat(
                        recordedHost.equals(host)
                                || recordedHost.startsWith(
                                        alias.toLowerCase(Locale.ROOT).replaceAll("\\d+$", "")))
                .as(label + ": only the sanitised alias host may differ")
                .isTrue();
    }
}
