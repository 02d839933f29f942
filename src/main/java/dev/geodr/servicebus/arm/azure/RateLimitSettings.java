package dev.geodr.servicebus.arm.azure;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side ARM budget per subscription, shared by every pairing in that subscription. The
 * defaults stay far below ARM's own per-subscription limits (reads 250 refilling 25/s, writes 200
 * refilling 10/s), so that one operator never starves other tools using the same subscription.
 *
 * @param readsPerSecond read tokens added per second
 * @param readBurst the most read tokens a subscription can hold
 * @param writesPerSecond write tokens added per second (PUT, POST, DELETE)
 * @param writeBurst the most write tokens a subscription can hold
 * @param throttleWithoutRetryAfter how long to wait after a 429 that carries no Retry-After header
 * @param maxPause the longest a 429's Retry-After may pause a subscription (a guard against absurd
 *     values)
 */
public record RateLimitSettings(
        double readsPerSecond,
        int readBurst,
        double writesPerSecond,
        int writeBurst,
        Duration throttleWithoutRetryAfter,
        Duration maxPause) {

    public static final double DEFAULT_READS_PER_SECOND = 10;
    public static final int DEFAULT_READ_BURST = 50;
    public static final double DEFAULT_WRITES_PER_SECOND = 2;
    public static final int DEFAULT_WRITE_BURST = 20;
    public static final Duration DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofMinutes(10);

    public RateLimitSettings {
        if (!(readsPerSecond > 0) || !(writesPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (readBurst < 1 || writeBurst < 1) {
            throw new IllegalArgumentException("bursts must be at least 1");
        }
        Objects.requireNonNull(throttleWithoutRetryAfter, "throttleWithoutRetryAfter");
        Objects.requireNonNull(maxPause, "maxPause");
        if (throttleWithoutRetryAfter.isNegative() || maxPause.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    /** Fewest and most connections the ARM client keeps open to the ARM endpoint. */
    static final int MIN_CONNECTIONS = 8;

    static final int MAX_CONNECTIONS = 256;

    /**
     * How many connections the ARM HTTP client may open to ARM: one per request a full burst can
     * have in flight (reads plus writes), within [{@value #MIN_CONNECTIONS}, {@value
     * #MAX_CONNECTIONS}]. Vert.x's default of 5 per host would queue a burst behind the client
     * instead of the budget, and at 100-300 ms per real ARM call cap the operator at 17-50 calls
     * per second.
     */
    public int connectionPoolSize() {
        return Math.max(MIN_CONNECTIONS, Math.min(MAX_CONNECTIONS, readBurst + writeBurst));
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(
                DEFAULT_READS_PER_SECOND,
                DEFAULT_READ_BURST,
                DEFAULT_WRITES_PER_SECOND,
                DEFAULT_WRITE_BURST,
                DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER,
                DEFAULT_MAX_PAUSE);
    }

    public RateLimitSettings withReads(double perSecond, int burst) {
        return new RateLimitSettings(
                perSecond, burst, writesPerSecond, writeBurst, throttleWithoutRetryAfter, maxPause);
    }

    public RateLimitSettings withWrites(double perSecond, int burst) {
        return new RateLimitSettings(
                readsPerSecond, readBurst, perSecond, burst, throttleWithoutRetryAfter, maxPause);
    }

    double ratePerSecond(ArmCallKind kind) {
        return kind == ArmCallKind.READ ? readsPerSecond : writesPerSecond;
    }

    int burst(ArmCallKind kind) {
        return kind == ArmCallKind.READ ? readBurst : writeBurst;
    }
}
