package dev.geodr.servicebus.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import dev.geodr.servicebus.simulator.render.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A simulator on an ephemeral port plus a {@link HttpClient} that trusts exactly its certificate,
 * with helpers for ARM and admin calls. Everything goes over real HTTPS.
 */
public final class TestClient implements AutoCloseable {

    public static final String SUB = "00000000-0000-0000-0000-000000000000";
    public static final String API = "2021-11-01";

    public final ArmSimulator sim;
    public final HttpClient http;

    /** What came back; {@code json} is null when the body is empty or not JSON. */
    public record Resp(int status, HttpHeaders headers, String body, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json == null ? null : json.path("error").path("code").asText(null);
        }

        public String errorMessage() {
            return json == null ? null : json.path("error").path("message").asText(null);
        }
    }

    private TestClient(ArmSimulator sim) {
        this.sim = sim;
        this.http =
                HttpClient.newBuilder()
                        .sslContext(trusting(sim.certificatePath()))
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /**
     * A manual-clock simulator on an ephemeral port, with big buckets unless the builder says
     * otherwise.
     */
    public static TestClient start(SimulatorConfig.Builder config) {
        return new TestClient(ArmSimulator.start(config.build()));
    }

    public static SimulatorConfig.Builder manual() {
        return SimulatorConfig.builder()
                .port(0)
                .manualClock(true)
                .throttle(ThrottleLimits.of(100_000, 100_000));
    }

    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate cert =
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            ks.setCertificateEntry("simulator", cert);
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + pem, e);
        }
    }

    public static String nsId(String rg, String name) {
        return "/subscriptions/"
                + SUB
                + "/resourceGroups/"
                + rg
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + name;
    }

    /** Any request; {@code pathAndQuery} starts with '/'. A null body sends none. */
    public Resp send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + sim.port() + pathAndQuery))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method.toUpperCase(Locale.ROOT),
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (!r.body().isEmpty()) {
                try {
                    json = Json.parse(r.body());
                } catch (IOException notJson) {
                    json = null;
                }
            }
            return new Resp(r.statusCode(), r.headers(), r.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An ARM call under a namespace id (api-version added). */
    public Resp arm(
            String method, String namespaceId, String suffix, String body, String... headers) {
        return send(method, namespaceId + suffix + "?api-version=" + API, body, headers);
    }

    public Resp putNamespace(String rg, String name, String json) {
        Resp r = send("PUT", "/simulator/namespaces/" + SUB + "/" + rg + "/" + name, json);
        if (r.status() / 100 != 2) {
            throw new IllegalStateException("admin PUT failed: " + r);
        }
        return r;
    }

    public void advance(double seconds) {
        Resp r = send("POST", "/simulator/clock/advance", "{\"seconds\":" + seconds + "}");
        if (r.status() != 200) {
            throw new IllegalStateException("advance failed: " + r);
        }
    }

    public static String partner(String id) {
        return "{\"properties\":{\"partnerNamespace\":\"" + id + "\"}}";
    }

    @Override
    public void close() {
        sim.close();
    }
}
