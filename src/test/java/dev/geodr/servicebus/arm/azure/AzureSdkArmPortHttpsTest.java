package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.FailoverMode;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real transport: Vert.x HTTP client, TLS with a PEM-trusted self-signed certificate, the SDK's
 * unmodified bearer-token policy, against a tiny HTTPS responder (the full ARM simulator is
 * exercised in AzureSdkArmPortSimulatorTest). Proves the wiring the operator uses in production.
 */
class AzureSdkArmPortHttpsTest {

    record Seen(String method, String uri, String authorization, String body) {}

    static Vertx vertx;
    static SelfSignedCertificate cert;
    static HttpServer server;
    static final List<Seen> seen = new CopyOnWriteArrayList<>();
    static volatile int status = 200;
    static volatile String body = AzureSdkArmPortTest.PNR;
    static volatile boolean hang;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        cert = SelfSignedCertificate.create("localhost");
        server =
                vertx.createHttpServer(
                                new HttpServerOptions()
                                        .setSsl(true)
                                        .setKeyCertOptions(cert.keyCertOptions()))
                        .requestHandler(
                                req ->
                                        req.body()
                                                .onSuccess(
                                                        b -> {
                                                            seen.add(
                                                                    new Seen(
                                                                            req.method().name(),
                                                                            req.uri(),
                                                                            req.getHeader(
                                                                                    "Authorization"),
                                                                            b.toString()));
                                                            if (hang) {
                                                                return;
                                                            }
                                                            req.response()
                                                                    .setStatusCode(status)
                                                                    .putHeader(
                                                                            "Content-Type",
                                                                            "application/json; charset=utf-8")
                                                                    .end(body);
                                                        }))
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        cert.delete();
    }

    @BeforeEach
    void reset() {
        seen.clear();
        status = 200;
        body = AzureSdkArmPortTest.PNR;
        hang = false;
    }

    private static ArmGeoDrPort port(ArmEndpointSettings settings) {
        return new AzureSdkArmPortFactory(vertx, settings)
                .forIdentity(new ArmIdentity.OperatorDefault());
    }

    private static URI base() {
        return URI.create("https://localhost:" + server.actualPort() + "/");
    }

    @Test
    void callsGoOverTlsWithTheSdksBearerToken() {
        ArmGeoDrPort port =
                port(ArmEndpointSettings.forSimulator(base(), Path.of(cert.certificatePath())));

        assertThat(port.getAlias(AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                .get()
                .extracting(AliasRecord::role)
                .isEqualTo(AliasRole.PrimaryNotReplicating);
        body = "";
        port.failover(
                AzureSdkArmPortTest.SECONDARY, AzureSdkArmPortTest.ALIAS, FailoverMode.Forced);

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0).uri())
                .isEqualTo(AzureSdkArmPortTest.ALIAS_PATH + "?api-version=2021-11-01");
        assertThat(seen)
                .allSatisfy(
                        s ->
                                assertThat(s.authorization())
                                        .isEqualTo("Bearer simulator-token-operator"));
        assertThat(seen.get(1).method()).isEqualTo("POST");
        assertThat(seen.get(1).body()).isEmpty();
    }

    @Test
    void withAProxyEveryCallGoesThroughAConnectTunnelWithTheProxyCredentials() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            // no bypass list: "localhost" would otherwise connect directly (ArmProxy.ALWAYS_DIRECT)
            ArmProxy viaProxy =
                    new ArmProxy(
                            ArmProxy.Type.HTTP,
                            "127.0.0.1",
                            proxy.port(),
                            Optional.of("egress"),
                            Optional.of("pa:ss"),
                            List.of(),
                            List.of());
            ArmGeoDrPort port =
                    port(
                            ArmEndpointSettings.forSimulator(
                                            base(), Path.of(cert.certificatePath()))
                                    .toBuilder()
                                    .proxy(viaProxy)
                                    .build());

            assertThat(port.getAlias(AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                    .isPresent();
            port.getAlias(AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS);

            assertThat(seen)
                    .hasSize(2)
                    .allSatisfy(
                            s ->
                                    assertThat(s.authorization())
                                            .isEqualTo("Bearer simulator-token-operator"));
            ConnectProxy.Tunnel expected =
                    new ConnectProxy.Tunnel(
                            "localhost:" + server.actualPort(),
                            "Basic "
                                    + Base64.getEncoder()
                                            .encodeToString(
                                                    "egress:pa:ss"
                                                            .getBytes(StandardCharsets.UTF_8)));
            // a kept-alive connection carries both calls through one tunnel; never more tunnels
            // than calls
            assertThat(proxy.tunnels())
                    .hasSizeBetween(1, 2)
                    .allSatisfy(t -> assertThat(t).isEqualTo(expected));
        }
    }

    @Test
    void aBypassedHostIsReachedDirectlyEvenWithAProxy() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            ArmProxy viaProxy =
                    new ArmProxy(
                            ArmProxy.Type.HTTP,
                            "127.0.0.1",
                            proxy.port(),
                            Optional.empty(),
                            Optional.empty(),
                            ArmProxy.parseNoProxy("").patterns(),
                            List.of());
            ArmGeoDrPort port =
                    port(
                            ArmEndpointSettings.forSimulator(
                                            base(), Path.of(cert.certificatePath()))
                                    .toBuilder()
                                    .proxy(viaProxy)
                                    .build());

            assertThat(port.getAlias(AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                    .isPresent();

            assertThat(seen).hasSize(1);
            assertThat(proxy.tunnels()).isEmpty();
        }
    }

    @Test
    void anUnreachableProxyIsATransientConnectionFailure() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ArmProxy deadProxy =
                new ArmProxy(
                        ArmProxy.Type.HTTP,
                        "127.0.0.1",
                        closedPort,
                        Optional.empty(),
                        Optional.empty(),
                        List.of(),
                        List.of());
        ArmGeoDrPort port =
                port(
                        ArmEndpointSettings.forSimulator(base(), Path.of(cert.certificatePath()))
                                .toBuilder()
                                .proxy(deadProxy)
                                .build());

        assertThatThrownBy(
                        () ->
                                port.breakPairing(
                                        AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT));
        assertThat(seen).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsFatal() {
        ArmGeoDrPort port =
                port(ArmEndpointSettings.builder().armEndpoint(base()).simulatorMode(true).build());

        assertThatThrownBy(
                        () -> port.getAlias(AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
                            assertThat(e.code()).isEqualTo("TlsFailure");
                            assertThat(e.httpStatus()).isZero();
                        });
        assertThat(seen).isEmpty();
    }

    @Test
    void aRefusedConnectionIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        ArmGeoDrPort port =
                port(
                        ArmEndpointSettings.forSimulator(
                                URI.create("https://localhost:" + closedPort + "/"),
                                Path.of(cert.certificatePath())));

        assertThatThrownBy(
                        () ->
                                port.breakPairing(
                                        AzureSdkArmPortTest.PRIMARY, AzureSdkArmPortTest.ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
                            assertThat(e.code()).isEqualTo("ConnectionFailed");
                        });
    }

    @Test
    void aResponseThatNeverComesTimesOutAsTransientAndIsNotResent() {
        hang = true;
        ArmGeoDrPort port =
                port(
                        ArmEndpointSettings.forSimulator(base(), Path.of(cert.certificatePath()))
                                .toBuilder()
                                .responseTimeout(Duration.ofMillis(700))
                                .build());

        assertThatThrownBy(
                        () ->
                                port.failover(
                                        AzureSdkArmPortTest.SECONDARY,
                                        AzureSdkArmPortTest.ALIAS,
                                        FailoverMode.Safe))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
                            assertThat(e.code()).isEqualTo("Timeout");
                        });
        assertThat(seen).hasSize(1);
    }

    @Test
    void thePortRefusesToBlockAnEventLoop() throws Exception {
        ArmGeoDrPort port =
                port(ArmEndpointSettings.forSimulator(base(), Path.of(cert.certificatePath())));
        Throwable failure =
                vertx.executeBlocking(() -> null)
                        .compose(
                                x -> {
                                    Promise<Throwable> p = Promise.promise();
                                    vertx.runOnContext(
                                            v -> {
                                                try {
                                                    port.getAlias(
                                                            AzureSdkArmPortTest.PRIMARY,
                                                            AzureSdkArmPortTest.ALIAS);
                                                    p.complete(null);
                                                } catch (Throwable t) {
                                                    p.complete(t);
                                                }
                                            });
                                    return p.future();
                                })
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(IllegalStateException.class);
        assertThat(seen).isEmpty();
    }
}
