package dev.geodr.servicebus.simulator;

import dev.geodr.servicebus.simulator.clock.VirtualClock;
import dev.geodr.servicebus.simulator.http.AdminHandler;
import dev.geodr.servicebus.simulator.http.ArmHandler;
import dev.geodr.servicebus.simulator.http.CallLog;
import dev.geodr.servicebus.simulator.http.Faults;
import dev.geodr.servicebus.simulator.http.HttpFront;
import dev.geodr.servicebus.simulator.http.SeedLoader;
import dev.geodr.servicebus.simulator.http.SelfSignedCertificate;
import dev.geodr.servicebus.simulator.http.ServerVerticle;
import dev.geodr.servicebus.simulator.http.ThrottleBuckets;
import dev.geodr.servicebus.simulator.state.AliasReads;
import dev.geodr.servicebus.simulator.state.AliasStateMachine;
import dev.geodr.servicebus.simulator.state.GeoAdmin;
import dev.geodr.servicebus.simulator.state.GeoReplication;
import dev.geodr.servicebus.simulator.state.NamespaceAdmin;
import dev.geodr.servicebus.simulator.state.NamespaceSpec;
import dev.geodr.servicebus.simulator.state.NsKeys;
import dev.geodr.servicebus.simulator.state.SimulatorState;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The ARM geo-DR simulator: Service Bus {@code disasterRecoveryConfigs} behaviour of
 * docs/arm-semantics.md §9 over HTTPS on 127.0.0.1, plus the admin API under {@code /simulator/}.
 * Start it standalone ({@link SimulatorMain}) or embedded (tests, the operator's {@code make run}).
 */
public final class ArmSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArmSimulator.class);

    /** Two listeners share the port so TLS work spreads over both cores of a small machine. */
    private static final int LISTENERS = 2;

    private static final long START_TIMEOUT_SECONDS = 30;
    private static final AtomicInteger EPHEMERAL_GROUPS =
            new AtomicInteger(new Random().nextInt(500_000));

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final boolean ownsVertx;
    private final SelfSignedCertificate certificate;
    private final VirtualClock clock;
    private final NamespaceAdmin namespaces;
    private final GeoAdmin geoAdmin;
    private final Faults faults;
    private final CallLog calls;
    private final List<String> deployments = new ArrayList<>();
    private int port;
    private volatile boolean closed;

    private ArmSimulator(SimulatorConfig config, Vertx vertx, boolean ownsVertx) {
        this.config = config;
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.clock =
                config.manualClock()
                        ? VirtualClock.manual(
                                config.manualClockStart() != null
                                        ? config.manualClockStart()
                                        : Instant.now())
                        : VirtualClock.realTime(config.timeScale());
        SimulatorState state = new SimulatorState(clock, config.stateSettings());
        ThrottleBuckets buckets = new ThrottleBuckets(config.throttle());
        this.faults = new Faults(buckets, config.throttle());
        state.setUnreachable(faults::isUnreachable);
        state.setRegionUnreachable(faults::isRegionUnreachable);
        // the lag model integrates up to the instant a fault changes, under the old conditions
        faults.beforeChange(state::settleNow);
        this.calls = new CallLog(config.callLogCapacity());
        this.namespaces = new NamespaceAdmin(state);
        GeoReplication geo = GeoReplication.over(state);
        this.geoAdmin = geo.admin();
        ArmHandler arm =
                new ArmHandler(
                        new AliasStateMachine(state),
                        new AliasReads(state),
                        geo,
                        faults,
                        buckets,
                        calls,
                        clock,
                        config.strictAuth());
        AdminHandler admin =
                new AdminHandler(namespaces, geo.admin(), clock, faults, calls, this::reset);
        seed();
        this.certificate =
                SelfSignedCertificate.create(config.certificateDir(), config.extraServerNames());
        HttpFront front =
                new HttpFront(
                        vertx, arm, admin, faults, calls, config.maxBodyBytes(), clock::nowMillis);
        try {
            listen(front);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts on a Vert.x instance of its own; blocks until the port is listening. */
    public static ArmSimulator start(SimulatorConfig config) {
        Vertx vertx = Vertx.vertx();
        try {
            return new ArmSimulator(config, vertx, true);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /**
     * Starts on the caller's Vert.x (e.g. the operator's); {@link #close()} leaves that Vert.x
     * running.
     */
    public static ArmSimulator start(SimulatorConfig config, Vertx vertx) {
        return new ArmSimulator(config, vertx, false);
    }

    private void listen(HttpFront front) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException(
                    "ArmSimulator.start blocks until listening; do not call it on an event loop");
        }
        // Vert.x shares a port among servers of the same address; a negative port means "a random
        // port,
        // shared by every server given this same negative number", which is what several listeners
        // on
        // an ephemeral port need without joining another simulator's random port in the same
        // Vert.x.
        int listenPort =
                config.port() == 0
                        ? -(1 + EPHEMERAL_GROUPS.getAndIncrement() % 1_000_000)
                        : config.port();
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost(config.listenAddress())
                        .setPort(listenPort)
                        .setSsl(true)
                        .setKeyCertOptions(
                                new PfxOptions()
                                        .setValue(Buffer.buffer(certificate.pkcs12()))
                                        .setPassword(certificate.storePassword()))
                        .setUseAlpn(false)
                        .setCompressionSupported(false)
                        .setHandle100ContinueAutomatically(false)
                        .setMaxInitialLineLength(16 * 1024)
                        .setMaxHeaderSize(32 * 1024)
                        .setIdleTimeout(120);
        ServerVerticle first = new ServerVerticle(options, front);
        deployments.add(await(vertx.deployVerticle(first)));
        port = first.actualPort();
        for (int i = 1; i < LISTENERS; i++) {
            deployments.add(
                    await(
                            vertx.deployVerticle(
                                    new ServerVerticle(options, front), new DeploymentOptions())));
        }
        LOG.infof(
                "ARM simulator listening on %s (%s clock)",
                baseUri(), clock.isManual() ? "manual" : "real-time, scale " + clock.timeScale());
    }

    private void seed() {
        Path seed = config.seedFile();
        if (seed == null) {
            return;
        }
        List<SeedLoader.Entry> entries = SeedLoader.entries(seed);
        for (SeedLoader.Entry e : entries) {
            NamespaceSpec spec = e.spec();
            String key = NsKeys.of(spec.subscriptionId(), spec.resourceGroup(), spec.name());
            if (e.geo() != null) {
                geoAdmin.checkSeedable(key, spec.sku(), spec.provider());
            }
            namespaces.put(spec);
            if (e.geo() != null) {
                geoAdmin.seed(key, e.geo());
            }
        }
        LOG.infof("seeded %d namespaces from %s", entries.size(), seed);
    }

    /** Admin reset: no namespaces, aliases, faults or calls; then the seed file again, if any. */
    private void reset() {
        namespaces.clear();
        faults.clear();
        calls.clear();
        seed();
    }

    public URI baseUri() {
        return URI.create("https://127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    /** The PEM certificate clients must trust (SAN 127.0.0.1 and localhost). */
    public Path certificatePath() {
        return certificate.certificatePath();
    }

    /**
     * The virtual clock, for embedders that prefer a method call to {@code POST
     * /simulator/clock/advance}.
     */
    public VirtualClock clock() {
        return clock;
    }

    public Instant advanceClock(Duration amount) {
        return clock.advance(amount);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String id : deployments) {
            try {
                await(vertx.undeploy(id));
            } catch (RuntimeException e) {
                LOG.debugf("undeploy failed: %s", e.toString());
            }
        }
        if (ownsVertx) {
            try {
                await(vertx.close());
            } catch (RuntimeException e) {
                LOG.debugf("closing Vert.x failed: %s", e.toString());
            }
        }
        if (certificate != null) {
            certificate.delete();
        }
        LOG.debug("ARM simulator stopped");
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage()
                    .toCompletableFuture()
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "ARM simulator: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "ARM simulator: no answer from Vert.x within " + START_TIMEOUT_SECONDS + " s",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ARM simulator: interrupted", e);
        }
    }
}
