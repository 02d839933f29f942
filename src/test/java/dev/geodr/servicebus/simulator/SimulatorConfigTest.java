package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.geodr.servicebus.simulator.clock.VirtualClock;
import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Configuration from the environment, the virtual clock, and the two ways of embedding. */
class SimulatorConfigTest {

    @Test
    void defaultsMatchTheIssue() {
        SimulatorConfig c = SimulatorConfig.fromEnv(Map.of());
        assertThat(c.port()).isEqualTo(8443);
        assertThat(c.timeScale()).isEqualTo(1.0);
        assertThat(c.manualClock()).isFalse();
        assertThat(c.seedFile()).isNull();
        assertThat(c.strictAuth()).isFalse();
        assertThat(c.throttle()).isEqualTo(new ThrottleLimits(250, 25, 200, 10, 200, 10));
        assertThat(c.timers().pair()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.timers().perEntity()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.timers().breakPhase1()).isEqualTo(Duration.ofSeconds(100));
        assertThat(c.timers().breakPhase2()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.timers().failover()).isEqualTo(Duration.ofSeconds(80));
        assertThat(c.timers().deleteVisibleFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.timers().nameReleaseDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.replicationEntitiesPerMinute()).isEqualTo(60);
        assertThat(c.deleteWhilePairedStatus()).isEqualTo(400);
        assertThat(c.maxBodyBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void everyVariableIsRead() {
        SimulatorConfig c =
                SimulatorConfig.fromEnv(
                        Map.of(
                                "SIMULATOR_PORT",
                                "0",
                                "SIMULATOR_TIME_SCALE",
                                "0.05",
                                "SIMULATOR_CLOCK",
                                "manual",
                                "SIMULATOR_SEED",
                                "/tmp/seed.yaml",
                                "SIMULATOR_STRICT_AUTH",
                                "true",
                                "SIMULATOR_CERT_DIR",
                                "/tmp/sim-certs",
                                "SIMULATOR_DELETE_WHILE_PAIRED_STATUS",
                                "409",
                                "SIMULATOR_LISTEN_ADDRESS",
                                "0.0.0.0",
                                "SIMULATOR_SERVER_NAMES",
                                " 10.88.0.1, arm-simulator.geodr-e2e.svc ,"));
        assertThat(c.port()).isZero();
        assertThat(c.timeScale()).isEqualTo(0.05);
        assertThat(c.manualClock()).isTrue();
        assertThat(c.seedFile()).isEqualTo(Path.of("/tmp/seed.yaml"));
        assertThat(c.strictAuth()).isTrue();
        assertThat(c.certificateDir()).isEqualTo(Path.of("/tmp/sim-certs"));
        assertThat(c.deleteWhilePairedStatus()).isEqualTo(409);
        assertThat(c.listenAddress()).isEqualTo("0.0.0.0");
        assertThat(c.extraServerNames())
                .containsExactly("10.88.0.1", "arm-simulator.geodr-e2e.svc");
    }

    @Test
    void badValuesNameTheVariable() {
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_PORT", "https")))
                .hasMessageContaining("SIMULATOR_PORT");
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_PORT", "70000")))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_TIME_SCALE", "0")))
                .hasMessageContaining("time scale");
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_TIME_SCALE", "fast")))
                .hasMessageContaining("SIMULATOR_TIME_SCALE");
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_CLOCK", "sundial")))
                .hasMessageContaining("SIMULATOR_CLOCK");
        assertThatThrownBy(() -> SimulatorConfig.fromEnv(Map.of("SIMULATOR_STRICT_AUTH", "maybe")))
                .hasMessageContaining("SIMULATOR_STRICT_AUTH");
        assertThatThrownBy(
                        () ->
                                SimulatorConfig.fromEnv(
                                        Map.of("SIMULATOR_DELETE_WHILE_PAIRED_STATUS", "418")))
                .hasMessageContaining("400 or 409");
    }

    @Test
    void theRealTimeClockRunsAtOneOverTheTimeScaleAndCanStillBeAdvanced() {
        AtomicLong nanos = new AtomicLong();
        VirtualClock clock =
                VirtualClock.realTime(0.05, Instant.parse("2030-01-01T00:00:00Z"), nanos::get);
        nanos.addAndGet(Duration.ofMillis(4500).toNanos());
        assertThat(clock.now())
                .as("a 90 s pairing takes 4.5 s at scale 0.05")
                .isEqualTo(Instant.parse("2030-01-01T00:01:30Z"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(clock.now()).isEqualTo(Instant.parse("2030-01-01T00:01:40Z"));
        assertThat(clock.isManual()).isFalse();
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        VirtualClock manual = VirtualClock.manual(Instant.parse("2030-01-01T00:00:00Z"));
        nanos.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(manual.now()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void aScaledRealTimeSimulatorCompletesAPairingInWallClockMilliseconds() {
        try (SimulatorClient c =
                SimulatorClient.start(SimulatorConfig.builder().port(0).timeScale(0.002))) {
            c.putNamespace("rg-rt", "ns-rt-one", "{}");
            c.putNamespace("rg-rt", "ns-rt-two", "{}");
            String one = SimulatorClient.nsId("rg-rt", "ns-rt-one");
            assertThat(
                            c.arm(
                                            "PUT",
                                            one,
                                            "/disasterRecoveryConfigs/rt-alias",
                                            SimulatorClient.partner(
                                                    SimulatorClient.nsId("rg-rt", "ns-rt-two")))
                                    .status())
                    .isEqualTo(200);
            Awaitility.await()
                    .atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    "Succeeded"
                                            .equals(
                                                    c.arm(
                                                                    "GET",
                                                                    one,
                                                                    "/disasterRecoveryConfigs/rt-alias",
                                                                    null)
                                                            .json()
                                                            .at("/properties/provisioningState")
                                                            .asText()));
            assertThat(c.send("GET", "/simulator/clock", null).json().get("mode").asText())
                    .isEqualTo("real-time");
        }
    }

    @Test
    void embeddedOnTheCallersVertxLeavesItRunningAndRemovesTheCertificateOnClose()
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ArmSimulator sim =
                    ArmSimulator.start(
                            SimulatorConfig.builder().port(0).manualClock(true).build(), vertx);
            Path cert = sim.certificatePath();
            assertThat(Files.exists(cert)).isTrue();
            assertThat(sim.port()).isPositive();
            ArmSimulator second =
                    ArmSimulator.start(
                            SimulatorConfig.builder().port(0).manualClock(true).build(), vertx);
            assertThat(second.port())
                    .as("two simulators on one Vert.x get ports of their own")
                    .isNotEqualTo(sim.port());
            second.close();
            sim.close();
            sim.close();
            assertThat(Files.exists(cert)).isFalse();
            assertThat(vertx.deploymentIDs()).isEmpty();
            assertThat(vertx.setTimer(1, id -> {}))
                    .as("the caller's Vert.x still runs")
                    .isNotNegative();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void aFixedPortInUseFailsTheStartClearly() {
        try (ArmSimulator first =
                ArmSimulator.start(SimulatorConfig.builder().port(0).manualClock(true).build())) {
            assertThatThrownBy(
                            () ->
                                    ArmSimulator.start(
                                            SimulatorConfig.builder()
                                                    .port(first.port())
                                                    .manualClock(true)
                                                    .build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("ARM simulator");
        }
    }
}
