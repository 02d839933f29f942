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
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Convergence when ARM itself is the bottleneck: ARM's buckets shrunk to 5 reads and 2 writes,
 * refilling 2 per second, far below the operator's own client-side budget, so ARM answers 429 with
 * Retry-After. Before the operator learnt ARM's remaining budget from its headers, kept what a
 * refused pass had read and spread its retries, four pairings in one subscription did not all
 * become Ready in 90 s: every pass spent its tokens on reads, was refused midway and started over.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@TestProfile(ThrottledConvergenceIT.ProductionBudget.class)
class ThrottledConvergenceIT {

    /** The production client-side budget and production-like polls (a fast poll of 2 s). */
    public static class ProductionBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "geodr.poll.fast", "2s",
                    "geodr.poll.first-after-pairing", "6s",
                    "geodr.poll.pending", "6s",
                    "geodr.poll.steady", "20s",
                    "geodr.arm.reads-per-second", "10",
                    "geodr.arm.read-burst", "50",
                    "geodr.arm.writes-per-second", "2",
                    "geodr.arm.write-burst", "20");
        }
    }

    @Inject KubernetesClient client;

    @Inject SimulatorLauncher launcher;

    SimulatorClient sim;

    @AfterEach
    void restoreArmLimits() {
        if (sim != null) {
            sim.clearFaults();
        }
    }

    @Test
    void fourPairingsInOneSubscriptionAllConvergeUnderArmThrottling() {
        SimulatorLauncher.Endpoint endpoint = launcher.endpoint();
        sim = SimulatorClient.connect(endpoint.baseUri(), endpoint.certificate());
        OperatorHarness op = new OperatorHarness(client, sim);
        sim.addFaults("{\"throttle\":{\"reads\":5,\"writes\":2,\"refillPerSecond\":2}}");
        List<String> names = IntStream.range(0, 4).mapToObj(i -> "thr" + i).toList();
        for (String name : names) {
            sim.putNamespace(OperatorHarness.ref(name + "-weu"), OperatorHarness.premium(2));
            sim.putNamespace(OperatorHarness.ref(name + "-neu"), OperatorHarness.premium(0));
            op.create(op.pairing(name, name + "-weu", name + "-neu"));
        }

        // the virtual clock moves 10 s per real second, so ARM's 60 s pairing takes 6 s
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> {
                            sim.advance(10);
                            return names.stream()
                                    .map(op::get)
                                    .allMatch(cr -> OperatorHarness.isTrue(cr, "Ready"));
                        });

        double seconds = (System.nanoTime() - start) / 1e9;
        List<SimulatorClient.Call> calls = sim.calls("/thr");
        long sent = calls.stream().filter(c -> c.status() != 429 && !c.isWrite()).count();
        long refused = calls.stream().filter(c -> c.status() == 429).count();
        System.out.printf(
                "THROTTLED pairings=%d secondsToAllReady=%.1f readsAtArm=%d armRefusals=%d %s%n",
                names.size(),
                seconds,
                sent,
                refused,
                calls.stream()
                        .collect(
                                java.util.stream.Collectors.groupingBy(
                                        c -> c.method() + " " + c.operation(),
                                        java.util.TreeMap::new,
                                        java.util.stream.Collectors.counting())));
        for (String name : names) {
            ServiceBusGeoPairing cr = op.get(name);
            assertThat(cr.getStatus().getRole()).as(name).isEqualTo("Primary");
            assertThat(sim.count("/" + name + "-weu/", "put"))
                    .as("one PUT creates " + name)
                    .isEqualTo(1);
        }
        // before: 114 reads at ARM (28.5 a pairing) and 19 refusals by ARM
        assertThat(sent)
                .as("reads at ARM from creation to Ready, for four pairings")
                .isLessThanOrEqualTo(4 * 15);
    }
}
