package dev.geodr.servicebus.arm.azure;

import java.time.Duration;
import java.util.Objects;

/**
 * The client-side ARM budget per subscription, shared by every pairing in that subscription. By
 * default it is a share of ARM's documented per-subscription token buckets (reads: 250, refilling
 * 25 per second; writes and deletes: 200, refilling 10 per second), so that the operator keeps pace
 * with what ARM allows and still leaves the rest of the subscription's quota to other tools.
 *
 * @param readsPerSecond read tokens added per second
 * @param readBurst the most read tokens a subscription can hold
 * @param writesPerSecond write tokens added per second (PUT, POST, DELETE)
 * @param writeBurst the most write tokens a subscription can hold
 * @param armShare the share (0, 1] of ARM's remaining quota, as its {@code
 *     x-ms-ratelimit-remaining-subscription-*} headers report it, that routine calls may use
 * @param throttleWithoutRetryAfter how long to wait after a 429 that carries no Retry-After header
 * @param maxPause the longest a 429's Retry-After may pause a subscription (a guard against absurd
 *     values)
 */
public record RateLimitSettings(
        double readsPerSecond,
        int readBurst,
        double writesPerSecond,
        int writeBurst,
        double armShare,
        Duration throttleWithoutRetryAfter,
        Duration maxPause) {

    /** ARM's documented per-subscription buckets (Azure Resource Manager throttling, 2024). */
    public static final int ARM_READ_BUCKET = 250;

    public static final double ARM_READ_REFILL_PER_SECOND = 25;
    public static final int ARM_WRITE_BUCKET = 200;
    public static final double ARM_WRITE_REFILL_PER_SECOND = 10;

    /** Half of ARM's quota for the operator, half for every other tool in the subscription. */
    public static final double DEFAULT_ARM_SHARE = 0.5;

    public static final Duration DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER = Duration.ofSeconds(10);
    public static final Duration DEFAULT_MAX_PAUSE = Duration.ofMinutes(10);

    public RateLimitSettings {
        if (!(readsPerSecond > 0) || !(writesPerSecond > 0)) {
            throw new IllegalArgumentException("rates must be positive");
        }
        if (readBurst < 1 || writeBurst < 1) {
            throw new IllegalArgumentException("bursts must be at least 1");
        }
        requireShare(armShare);
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

    /** {@code share} of ARM's documented buckets, in size and refill. */
    public static RateLimitSettings shareOfArm(double share) {
        // checked before the budget is derived from it, so a bad share is named as such
        requireShare(share);
        return new RateLimitSettings(
                ARM_READ_REFILL_PER_SECOND * share,
                Math.max(1, (int) Math.floor(ARM_READ_BUCKET * share)),
                ARM_WRITE_REFILL_PER_SECOND * share,
                Math.max(1, (int) Math.floor(ARM_WRITE_BUCKET * share)),
                share,
                DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER,
                DEFAULT_MAX_PAUSE);
    }

    private static void requireShare(double share) {
        if (!(share > 0) || share > 1) {
            throw new IllegalArgumentException("the ARM share must be in (0, 1]");
        }
    }

    /** {@link #DEFAULT_ARM_SHARE} of ARM's buckets: reads 125 at 12.5/s, writes 100 at 5/s. */
    public static RateLimitSettings defaults() {
        return shareOfArm(DEFAULT_ARM_SHARE);
    }

    public RateLimitSettings withReads(double perSecond, int burst) {
        return new RateLimitSettings(
                perSecond,
                burst,
                writesPerSecond,
                writeBurst,
                armShare,
                throttleWithoutRetryAfter,
                maxPause);
    }

    public RateLimitSettings withWrites(double perSecond, int burst) {
        return new RateLimitSettings(
                readsPerSecond,
                readBurst,
                perSecond,
                burst,
                armShare,
                throttleWithoutRetryAfter,
                maxPause);
    }

    double ratePerSecond(ArmCallKind kind) {
        return kind == ArmCallKind.READ ? readsPerSecond : writesPerSecond;
    }

    int burst(ArmCallKind kind) {
        return kind == ArmCallKind.READ ? readBurst : writeBurst;
    }
}
