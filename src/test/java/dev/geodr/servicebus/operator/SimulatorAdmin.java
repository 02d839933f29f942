package dev.geodr.servicebus.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The simulator's admin API over HTTPS, as other tools script it: namespaces, clock, faults, call
 * log.
 */
public final class SimulatorAdmin {

    public static final String SUB = "11111111-1111-1111-1111-111111111111";
    public static final String RG = "geodr-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    public SimulatorAdmin(URI base, Path certificate) {
        this.base = base;
        this.http = HttpClient.newBuilder().sslContext(trusting(certificate)).build();
    }

    public static String id(String name) {
        return "/subscriptions/"
                + SUB
                + "/resourceGroups/"
                + RG
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + name;
    }

    public void namespace(String name, int entities) {
        send(
                "PUT",
                "simulator/namespaces/" + SUB + "/" + RG + "/" + name,
                "{\"location\":\"westeurope\",\"sku\":\"Premium\",\"entities\":" + entities + "}");
    }

    public void namespace(String name, String sku, int partitions) {
        send(
                "PUT",
                "simulator/namespaces/" + SUB + "/" + RG + "/" + name,
                "{\"sku\":\"" + sku + "\",\"partitions\":" + partitions + "}");
    }

    public void advance(int seconds) {
        send("POST", "simulator/clock/advance", "{\"seconds\":" + seconds + "}");
    }

    public void fault(String json) {
        send("POST", "simulator/faults", json);
    }

    public void clearFaults() {
        send("DELETE", "simulator/faults", null);
    }

    /** ARM calls whose path contains {@code namespacePart}, as "METHOD operation status". */
    public List<String> calls(String namespacePart) {
        JsonNode body = read(send("GET", "simulator/calls", null));
        List<String> out = new ArrayList<>();
        for (JsonNode c : body.get("calls")) {
            if (c.get("path").asText().toLowerCase().contains(namespacePart.toLowerCase())) {
                out.add(
                        c.get("method").asText()
                                + " "
                                + c.get("operation").asText()
                                + " "
                                + c.get("status").asInt()
                                + " "
                                + c.get("path").asText());
            }
        }
        return out;
    }

    /**
     * One entry of the simulator's call log; {@code wallTime} is the JVM clock when the simulator
     * received it.
     */
    public record Call(
            long seq, String method, String path, String operation, int status, Instant wallTime) {
        public boolean isWrite() {
            return !"GET".equals(method);
        }
    }

    /**
     * The ARM calls whose path contains {@code namespacePart}, in the order the simulator received
     * them.
     */
    public List<Call> callLog(String namespacePart) {
        JsonNode body = read(send("GET", "simulator/calls", null));
        List<Call> out = new ArrayList<>();
        for (JsonNode c : body.get("calls")) {
            if (c.get("path").asText().toLowerCase().contains(namespacePart.toLowerCase())) {
                out.add(
                        new Call(
                                c.get("seq").asLong(),
                                c.get("method").asText(),
                                c.get("path").asText(),
                                c.get("operation").asText(),
                                c.get("status").asInt(),
                                Instant.parse(c.get("wallTime").asText())));
            }
        }
        return out;
    }

    public long count(String namespacePart, String operation) {
        return calls(namespacePart).stream().filter(c -> c.split(" ")[1].equals(operation)).count();
    }

    public long writes(String namespacePart) {
        return calls(namespacePart).stream().filter(c -> !c.startsWith("GET ")).count();
    }

    public long reads(String namespacePart) {
        return calls(namespacePart).stream().filter(c -> c.startsWith("GET ")).count();
    }

    /** A raw ARM call, as the portal or CLI would make it out of band. */
    public int arm(String method, String path, String body) {
        return sendRaw(method, path + "?api-version=2021-11-01", body).statusCode();
    }

    private String send(String method, String path, String body) {
        HttpResponse<String> response = sendRaw(method, path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(
                    method + " " + path + " → " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> sendRaw(String method, String path, String body) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(
                                    base.resolve(path.startsWith("/") ? path.substring(1) : path))
                            .header("Authorization", "Bearer it")
                            .header("Content-Type", "application/json")
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext trusting(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("sim" + i++, cert);
            }
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust " + certificate, e);
        }
    }
}
