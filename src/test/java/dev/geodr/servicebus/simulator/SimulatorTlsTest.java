package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** HTTPS only, a certificate for 127.0.0.1 and localhost, and ARM's 401 in strict-auth mode. */
class SimulatorTlsTest {

    @Test
    void theCertificateNamesBoth127001AndLocalhostAndBothHostnamesVerify() throws Exception {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            X509Certificate cert;
            try (InputStream in = Files.newInputStream(c.sim.certificatePath())) {
                cert =
                        (X509Certificate)
                                CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            List<String> sans = new ArrayList<>();
            cert.getSubjectAlternativeNames()
                    .forEach(san -> sans.add(san.get(0) + "=" + san.get(1)));
            assertThat(sans).containsExactlyInAnyOrder("7=127.0.0.1", "2=localhost");
            assertThat(Files.readString(c.sim.certificatePath()))
                    .startsWith("-----BEGIN CERTIFICATE-----");
            Path key = c.sim.certificatePath().resolveSibling("simulator-key.pem");
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(c.sim.baseUri().toString())
                    .isEqualTo("https://127.0.0.1:" + c.sim.port() + "/");
            for (String host : List.of("127.0.0.1", "localhost")) {
                HttpResponse<String> r =
                        c.http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "https://"
                                                                + host
                                                                + ":"
                                                                + c.sim.port()
                                                                + "/simulator/clock"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(host).isEqualTo(200);
            }
        }
    }

    /**
     * A Pod on a node of this machine dials the simulator at the bridge's address, not 127.0.0.1.
     */
    @Test
    void extraServerNamesAreCoveredAndTheListenAddressDecidesWhoCanConnect() throws Exception {
        SimulatorConfig.Builder everywhere =
                SimulatorClient.manual()
                        .listenAddress("0.0.0.0")
                        .extraServerNames(List.of("127.0.0.2", "arm-simulator.test"));
        try (SimulatorClient c = SimulatorClient.start(everywhere)) {
            assertThat(subjectNames(c))
                    .containsExactlyInAnyOrder(
                            "7=127.0.0.1", "2=localhost", "7=127.0.0.2", "2=arm-simulator.test");
            assertThat(clockStatus(c, "127.0.0.2", c.sim.port())).isEqualTo(200);
        }
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            int port = c.sim.port();
            assertThatThrownBy(() -> clockStatus(c, "127.0.0.2", port))
                    .as("bound to 127.0.0.1 only")
                    .isInstanceOf(IOException.class);
        }
    }

    private static List<String> subjectNames(SimulatorClient c) throws Exception {
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(c.sim.certificatePath())) {
            cert =
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        List<String> sans = new ArrayList<>();
        cert.getSubjectAlternativeNames().forEach(san -> sans.add(san.get(0) + "=" + san.get(1)));
        return sans;
    }

    private static int clockStatus(SimulatorClient c, String host, int port) throws Exception {
        return c.http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "https://"
                                                        + host
                                                        + ":"
                                                        + port
                                                        + "/simulator/clock"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsRefusedAndPlainHttpIsNotServed() throws Exception {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            HttpClient untrusting = HttpClient.newHttpClient();
            URI uri = URI.create("https://127.0.0.1:" + c.sim.port() + "/simulator/clock");
            try {
                untrusting.send(
                        HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
                throw new AssertionError(
                        "the default trust store must not accept the self-signed certificate");
            } catch (SSLHandshakeException expected) {
                assertThat(expected).isNotNull();
            }
            try {
                HttpResponse<String> plain =
                        untrusting.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + c.sim.port()
                                                                + "/simulator/clock"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(plain.statusCode())
                        .as("plain HTTP gets nothing useful")
                        .isNotEqualTo(200);
            } catch (IOException expected) {
                assertThat(expected).isNotNull();
            }
        }
    }

    @Test
    void strictAuthAnswersArms401WithoutABearerTokenAndAcceptsAnyToken() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual().strictAuth(true))) {
            c.putNamespace("rg-a", "ns-auth-one", "{}");
            String path = SimulatorClient.nsId("rg-a", "ns-auth-one") + "?api-version=2021-11-01";
            SimulatorClient.Resp none = c.send("GET", path, null);
            assertThat(none.status()).isEqualTo(401);
            assertThat(none.errorCode()).isEqualTo("AuthenticationFailed");
            assertThat(none.errorMessage())
                    .isEqualTo("Authentication failed. The 'Authorization' header is missing.");
            assertThat(none.header("WWW-Authenticate")).startsWith("Bearer ");
            SimulatorClient.Resp basic =
                    c.send("GET", path, null, "Authorization", "Basic dXNlcjpwdw==");
            assertThat(basic.status()).isEqualTo(401);
            assertThat(basic.errorMessage()).contains("invalid format");
            SimulatorClient.Resp ok =
                    c.send("GET", path, null, "Authorization", "Bearer anything-at-all");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(c.send("GET", "/simulator/namespaces", null).status())
                    .as("the admin API needs no token")
                    .isEqualTo(200);
        }
        try (SimulatorClient lax = SimulatorClient.start(SimulatorClient.manual())) {
            lax.putNamespace("rg-a", "ns-auth-one", "{}");
            assertThat(
                            lax.send(
                                            "GET",
                                            SimulatorClient.nsId("rg-a", "ns-auth-one")
                                                    + "?api-version=2021-11-01",
                                            null)
                                    .status())
                    .as("without strict mode no token is needed")
                    .isEqualTo(200);
        }
    }
}
