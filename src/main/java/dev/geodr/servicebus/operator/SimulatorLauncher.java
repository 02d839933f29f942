package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.simulator.ArmSimulator;
import dev.geodr.servicebus.simulator.SimulatorConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Simulator mode ("DR drill without Azure"): the same Azure SDK talks HTTPS to the ARM simulator,
 * either one embedded in this process ({@code SIMULATOR_ENABLED=true}) or an already running one
 * ({@code SIMULATOR_URL} + {@code SIMULATOR_CERT}), so the operator can be restarted while Azure's
 * side keeps its state. Never active unless configured.
 */
@ApplicationScoped
public class SimulatorLauncher {

    private static final Logger LOG = Logger.getLogger(SimulatorLauncher.class);

    /** Where the simulator is and which certificate to trust. */
    public record Endpoint(URI baseUri, Path certificate) {}

    private final boolean enabled;
    private final Optional<URI> url;
    private final Optional<Path> cert;
    private final Map<String, String> embeddedEnv;
    private ArmSimulator embedded;

    public SimulatorLauncher(
            @ConfigProperty(name = "simulator.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "simulator.url") Optional<URI> url,
            @ConfigProperty(name = "simulator.cert") Optional<Path> cert,
            @ConfigProperty(name = "simulator.port", defaultValue = "8443") String port,
            @ConfigProperty(name = "simulator.clock") Optional<String> clock,
            @ConfigProperty(name = "simulator.time-scale") Optional<String> timeScale,
            @ConfigProperty(name = "simulator.seed") Optional<String> seed,
            @ConfigProperty(name = "simulator.cert-dir") Optional<String> certDir) {
        this.enabled = enabled || url.isPresent();
        this.url = url;
        this.cert = cert;
        Map<String, String> env = new HashMap<>();
        env.put("SIMULATOR_PORT", port);
        clock.ifPresent(v -> env.put("SIMULATOR_CLOCK", v));
        timeScale.ifPresent(v -> env.put("SIMULATOR_TIME_SCALE", v));
        seed.ifPresent(v -> env.put("SIMULATOR_SEED", v));
        certDir.ifPresent(v -> env.put("SIMULATOR_CERT_DIR", v));
        this.embeddedEnv = Map.copyOf(env);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The simulator endpoint, starting the embedded one on first use. */
    public synchronized Endpoint endpoint() {
        if (url.isPresent()) {
            Path trusted =
                    cert.orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "SIMULATOR_URL is set but SIMULATOR_CERT (the simulator's certificate PEM path) is not"));
            return new Endpoint(url.get(), trusted);
        }
        if (embedded == null) {
            // Its own Vert.x: Quarkus's instance would meter the simulator's HTTP server with the
            // operator's
            // Micrometer binder, whose Prometheus tag sets clash and stop the operator's HTTP
            // server starting.
            embedded = ArmSimulator.start(SimulatorConfig.fromEnv(embeddedEnv));
            LOG.infof(
                    "ARM simulator listening on %s (certificate: %s)",
                    embedded.baseUri(), embedded.certificatePath());
        }
        return new Endpoint(embedded.baseUri(), embedded.certificatePath());
    }

    /**
     * The embedded simulator's clock, once it runs: "now" as the simulated ARM sees it (manual in
     * tests, faster than real time in the demo).
     */
    public synchronized Optional<java.time.Clock> embeddedClock() {
        return embedded == null ? Optional.empty() : Optional.of(embedded.clock().asClock());
    }

    void stop(@Observes ShutdownEvent event) {
        if (embedded != null) {
            embedded.close();
        }
    }
}
