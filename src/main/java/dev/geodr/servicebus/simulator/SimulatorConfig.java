package dev.geodr.servicebus.simulator;

import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import dev.geodr.servicebus.simulator.state.GeoTimings;
import dev.geodr.servicebus.simulator.state.SimulatorTimers;
import dev.geodr.servicebus.simulator.state.StateSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the simulator can be told at start. Build it with {@link #builder()} or read it from
 * the environment with {@link #fromEnv(Map)} (the standalone main and the embedded operator use the
 * same variables, so a demo behaves the same either way).
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (tests)
 * @param timeScale real seconds per virtual second in real-time mode (0.05 makes 90 s last 4.5 s)
 * @param manualClock the clock stands still until advanced through the admin API
 * @param manualClockStart where a manual clock starts; null means the wall-clock time at start
 * @param seedFile YAML or JSON list of namespaces loaded at start and on reset; may be null
 * @param strictAuth a request without a bearer token gets ARM's 401
 * @param throttle per-subscription token buckets
 * @param timers Geo-DR transition durations
 * @param replicationEntitiesPerMinute how fast {@code pendingReplicationOperationsCount} drains (0:
 *     never)
 * @param deleteWhilePairedStatus 400 (recorded) or 409 (documented EH variant) for DELETE with a
 *     partner
 * @param requireEmptySecondary refuse a secondary that already holds entities ("only new
 *     namespaces")
 * @param maxBodyBytes request bodies above this get a 413
 * @param certificateDir where the PEM files go; null means a fresh temporary directory
 * @param callLogCapacity how many ARM calls {@code GET /simulator/calls} keeps (oldest dropped
 *     first)
 * @param listenAddress the address the HTTPS server binds: 127.0.0.1 unless a client elsewhere (a
 *     Pod on a node of this machine) must reach it
 * @param extraServerNames IP addresses and DNS names the certificate covers besides 127.0.0.1 and
 *     localhost, so hostname verification passes for a client that dials one of them
 */
public record SimulatorConfig(
        int port,
        double timeScale,
        boolean manualClock,
        Instant manualClockStart,
        Path seedFile,
        boolean strictAuth,
        ThrottleLimits throttle,
        SimulatorTimers timers,
        double replicationEntitiesPerMinute,
        int deleteWhilePairedStatus,
        boolean requireEmptySecondary,
        int maxBodyBytes,
        Path certificateDir,
        int callLogCapacity,
        String listenAddress,
        List<String> extraServerNames,
        GeoTimings geoTimings) {

    public static final int DEFAULT_PORT = 8443;

    public SimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException(
                    "time scale must be a positive number, got " + timeScale);
        }
        Objects.requireNonNull(throttle, "throttle");
        Objects.requireNonNull(timers, "timers");
        Objects.requireNonNull(geoTimings, "geoTimings");
        if (!(replicationEntitiesPerMinute >= 0)) {
            throw new IllegalArgumentException("replication rate must be zero or positive");
        }
        if (deleteWhilePairedStatus != 400 && deleteWhilePairedStatus != 409) {
            throw new IllegalArgumentException(
                    "deleteWhilePairedStatus must be 400 or 409, got " + deleteWhilePairedStatus);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        if (callLogCapacity < 1) {
            throw new IllegalArgumentException("callLogCapacity must be at least 1");
        }
        Objects.requireNonNull(listenAddress, "listenAddress");
        extraServerNames = List.copyOf(extraServerNames);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads {@code SIMULATOR_PORT}, {@code SIMULATOR_TIME_SCALE}, {@code SIMULATOR_CLOCK=manual},
     * {@code SIMULATOR_SEED}, {@code SIMULATOR_STRICT_AUTH}, {@code SIMULATOR_CERT_DIR}, {@code
     * SIMULATOR_DELETE_WHILE_PAIRED_STATUS}, {@code SIMULATOR_LISTEN_ADDRESS} and {@code
     * SIMULATOR_SERVER_NAMES} (comma-separated); everything else keeps its default.
     *
     * @throws IllegalArgumentException naming the variable when a value cannot be used
     */
    public static SimulatorConfig fromEnv(Map<String, String> env) {
        Builder b = builder();
        String port = trimmed(env.get("SIMULATOR_PORT"));
        if (port != null) {
            b.port(parseInt("SIMULATOR_PORT", port));
        }
        String scale = trimmed(env.get("SIMULATOR_TIME_SCALE"));
        if (scale != null) {
            try {
                b.timeScale(Double.parseDouble(scale));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "SIMULATOR_TIME_SCALE must be a number, got '" + scale + "'");
            }
        }
        String clock = trimmed(env.get("SIMULATOR_CLOCK"));
        if (clock != null) {
            switch (clock.toLowerCase(Locale.ROOT)) {
                case "manual" -> b.manualClock(true);
                case "real", "realtime", "real-time" -> b.manualClock(false);
                default ->
                        throw new IllegalArgumentException(
                                "SIMULATOR_CLOCK must be 'manual' or 'real', got '" + clock + "'");
            }
        }
        String seed = trimmed(env.get("SIMULATOR_SEED"));
        if (seed != null) {
            b.seedFile(Path.of(seed));
        }
        String strict = trimmed(env.get("SIMULATOR_STRICT_AUTH"));
        if (strict != null) {
            b.strictAuth(parseBoolean("SIMULATOR_STRICT_AUTH", strict));
        }
        String certDir = trimmed(env.get("SIMULATOR_CERT_DIR"));
        if (certDir != null) {
            b.certificateDir(Path.of(certDir));
        }
        String deleteStatus = trimmed(env.get("SIMULATOR_DELETE_WHILE_PAIRED_STATUS"));
        if (deleteStatus != null) {
            b.deleteWhilePairedStatus(
                    parseInt("SIMULATOR_DELETE_WHILE_PAIRED_STATUS", deleteStatus));
        }
        String listen = trimmed(env.get("SIMULATOR_LISTEN_ADDRESS"));
        if (listen != null) {
            b.listenAddress(listen);
        }
        String names = trimmed(env.get("SIMULATOR_SERVER_NAMES"));
        if (names != null) {
            b.extraServerNames(
                    Arrays.stream(names.split(","))
                            .map(String::trim)
                            .filter(n -> !n.isEmpty())
                            .toList());
        }
        return b.build();
    }

    private static String trimmed(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int parseInt(String name, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
        }
    }

    private static boolean parseBoolean(String name, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default ->
                    throw new IllegalArgumentException(
                            name + " must be true or false, got '" + v + "'");
        };
    }

    /** Mutable builder; every setter has the default documented on the record. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private double timeScale = 1.0;
        private boolean manualClock;
        private Instant manualClockStart;
        private Path seedFile;
        private boolean strictAuth;
        private ThrottleLimits throttle = ThrottleLimits.ARM_DEFAULTS;
        private SimulatorTimers timers = SimulatorTimers.DEFAULTS;
        private GeoTimings geoTimings = GeoTimings.DEFAULTS;
        private double replicationEntitiesPerMinute = 60;
        private int deleteWhilePairedStatus = 400;
        private boolean requireEmptySecondary = true;
        private int maxBodyBytes = 64 * 1024;
        private Path certificateDir;
        private int callLogCapacity = 10_000;
        private String listenAddress = "127.0.0.1";
        private List<String> extraServerNames = List.of();

        private Builder() {}

        private Builder(SimulatorConfig c) {
            port = c.port;
            timeScale = c.timeScale;
            manualClock = c.manualClock;
            manualClockStart = c.manualClockStart;
            seedFile = c.seedFile;
            strictAuth = c.strictAuth;
            throttle = c.throttle;
            timers = c.timers;
            geoTimings = c.geoTimings;
            replicationEntitiesPerMinute = c.replicationEntitiesPerMinute;
            deleteWhilePairedStatus = c.deleteWhilePairedStatus;
            requireEmptySecondary = c.requireEmptySecondary;
            maxBodyBytes = c.maxBodyBytes;
            certificateDir = c.certificateDir;
            callLogCapacity = c.callLogCapacity;
            listenAddress = c.listenAddress;
            extraServerNames = c.extraServerNames;
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder timeScale(double v) {
            timeScale = v;
            return this;
        }

        public Builder manualClock(boolean v) {
            manualClock = v;
            return this;
        }

        public Builder manualClockStart(Instant v) {
            manualClockStart = v;
            return this;
        }

        public Builder seedFile(Path v) {
            seedFile = v;
            return this;
        }

        public Builder strictAuth(boolean v) {
            strictAuth = v;
            return this;
        }

        public Builder throttle(ThrottleLimits v) {
            throttle = v;
            return this;
        }

        public Builder timers(SimulatorTimers v) {
            timers = v;
            return this;
        }

        /** Geo-Replication durations (replica build, promotions, Retry-After). */
        public Builder geoTimings(GeoTimings v) {
            geoTimings = v;
            return this;
        }

        public Builder replicationEntitiesPerMinute(double v) {
            replicationEntitiesPerMinute = v;
            return this;
        }

        public Builder deleteWhilePairedStatus(int v) {
            deleteWhilePairedStatus = v;
            return this;
        }

        public Builder requireEmptySecondary(boolean v) {
            requireEmptySecondary = v;
            return this;
        }

        public Builder maxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        public Builder certificateDir(Path v) {
            certificateDir = v;
            return this;
        }

        public Builder callLogCapacity(int v) {
            callLogCapacity = v;
            return this;
        }

        public Builder listenAddress(String v) {
            listenAddress = v;
            return this;
        }

        public Builder extraServerNames(List<String> v) {
            extraServerNames = v;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(
                    port,
                    timeScale,
                    manualClock,
                    manualClockStart,
                    seedFile,
                    strictAuth,
                    throttle,
                    timers,
                    replicationEntitiesPerMinute,
                    deleteWhilePairedStatus,
                    requireEmptySecondary,
                    maxBodyBytes,
                    certificateDir,
                    callLogCapacity,
                    listenAddress,
                    extraServerNames,
                    geoTimings);
        }
    }

    /** The knobs of the state machine, the part of these settings that the state package sees. */
    public StateSettings stateSettings() {
        return new StateSettings(
                timers(),
                replicationEntitiesPerMinute(),
                deleteWhilePairedStatus(),
                requireEmptySecondary(),
                geoTimings());
    }
}
