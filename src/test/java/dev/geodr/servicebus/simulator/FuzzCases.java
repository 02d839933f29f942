package dev.geodr.servicebus.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generates malformed ARM requests, deterministically (fixed seed): broken JSON, wrong JSON types,
 * bad paths, wrong methods, oversized bodies, bad api-versions and odd encodings. None of them is a
 * valid request, so none may change state.
 */
final class FuzzCases {

    /** One request to send; {@code body} null means none. */
    record Case(String kind, String method, String path, byte[] body, String contentType) {}

    private final Random random = new Random(20260101);
    private final String base;
    private final String alias;

    FuzzCases(String primaryId, String alias) {
        this.base = primaryId;
        this.alias = alias;
    }

    List<Case> all() {
        List<Case> out = new ArrayList<>();
        badJson(out);
        wrongTypes(out);
        badPaths(out);
        wrongMethods(out);
        hugeBodies(out);
        badApiVersions(out);
        oddEncodings(out);
        admin(out);
        return out;
    }

    private String dr(String suffix) {
        return base + "/disasterRecoveryConfigs/" + alias + suffix + "?api-version=2021-11-01";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void badJson(List<Case> out) {
        String valid =
                "{\"properties\":{\"partnerNamespace\":\""
                        + base.replace("primary", "secondary")
                        + "\"}}";
        for (int i = 0; i < 80; i++) {
            String truncated = valid.substring(0, 1 + random.nextInt(valid.length() - 2));
            out.add(new Case("truncated JSON", "PUT", dr(""), utf8(truncated), "application/json"));
        }
        for (int i = 0; i < 40; i++) {
            byte[] junk = new byte[1 + random.nextInt(300)];
            random.nextBytes(junk);
            junk[0] = '{';
            out.add(
                    new Case(
                            "random bytes",
                            i % 2 == 0 ? "PUT" : "POST",
                            i % 2 == 0 ? dr("") : dr("/failover"),
                            junk,
                            "application/json"));
        }
        out.add(
                new Case(
                        "deep nesting",
                        "PUT",
                        dr(""),
                        utf8("[".repeat(5000) + "]".repeat(5000)),
                        "application/json"));
        out.add(
                new Case(
                        "deep nesting",
                        "POST",
                        dr("/failover"),
                        utf8("{\"a\":".repeat(2000) + "1" + "}".repeat(2000)),
                        "application/json"));
        out.add(
                new Case(
                        "trailing garbage", "PUT", dr(""), utf8(valid + "}}"), "application/json"));
        out.add(new Case("two documents", "PUT", dr(""), utf8(valid + valid), "application/json"));
        out.add(new Case("comment", "PUT", dr(""), utf8("/*x*/" + valid), "application/json"));
        out.add(
                new Case(
                        "single quotes",
                        "PUT",
                        dr(""),
                        utf8(valid.replace('"', '\'')),
                        "application/json"));
        out.add(
                new Case(
                        "checkName truncated",
                        "POST",
                        base
                                + "/disasterRecoveryConfigs/CheckNameAvailability?api-version=2021-11-01",
                        utf8("{\"name\":"),
                        "application/json"));
    }

    private void wrongTypes(List<Case> out) {
        String[] bodies = {
            "[]",
            "\"text\"",
            "42",
            "true",
            "null",
            "{\"properties\":[]}",
            "{\"properties\":\"x\"}",
            "{\"properties\":{\"partnerNamespace\":42}}",
            "{\"properties\":{\"partnerNamespace\":{}}}",
            "{\"properties\":{\"partnerNamespace\":[\"a\"]}}",
            "{\"properties\":{\"partnerNamespace\":true}}",
            "{\"properties\":{\"partnerNamespace\":\"\"}}",
            "{\"properties\":{\"partnerNamespace\":\"/subscriptions\"}}",
            "{\"properties\":{\"partnerNamespace\":\"ns-not-there-at-all\"}}",
            "{}",
            "{\"properties\":{\"alternateName\":7}}"
        };
        for (String b : bodies) {
            out.add(new Case("wrong JSON type on PUT", "PUT", dr(""), utf8(b), "application/json"));
        }
        String[] failover = {
            "[]",
            "\"x\"",
            "{\"properties\":[]}",
            "{\"properties\":{\"IsSafeFailover\":\"yes\"}}",
            "{\"properties\":{\"IsSafeFailover\":1}}"
        };
        for (String b : failover) {
            out.add(
                    new Case(
                            "wrong JSON type on failover",
                            "POST",
                            dr("/failover"),
                            utf8(b),
                            "application/json"));
        }
        String cn = base + "/disasterRecoveryConfigs/CheckNameAvailability?api-version=2021-11-01";
        for (String b : new String[] {"[]", "{}", "{\"name\":5}", "{\"name\":null}", "\"name\""}) {
            out.add(
                    new Case(
                            "wrong JSON type on CheckName",
                            "POST",
                            cn,
                            utf8(b),
                            "application/json"));
        }
    }

    private void badPaths(List<Case> out) {
        String[] paths = {
            "/",
            "/subscriptions",
            "/subscriptions/",
            "/subscriptions/x/resourceGroups",
            "/subscriptions//resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns-primary",
            base + "//disasterRecoveryConfigs",
            base + "/disasterRecoveryConfigs/" + alias + "/nope",
            base + "/eventhubs",
            base + "/queues/q1",
            base + "/authorizationRules",
            base + "/disasterRecoveryConfigs/" + alias + "/authorizationRules/r/listKeys/more",
            base.replace("Microsoft.ServiceBus", "Microsoft.EventHub") + "/disasterRecoveryConfigs",
            base + "/disasterRecoveryConfigs/%zz",
            base + "/disasterRecoveryConfigs/%",
            base + "/%E0%A4%A",
            base + "/disasterRecoveryConfigs/" + alias + "/..",
            "/subscriptions/%00/resourceGroups/a/providers/b",
            "/favicon.ico",
            "/index.html",
            "/.env",
            "/subscriptions/x/providers/Microsoft.ServiceBus/namespaces"
        };
        for (String p : paths) {
            String withVersion = p + (p.contains("?") ? "&" : "?") + "api-version=2021-11-01";
            out.add(new Case("bad path", "GET", withVersion, null, null));
        }
        for (int i = 0; i < 60; i++) {
            StringBuilder sb = new StringBuilder(base);
            int n = 1 + random.nextInt(5);
            for (int k = 0; k < n; k++) {
                sb.append('/').append(randomSegment());
            }
            out.add(
                    new Case(
                            "random path",
                            i % 3 == 0 ? "POST" : "GET",
                            sb + "?api-version=2021-11-01",
                            null,
                            null));
        }
    }

    private String randomSegment() {
        String alphabet = "abcXYZ019-_.~%20%41%C3%A9";
        StringBuilder sb = new StringBuilder();
        int len = 1 + random.nextInt(30);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String s = sb.toString();
        // keep only well-formed percent escapes so the client accepts the URI; malformed ones are
        // in badPaths
        return s.replaceAll("%(?![0-9A-Fa-f]{2})", "x");
    }

    private void wrongMethods(List<Case> out) {
        String[][] wrong = {
            {"POST", dr("")},
            {"PATCH", dr("")},
            {"OPTIONS", dr("")},
            {"GET", dr("/breakPairing")},
            {"PUT", dr("/breakPairing")},
            {"DELETE", dr("/failover")},
            {"GET", dr("/failover")},
            {"PUT", base + "/disasterRecoveryConfigs?api-version=2021-11-01"},
            {"DELETE", base + "/disasterRecoveryConfigs?api-version=2021-11-01"},
            {"GET", base + "/disasterRecoveryConfigs/CheckNameAvailability?api-version=2021-11-01"},
            {"PUT", base + "/disasterRecoveryConfigs/CheckNameAvailability?api-version=2021-11-01"},
            {
                "DELETE",
                base + "/disasterRecoveryConfigs/CheckNameAvailability?api-version=2021-11-01"
            },
            {"GET", dr("/authorizationRules/RootManageSharedAccessKey/listKeys")},
            {"PUT", dr("/authorizationRules/RootManageSharedAccessKey")},
            {"DELETE", dr("/authorizationRules/RootManageSharedAccessKey")},
            {"POST", dr("/authorizationRules")},
            {"PUT", base + "?api-version=2021-11-01"},
            {"DELETE", base + "?api-version=2021-11-01"},
            {"PATCH", base + "?api-version=2021-11-01"},
            {"POST", base + "/queues?api-version=2021-11-01"},
            {"TRACE", dr("")},
            {"FOO", dr("")}
        };
        for (String[] w : wrong) {
            out.add(
                    new Case(
                            "wrong method",
                            w[0],
                            w[1],
                            w[0].equals("GET") ? null : utf8("{}"),
                            "application/json"));
        }
    }

    private void hugeBodies(List<Case> out) {
        for (int size : new int[] {64 * 1024 + 1, 200_000, 1_000_000, 5_000_000}) {
            byte[] body = new byte[size];
            Arrays.fill(body, (byte) 'a');
            body[0] = '"';
            body[size - 1] = '"';
            out.add(new Case("huge body " + size, "PUT", dr(""), body, "application/json"));
        }
        out.add(
                new Case(
                        "huge body on failover",
                        "POST",
                        dr("/failover"),
                        new byte[300_000],
                        "application/json"));
    }

    private void badApiVersions(List<Case> out) {
        String p = base + "/disasterRecoveryConfigs/" + alias;
        String[] queries = {
            "",
            "?",
            "?api-version",
            "?api-version=",
            "?api-version=latest",
            "?api-version=2021-11-01x",
            "?api-version=2099-01-01",
            "?api-version=2017-04-01-preview",
            "?apiversion=2021-11-01",
            "?api-version=%%",
            "?api-version=%zz",
            "?api-version=2021-11-01%00",
            "?x=1&y=2",
            "?api_version=2024-01-01"
        };
        for (String q : queries) {
            out.add(new Case("bad api-version", "GET", p + q, null, null));
            out.add(
                    new Case(
                            "bad api-version on PUT",
                            "PUT",
                            p + q,
                            utf8("{}"),
                            "application/json"));
        }
    }

    /** The admin API refuses garbage the same way (and must not change state either). */
    private void admin(List<Case> out) {
        String ns = "/simulator/namespaces/00000000-0000-0000-0000-000000000000/rg-fuzz/";
        String[][] cases = {
            {"PUT", ns + "ns-primary", "{\"sku\":\"Gold\"}"},
            {"PUT", ns + "ns-primary", "{\"partitions\":9}"},
            {"PUT", ns + "ns-primary", "{\"entities\":-1}"},
            {"PUT", ns + "ns-primary", "{\"entities\":\"many\"}"},
            {"PUT", ns + "ns-primary", "[1,2]"},
            {"PUT", ns + "ns-primary", "{\"location\":\"\"}"},
            {
                "PUT",
                ns + "ns-primary",
                "{\"authorizationRules\":[{\"name\":\"x\",\"rights\":[\"Own\"]}]}"
            },
            {"PUT", ns + "x", "{}"},
            {"PUT", ns + "bad name!", "{}"},
            {"PUT", ns + "ns-primary", "{\"sku\":"},
            {"PATCH", ns + "ns-primary", "{}"},
            {"DELETE", ns + "ns-primary", null},
            {"POST", "/simulator/clock/advance", "{\"seconds\":-5}"},
            {"POST", "/simulator/clock/advance", "{}"},
            {"POST", "/simulator/clock/advance", "{\"seconds\":\"ten\"}"},
            {"PUT", "/simulator/clock", "{}"},
            {"POST", "/simulator/faults", "{\"nope\":1}"},
            {"POST", "/simulator/faults", "{}"},
            {"POST", "/simulator/faults", "{\"unreachable\":\"not-an-id\"}"},
            {"POST", "/simulator/faults", "{\"failNext\":{\"operation\":\"teleport\"}}"},
            {"POST", "/simulator/faults", "{\"latencyMs\":-1}"},
            {"POST", "/simulator/faults", "{\"throttle\":{\"reads\":0}}"},
            {"GET", "/simulator/nothing", null},
            {"GET", "/simulator/calls/x", null},
            {"GET", "/simulator/reset", null}
        };
        for (String[] c : cases) {
            out.add(
                    new Case(
                            "admin",
                            c[0],
                            c[1],
                            c[2] == null ? null : utf8(c[2]),
                            c[2] == null ? null : "application/json"));
        }
    }

    private void oddEncodings(List<Case> out) {
        String body = "{\"properties\":{\"partnerNamespace\":\"\u00e9\u00e8\"}}";
        out.add(
                new Case(
                        "UTF-16 body",
                        "PUT",
                        dr(""),
                        body.getBytes(StandardCharsets.UTF_16),
                        "application/json; charset=utf-16"));
        out.add(
                new Case(
                        "Latin-1 body",
                        "PUT",
                        dr(""),
                        body.getBytes(StandardCharsets.ISO_8859_1),
                        "application/json"));
        out.add(
                new Case(
                        "invalid UTF-8",
                        "PUT",
                        dr(""),
                        new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'},
                        "application/json"));
        out.add(
                new Case(
                        "BOM",
                        "PUT",
                        dr(""),
                        utf8("\uFEFF{\"properties\":{}}"),
                        "application/json"));
        out.add(
                new Case(
                        "NUL bytes",
                        "PUT",
                        dr(""),
                        new byte[] {'{', 0, 0, '}'},
                        "application/json"));
        out.add(new Case("text/plain", "PUT", dr(""), utf8("partnerNamespace=x"), "text/plain"));
        out.add(
                new Case(
                        "form encoded",
                        "PUT",
                        dr(""),
                        utf8("properties%5BpartnerNamespace%5D=x"),
                        "application/x-www-form-urlencoded"));
        out.add(
                new Case(
                        "percent-encoded alias",
                        "PUT",
                        base
                                + "/disasterRecoveryConfigs/%41%6C%69%61%73%20%21?api-version=2021-11-01",
                        utf8("{}"),
                        "application/json"));
        out.add(
                new Case(
                        "unicode alias",
                        "PUT",
                        base + "/disasterRecoveryConfigs/%E2%98%83?api-version=2021-11-01",
                        utf8("{\"properties\":{\"partnerNamespace\":\"x\"}}"),
                        "application/json"));
    }
}
