package dev.geodr.servicebus.simulator.http;

/**
 * Per-subscription ARM token buckets (docs/arm-semantics.md §6.1): size and refill per second for
 * reads (GET), writes (PUT and every POST) and deletes (DELETE).
 */
public record ThrottleLimits(
        int reads,
        double readsRefillPerSecond,
        int writes,
        double writesRefillPerSecond,
        int deletes,
        double deletesRefillPerSecond) {

    /**
     * ARM's 2024 token-bucket numbers: reads 250 refilling 25/s, writes and deletes 200 refilling
     * 10/s.
     */
    public static final ThrottleLimits ARM_DEFAULTS = new ThrottleLimits(250, 25, 200, 10, 200, 10);

    /**
     * Effectively unthrottled, for benchmarks that measure the simulator rather than ARM's limits.
     */
    public static final ThrottleLimits UNLIMITED =
            new ThrottleLimits(
                    Integer.MAX_VALUE / 2,
                    1e9,
                    Integer.MAX_VALUE / 2,
                    1e9,
                    Integer.MAX_VALUE / 2,
                    1e9);

    public ThrottleLimits {
        if (reads < 1 || writes < 1 || deletes < 1) {
            throw new IllegalArgumentException("bucket sizes must be at least 1");
        }
        if (!(readsRefillPerSecond >= 0)
                || !(writesRefillPerSecond >= 0)
                || !(deletesRefillPerSecond >= 0)) {
            throw new IllegalArgumentException("refill rates must be zero or positive");
        }
    }

    public static ThrottleLimits of(int size, double refillPerSecond) {
        return new ThrottleLimits(
                size, refillPerSecond, size, refillPerSecond, size, refillPerSecond);
    }
}
