package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The operator's ARM budget, as counts: N pairings created at once, then left steady. Rerun with
 * {@code ./mvnw -B verify -DskipUTs -Dit.test=ArmBudgetBenchmarkIT -Dbench.pairings=50}; results in
 * docs/benchmarks.md. Not part of the normal run (it takes a minute and measures, not checks).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(ArmBudgetBenchmarkIT.ProductionBudget.class)
@EnabledIfSystemProperty(named = "bench.pairings", matches = "\\d+")
class ArmBudgetBenchmarkIT {

    static final double STEADY_POLL_SECONDS = 10;

    /**
     * The production client-side budget (10 reads/s, 2 writes/s) with polls 5x faster than
     * production.
     */
    public static class ProductionBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "geodr.poll.fast",
                    "2s",
                    "geodr.poll.pending",
                    "6s",
                    "geodr.poll.steady",
                    "10s",
                    "geodr.arm.reads-per-second",
                    "10",
                    "geodr.arm.read-burst",
                    "50",
                    "geodr.arm.writes-per-second",
                    "2",
                    "geodr.arm.write-burst",
                    "20");
        }
    }

    @Inject KubernetesClient client;

    @Inject SimulatorLauncher launcher;

    @Test
    void steadyPairingsCostOnlyReads() {
        int n = Integer.parseInt(System.getProperty("bench.pairings"));
        SimulatorLauncher.Endpoint endpoint = launcher.endpoint();
        SimulatorClient sim = SimulatorClient.connect(endpoint.baseUri(), endpoint.certificate());
        OperatorHarness op = new OperatorHarness(client, sim);
        IntStream.range(0, n)
                .forEach(
                        i -> {
                            sim.putNamespace(
                                    OperatorHarness.ref("b" + i + "-weu"),
                                    OperatorHarness.premium(0));
                            sim.putNamespace(
                                    OperatorHarness.ref("b" + i + "-neu"),
                                    OperatorHarness.premium(0));
                            op.create(op.pairing("b" + i, "b" + i + "-weu", "b" + i + "-neu"));
                        });
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            sim.advance(20);
                            return client
                                            .resources(ServiceBusGeoPairing.class)
                                            .inNamespace("default")
                                            .list()
                                            .getItems()
                                            .stream()
                                            .filter(r -> OperatorHarness.isTrue(r, "Ready"))
                                            .count()
                                    == n;
                        });
        double toReady = (System.nanoTime() - start) / 1e9;
        long putsToReady = sim.calls("/b").stream().filter(c -> c.method().equals("PUT")).count();
        long callsToReady = sim.calls("/b").size();

        // The steady window ends when every pairing has had about five polls' worth of reads; its
        // length is
        // measured, not slept, so the cost per poll is reads over (pairings x elapsed polls).
        long writesBefore = sim.writes("/b");
        long readsBefore = sim.reads("/b");
        long steadyStart = System.nanoTime();
        await().atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> sim.reads("/b") - readsBefore >= 10L * n);
        double seconds = (System.nanoTime() - steadyStart) / 1e9;
        long steadyWrites = sim.writes("/b") - writesBefore;
        long steadyReads = sim.reads("/b") - readsBefore;
        double readsPerPairingPerPoll = steadyReads / (n * (seconds / STEADY_POLL_SECONDS));

        System.out.printf(
                "BENCH pairings=%d secondsToAllReady=%.1f armCallsToReady=%d putsToReady=%d "
                        + "steadySeconds=%.1f steadyReads=%d steadyWrites=%d readsPerPairingPerSteadyPoll=%.2f%n",
                n,
                toReady,
                callsToReady,
                putsToReady,
                seconds,
                steadyReads,
                steadyWrites,
                readsPerPairingPerPoll);
        assertThat(putsToReady).as("one PUT per pairing").isEqualTo(n);
        assertThat(steadyWrites).as("no writes when nothing changes").isZero();
    }
}
