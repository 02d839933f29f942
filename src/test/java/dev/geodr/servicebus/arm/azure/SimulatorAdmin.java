package dev.geodr.servicebus.arm.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small client of the simulator's admin API (docs/simulator.md), over HTTPS trusting its
 * certificate.
 */
final class SimulatorAdmin {

    record Call(String method, String path, String operation, int status) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    SimulatorAdmin(URI base, Path certificatePem) throws Exception {
        this.base = base;
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        try (InputStream in = Files.newInputStream(certificatePem)) {
            int i = 0;
            for (Certificate c : cf.generateCertificates(in)) {
                trust.setCertificateEntry("sim-" + i++, c);
            }
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(tls).build();
    }

    JsonNode send(String method, String path, String body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/json");
        b.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(
                        "admin " + method + " " + path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void reset() {
        send("POST", "/simulator/reset", null);
        send("DELETE", "/simulator/faults", null);
    }

    void namespace(NamespaceRef ns, String json) {
        send(
                "PUT",
                "/simulator/namespaces/"
                        + ns.subscriptionId()
                        + "/"
                        + ns.resourceGroup()
                        + "/"
                        + ns.name(),
                json);
    }

    void advance(long seconds) {
        send("POST", "/simulator/clock/advance", "{\"seconds\":" + seconds + "}");
    }

    void faults(String json) {
        send("POST", "/simulator/faults", json);
    }

    List<Call> calls() {
        List<Call> out = new ArrayList<>();
        for (JsonNode c : send("GET", "/simulator/calls", null).path("calls")) {
            out.add(
                    new Call(
                            c.path("method").asText(),
                            c.path("path").asText(),
                            c.path("operation").asText(),
                            c.path("status").asInt()));
        }
        return out;
    }

    List<Call> calls(String method, String pathSuffix) {
        return calls().stream()
                .filter(
                        c ->
                                c.method().equals(method)
                                        && c.path()
                                                .toLowerCase()
                                                .split("\\?")[0]
                                                .endsWith(pathSuffix.toLowerCase()))
                .toList();
    }
}
