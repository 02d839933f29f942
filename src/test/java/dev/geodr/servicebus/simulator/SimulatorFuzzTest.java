package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/**
 * A few hundred malformed requests: each gets an ARM-shaped 4xx (never a 5xx, never a stack trace),
 * the server survives, the state is exactly what it was, and a normal pairing still works
 * afterwards.
 */
class SimulatorFuzzTest {

    private static final String ALIAS = "fuzz-alias";

    @Test
    void malformedRequestsGetArmShaped4xxAndChangeNothing() throws Exception {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            String primary = SimulatorClient.nsId("rg-fuzz", "ns-primary");
            c.putNamespace("rg-fuzz", "ns-primary", "{}");
            c.putNamespace("rg-fuzz", "ns-secondary", "{}");
            c.putNamespace("rg-fuzz", "ns-third", "{}");
            c.putNamespace("rg-fuzz", "ns-fourth", "{}");
            assertThat(
                            c.arm(
                                            "PUT",
                                            primary,
                                            "/disasterRecoveryConfigs/" + ALIAS,
                                            SimulatorClient.partner(
                                                    SimulatorClient.nsId(
                                                            "rg-fuzz", "ns-secondary")))
                                    .status())
                    .isEqualTo(200);
            c.advance(90);
            String before = c.send("GET", "/simulator/namespaces", null).body();

            List<String> failures = new ArrayList<>();
            int sent = 0;
            for (FuzzCases.Case k : new FuzzCases(primary, ALIAS).all()) {
                Result r = send(c, k);
                sent++;
                check(
                        k.kind() + " " + k.method() + " " + abbreviate(k.path()),
                        r,
                        k.method().equals("HEAD"),
                        failures);
            }
            for (RawCase raw : rawCases(c)) {
                Result r = raw(c, raw.bytes());
                sent++;
                check("raw " + raw.kind(), r, false, failures);
            }
            assertThat(failures).as("requests not answered with an ARM-shaped 4xx").isEmpty();
            assertThat(sent).isGreaterThanOrEqualTo(300);

            assertThat(c.send("GET", "/simulator/namespaces", null).body())
                    .as("state unchanged")
                    .isEqualTo(before);
            String third = SimulatorClient.nsId("rg-fuzz", "ns-third");
            SimulatorClient.Resp put =
                    c.arm(
                            "PUT",
                            third,
                            "/disasterRecoveryConfigs/after-fuzz",
                            SimulatorClient.partner(SimulatorClient.nsId("rg-fuzz", "ns-fourth")));
            assertThat(put.status()).isEqualTo(200);
            c.advance(90);
            SimulatorClient.Resp get =
                    c.arm("GET", third, "/disasterRecoveryConfigs/after-fuzz", null);
            assertThat(get.json().at("/properties/provisioningState").asText())
                    .isEqualTo("Succeeded");
            assertThat(
                            c.arm("GET", primary, "/disasterRecoveryConfigs/" + ALIAS, null)
                                    .json()
                                    .at("/properties/role")
                                    .asText())
                    .isEqualTo("Primary");
        }
    }

    private static void check(String label, Result r, boolean head, List<String> failures) {
        if (r.status() < 400 || r.status() > 499) {
            failures.add(label + " -> " + r.status() + " " + abbreviate(r.body()));
            return;
        }
        if (r.body().contains("Exception")
                || r.body().contains("\tat ")
                || r.body().contains(".java:")) {
            failures.add(label + " -> stack trace in body");
            return;
        }
        if (head) {
            return;
        }
        try {
            JsonNode err = Json.parse(r.body()).get("error");
            if (err == null || !err.path("code").isTextual() || !err.path("message").isTextual()) {
                failures.add(label + " -> not an ARM error envelope: " + abbreviate(r.body()));
            }
        } catch (IOException e) {
            failures.add(label + " -> body is not JSON: " + abbreviate(r.body()));
        }
    }

    record Result(int status, String body) {}

    private static Result send(SimulatorClient c, FuzzCases.Case k) throws Exception {
        URI uri;
        try {
            uri = URI.create("https://127.0.0.1:" + c.sim.port() + k.path());
        } catch (IllegalArgumentException clientRefuses) {
            return raw(c, rawRequest(k)); // the JDK will not send a malformed URI; a socket will
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                k.method(),
                                k.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(k.body()));
        if (k.contentType() != null) {
            b.header("Content-Type", k.contentType());
        }
        try {
            HttpResponse<String> r = c.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r.body());
        } catch (IOException e) {
            // The JDK client may lose an early 413 while it is still uploading; ask again the raw
            // way.
            if (k.body() != null && k.body().length > 64 * 1024) {
                return raw(
                        c,
                        ("PUT "
                                        + k.path()
                                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: "
                                        + k.body().length
                                        + "\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
            }
            throw e;
        }
    }

    private static byte[] rawRequest(FuzzCases.Case k) {
        byte[] body = k.body() == null ? new byte[0] : k.body();
        String head =
                k.method()
                        + " "
                        + k.path()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + (k.contentType() == null
                                ? ""
                                : "Content-Type: " + k.contentType() + "\r\n")
                        + "Content-Length: "
                        + body.length
                        + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    record RawCase(String kind, byte[] bytes) {}

    private static List<RawCase> rawCases(SimulatorClient c) {
        String p =
                SimulatorClient.nsId("rg-fuzz", "ns-primary")
                        + "/disasterRecoveryConfigs/"
                        + ALIAS
                        + "?api-version=2021-11-01";
        List<RawCase> out = new ArrayList<>();
        out.add(raw("garbage request line", "GARBAGE\r\n\r\n"));
        out.add(raw("three words, bad version", "GET / FTP/9.9\r\n\r\n"));
        out.add(
                raw(
                        "URI of 20 KiB",
                        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
        out.add(
                raw(
                        "header of 40 KiB",
                        "GET "
                                + p
                                + " HTTP/1.1\r\nHost: x\r\nX-Big: "
                                + "b".repeat(40_000)
                                + "\r\n\r\n"));
        out.add(
                raw(
                        "declared 10 MB body",
                        "PUT " + p + " HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n{"));
        out.add(
                raw(
                        "chunked body over the cap",
                        "PUT "
                                + p
                                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + ("8000\r\n" + "c".repeat(0x8000) + "\r\n").repeat(3)
                                + "0\r\n\r\n"));
        out.add(
                raw(
                        "bad chunk size",
                        "PUT "
                                + p
                                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
        out.add(
                raw(
                        "negative content length",
                        "PUT " + p + " HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}"));
        out.add(raw("NUL in path", "GET /subscriptions/\u0000/x HTTP/1.1\r\nHost: x\r\n\r\n"));
        out.add(
                raw(
                        "absolute-form URI to nowhere",
                        "GET https://example.com/ HTTP/1.1\r\nHost: x\r\n\r\n"));
        out.add(
                raw(
                        "HTTP/1.0 without api-version",
                        "GET " + p.substring(0, p.indexOf('?')) + " HTTP/1.0\r\n\r\n"));
        out.add(
                raw(
                        "raw bad percent escape",
                        "GET /subscriptions/%G1/resourceGroups HTTP/1.1\r\nHost: x\r\n\r\n"));
        out.add(raw("space in path", "GET /subscriptions/a b/x HTTP/1.1\r\nHost: x\r\n\r\n"));
        return out;
    }

    private static RawCase raw(String kind, String text) {
        return new RawCase(kind, text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Writes bytes on a fresh TLS connection and reads the first response (status and body). */
    static Result raw(SimulatorClient c, byte[] request) throws IOException {
        try (SSLSocket s =
                (SSLSocket)
                        SimulatorClient.trusting(c.sim.certificatePath())
                                .getSocketFactory()
                                .createSocket("127.0.0.1", c.sim.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException serverClosedEarly) {
                // fine: the server may answer and close before reading everything
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            try {
                for (int n; (n = in.read(chunk)) > 0; ) {
                    buf.write(chunk, 0, n);
                    if (complete(buf.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (IOException closed) {
                // read what arrived
            }
            String text = buf.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.")) {
                return new Result(-1, text);
            }
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Result(status, split < 0 ? "" : text.substring(split + 4));
        }
    }

    private static boolean complete(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return false;
        }
        Matcher m = Pattern.compile("(?i)content-length: (\\d+)").matcher(text.substring(0, split));
        return m.find() && text.length() - split - 4 >= Integer.parseInt(m.group(1));
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
