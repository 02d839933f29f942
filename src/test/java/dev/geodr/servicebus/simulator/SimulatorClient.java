package dev.geodr.servicebus.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmProvider;
import dev.geodr.servicebus.simulator.state.NsKeys;
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
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one test client of the simulator (docs/simulator.md): raw HTTPS requests for the wire,
 * conformance and fuzz tests ({@link #send}, {@link #arm}), and the admin API (namespaces, clock,
 * faults, call log, reset) for every test package. It trusts exactly the simulator's certificate.
 *
 * <p>{@link #start} runs a simulator of its own (closed with this client); {@link #connect} talks
 * to one that runs elsewhere, e.g. inside the operator under test.
 *
 * <p>Admin helpers throw {@link IllegalStateException} on a non-2xx answer; {@link #send} and
 * {@link #arm} never do.
 */
public final class SimulatorClient implements AutoCloseable {

    /** The subscription of the simulator's own tests ({@link #nsId(String, String)}). */
    public static final String SUB = "00000000-0000-0000-0000-000000000000";

    public static final String API = "2021-11-01";

    /** The simulator this client started, or null after {@link #connect}. */
    public final ArmSimulator sim;

    public final HttpClient http;
    private final URI base;

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

    /**
     * One entry of the call log; {@code time} is virtual time, {@code wallTime} the JVM clock when
     * the simulator received the call.
     */
    public record Call(
            long seq,
            String method,
            String path,
            String operation,
            String apiVersion,
            int status,
            Instant time,
            Instant wallTime,
            String userAgent) {

        /** Without a User-Agent (what call sites before it was logged build). */
        public Call(
                long seq,
                String method,
                String path,
                String operation,
                String apiVersion,
                int status,
                Instant time,
                Instant wallTime) {
            this(seq, method, path, operation, apiVersion, status, time, wallTime, null);
        }

        public boolean isWrite() {
            return !"GET".equals(method);
        }
    }

    private SimulatorClient(ArmSimulator sim, URI base, Path certificate) {
        this.sim = sim;
        this.base = base;
        this.http =
                HttpClient.newBuilder()
                        .sslContext(trusting(certificate))
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
    }

    /** Starts a simulator of its own on an ephemeral port; {@link #close()} stops it. */
    public static SimulatorClient start(SimulatorConfig.Builder config) {
        ArmSimulator sim = ArmSimulator.start(config.build());
        return new SimulatorClient(sim, sim.baseUri(), sim.certificatePath());
    }

    /** A client of a simulator that runs elsewhere; {@link #close()} leaves it running. */
    public static SimulatorClient connect(URI base, Path certificatePem) {
        return new SimulatorClient(null, base, certificatePem);
    }

    /**
     * A manual-clock simulator on an ephemeral port, with big buckets unless the builder says
     * otherwise.
     */
    public static SimulatorConfig.Builder manual() {
        return SimulatorConfig.builder()
                .port(0)
                .manualClock(true)
                .throttle(ThrottleLimits.of(100_000, 100_000));
    }

    /** An SSL context that trusts every certificate in the PEM file, and nothing else. */
    public static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate cert :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("simulator-" + i++, cert);
            }
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

    public static String nsId(String subscriptionId, String rg, String name) {
        return "/subscriptions/"
                + subscriptionId
                + "/resourceGroups/"
                + rg
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + name;
    }

    /** A namespace id under {@code provider} in {@link #SUB}. */
    public static String nsId(ArmProvider provider, String rg, String name) {
        return NsKeys.id(provider, SUB, rg, name);
    }

    /** A namespace id in {@link #SUB}. */
    public static String nsId(String rg, String name) {
        return nsId(SUB, rg, name);
    }

    /** The PUT body that pairs with {@code id}. */
    public static String partner(String id) {
        return "{\"properties\":{\"partnerNamespace\":\"" + id + "\"}}";
    }

    public URI baseUri() {
        return base;
    }

    public int port() {
        return base.getPort();
    }

    // ---- raw HTTPS ------------------------------------------------------------------------------

    /** Any request; {@code pathAndQuery} starts with '/'. A null body sends none. */
    public Resp send(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                                URI.create(
                                        "https://"
                                                + base.getHost()
                                                + ":"
                                                + base.getPort()
                                                + pathAndQuery))
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

    /** An ARM call under a namespace id ({@code api-version} added), as the portal or CLI would. */
    public Resp arm(
            String method, String namespaceId, String suffix, String body, String... headers) {
        return send(method, namespaceId + suffix + "?api-version=" + API, body, headers);
    }

    // ---- admin API ------------------------------------------------------------------------------

    /** Any admin call; throws unless 2xx. The JSON answer, or a null node when empty. */
    public JsonNode admin(String method, String path, String body) {
        Resp r = send(method, path, body);
        if (r.status() / 100 != 2) {
            throw new IllegalStateException(
                    "admin " + method + " " + path + " -> " + r.status() + " " + r.body());
        }
        return r.json() == null ? NullNode.getInstance() : r.json();
    }

    /** Creates (201) or partially updates (200) a namespace; the admin view. */
    public JsonNode putNamespace(String subscriptionId, String rg, String name, String json) {
        return admin(
                "PUT", "/simulator/namespaces/" + subscriptionId + "/" + rg + "/" + name, json);
    }

    /** {@link #putNamespace(String, String, String, String)} in {@link #SUB}. */
    public JsonNode putNamespace(String rg, String name, String json) {
        return putNamespace(SUB, rg, name, json);
    }

    public JsonNode putNamespace(NamespaceRef ns, String json) {
        return putNamespace(ns.subscriptionId(), ns.resourceGroup(), ns.name(), json);
    }

    /** Advances the virtual clock (fractions allowed). */
    public void advance(double seconds) {
        admin("POST", "/simulator/clock/advance", "{\"seconds\":" + seconds + "}");
    }

    /** Adds faults ({@code POST /simulator/faults}); the faults now in force. */
    public JsonNode addFaults(String json) {
        return admin("POST", "/simulator/faults", json);
    }

    /** Clears all faults and restores the configured throttle limits. */
    public void clearFaults() {
        admin("DELETE", "/simulator/faults", null);
    }

    /** Removes every namespace, alias, fault and logged call; the clock keeps running. */
    public void reset() {
        admin("POST", "/simulator/reset", null);
    }

    /** The ARM calls in the log, in arrival order. */
    public List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (JsonNode c : admin("GET", "/simulator/calls", null).path("calls")) {
            out.add(
                    new Call(
                            c.path("seq").asLong(),
                            c.path("method").asText(),
                            c.path("path").asText(),
                            c.path("operation").asText(),
                            c.path("apiVersion").asText(null),
                            c.path("status").asInt(),
                            Instant.parse(c.path("time").asText()),
                            Instant.parse(c.path("wallTime").asText()),
                            c.path("userAgent").asText(null)));
        }
        return out;
    }

    /** The ARM calls whose path contains {@code pathPart} (case-insensitive), in arrival order. */
    public List<Call> calls(String pathPart) {
        String part = pathPart.toLowerCase(Locale.ROOT);
        return calls().stream()
                .filter(c -> c.path().toLowerCase(Locale.ROOT).contains(part))
                .toList();
    }

    /** How many logged calls to {@code pathPart} have the given operation name. */
    public long count(String pathPart, String operation) {
        return calls(pathPart).stream().filter(c -> c.operation().equals(operation)).count();
    }

    public long writes(String pathPart) {
        return calls(pathPart).stream().filter(Call::isWrite).count();
    }

    public long reads(String pathPart) {
        return calls(pathPart).stream().filter(c -> !c.isWrite()).count();
    }

    @Override
    public void close() {
        if (sim != null) {
            sim.close();
        }
    }
}
