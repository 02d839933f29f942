package dev.geodr.servicebus.arm.azure;

import dev.geodr.servicebus.simulator.ArmSimulator;
import dev.geodr.servicebus.simulator.SimulatorClient;
import dev.geodr.servicebus.simulator.SimulatorConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The adapter tests' one simulator per class: on an ephemeral port with a manual clock, the Vert.x
 * instance the real SDK's HTTP client runs on, and an admin client for the simulator's state.
 */
abstract class ManualSimulatorTest {

    static ArmSimulator sim;
    static Vertx vertx;
    static SimulatorClient admin;

    @BeforeAll
    static void startSimulator() {
        sim =
                ArmSimulator.start(
                        SimulatorConfig.fromEnv(
                                Map.of("SIMULATOR_PORT", "0", "SIMULATOR_CLOCK", "manual")));
        vertx = Vertx.vertx();
        admin = SimulatorClient.connect(sim.baseUri(), sim.certificatePath());
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        if (sim != null) {
            sim.close();
        }
    }
}
