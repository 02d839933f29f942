package dev.geodr.servicebus.simulator.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * ARM's per-subscription token buckets (§6.1), one per operation kind. They run on the wall clock,
 * not the virtual one: throttling is about real request rates, and a manual clock that never moves
 * must not starve a test of read tokens.
 */
public final class ThrottleBuckets {

    /**
     * Which bucket a call draws from and which header reports it (§6.1: GET reads, DELETE deletes,
     * rest writes).
     */
    public enum Kind {
        READS("reads", "read"),
        WRITES("writes", "write"),
        DELETES("deletes", "delete");

        private final String plural;
        private final String singular;

        Kind(String plural, String singular) {
            this.plural = plural;
            this.singular = singular;
        }

        public String header() {
            return "x-ms-ratelimit-remaining-subscription-" + plural;
        }

        public String singular() {
            return singular;
        }

        public static Kind of(String method) {
            return switch (method.toUpperCase(Locale.ROOT)) {
                case "GET", "HEAD" -> READS;
                case "DELETE" -> DELETES;
                default -> WRITES;
            };
        }
    }

    /** Result of taking a token: allowed with what is left, or refused with the seconds to wait. */
    public record Outcome(boolean allowed, long remaining, long retryAfterSeconds) {}

    /** When a bucket never refills, clients are told to come back in an hour. */
    static final long NO_REFILL_RETRY_AFTER = 3600;

    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile ThrottleLimits limits;

    public ThrottleBuckets(ThrottleLimits limits) {
        this(limits, System::nanoTime);
    }

    public ThrottleBuckets(ThrottleLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    public Outcome take(String subscriptionId, Kind kind) {
        ThrottleLimits l = limits;
        String key = kind.name() + "/" + subscriptionId.toLowerCase(Locale.ROOT);
        Bucket b =
                buckets.computeIfAbsent(
                        key, k -> new Bucket(size(l, kind), refill(l, kind), nanos.getAsLong()));
        return b.take(nanos.getAsLong());
    }

    /** New limits start with full buckets (the {@code throttle} fault and its removal). */
    public void reconfigure(ThrottleLimits newLimits) {
        limits = newLimits;
        buckets.clear();
    }

    public ThrottleLimits limits() {
        return limits;
    }

    private static int size(ThrottleLimits l, Kind k) {
        return switch (k) {
            case READS -> l.reads();
            case WRITES -> l.writes();
            case DELETES -> l.deletes();
        };
    }

    private static double refill(ThrottleLimits l, Kind k) {
        return switch (k) {
            case READS -> l.readsRefillPerSecond();
            case WRITES -> l.writesRefillPerSecond();
            case DELETES -> l.deletesRefillPerSecond();
        };
    }

    private static final class Bucket {
        private final double capacity;
        private final double refillPerSecond;
        private double tokens;
        private long last;

        Bucket(double capacity, double refillPerSecond, long now) {
            this.capacity = capacity;
            this.refillPerSecond = refillPerSecond;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Outcome take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * refillPerSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Outcome(true, (long) Math.floor(tokens), 0);
            }
            long wait =
                    refillPerSecond <= 0
                            ? NO_REFILL_RETRY_AFTER
                            : Math.max(1, (long) Math.ceil((1 - tokens) / refillPerSecond));
            return new Outcome(false, 0, wait);
        }
    }
}
