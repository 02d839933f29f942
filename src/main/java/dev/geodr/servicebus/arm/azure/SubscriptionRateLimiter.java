package dev.geodr.servicebus.arm.azure;

import dev.geodr.servicebus.arm.CallPriority;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per (subscription, read/write) shared by every pairing. The adapter asks it before
 * each HTTP request; when it says no, the request is not sent and the caller gets {@code THROTTLED}
 * with the time to wait, so a throttled operator never piles up calls against ARM.
 *
 * <p>It follows ARM rather than a fixed guess in three ways:
 *
 * <ul>
 *   <li><b>Urgent calls first.</b> A failover's reads and POST may overdraw the bucket by one
 *       burst; routine calls wait until the debt is repaid. So a failover is never queued behind
 *       polls or other pairings' preflight, and routine work pays for it afterwards.
 *   <li><b>ARM's remaining quota.</b> Every ARM answer carries {@code
 *       x-ms-ratelimit-remaining-subscription-reads} (or {@code -writes}); the bucket never holds
 *       more than the configured share of it, so the operator slows down when other tools use the
 *       subscription and leaves them their part.
 *   <li><b>429.</b> ARM's Retry-After pauses that kind of call for the subscription (reads being
 *       throttled does not hold back a failover POST), the bucket restarts from at most one token,
 *       and its refill rate halves (to at most a sixteenth), recovering by doubling every {@link
 *       #RECOVERY_PERIOD} after the pause without a 429: a budget larger than the subscription
 *       really has shrinks to it instead of hitting the limit again after every pause.
 * </ul>
 */
public final class SubscriptionRateLimiter {

    /** How long the refill rate takes to double back after a 429 halved it. */
    static final Duration RECOVERY_PERIOD = Duration.ofSeconds(30);

    /** The slowest a run of 429s can make a bucket refill, as a fraction of its configured rate. */
    static final double MIN_RATE_FACTOR = 1.0 / 16;

    private final RateLimitSettings settings;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SubscriptionRateLimiter(RateLimitSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /**
     * Takes one token for a request of {@code kind} in {@code subscriptionId}.
     *
     * @return empty when the request may be sent; otherwise how long until it could be (always
     *     positive)
     */
    public Optional<Duration> tryAcquire(
            String subscriptionId, ArmCallKind kind, CallPriority priority) {
        return bucket(subscriptionId, kind).tryTake(priority, clock.instant());
    }

    /** A routine request. */
    public Optional<Duration> tryAcquire(String subscriptionId, ArmCallKind kind) {
        return tryAcquire(subscriptionId, kind, CallPriority.ROUTINE);
    }

    /**
     * ARM answered 429 to a {@code kind} request with this Retry-After: pauses that kind for the
     * subscription (capped at the configured maximum) and halves its refill rate.
     */
    public void throttled(String subscriptionId, ArmCallKind kind, Duration retryAfter) {
        Duration capped = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        if (capped.compareTo(settings.maxPause()) > 0) {
            capped = settings.maxPause();
        }
        Instant now = clock.instant();
        bucket(subscriptionId, kind).throttled(now, now.plus(capped));
    }

    /**
     * ARM reported how many {@code kind} requests the subscription has left: the bucket keeps at
     * most the configured share of them.
     */
    public void remaining(String subscriptionId, ArmCallKind kind, long remaining) {
        bucket(subscriptionId, kind)
                .capAt(Math.max(0, remaining) * settings.armShare(), clock.instant());
    }

    /** How much longer {@code kind} requests to the subscription are paused by a 429, if at all. */
    public Optional<Duration> pausedFor(String subscriptionId, ArmCallKind kind) {
        return bucket(subscriptionId, kind).pausedFor(clock.instant());
    }

    /** The (subscription, kind) bucket, made full on first use. */
    private Bucket bucket(String subscriptionId, ArmCallKind kind) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return buckets.computeIfAbsent(
                kind + "/" + subscriptionId.toLowerCase(Locale.ROOT),
                k ->
                        new Bucket(
                                settings.ratePerSecond(kind),
                                settings.burst(kind),
                                clock.instant()));
    }

    private static final class Bucket {
        private final double ratePerSecond;
        private final double capacity;
        private double tokens;
        private Instant lastRefill;
        private Instant pausedUntil = Instant.MIN;
        private double rateFactor = 1;
        private Instant lastThrottled = Instant.MIN;

        Bucket(double ratePerSecond, int capacity, Instant now) {
            this.ratePerSecond = ratePerSecond;
            this.capacity = capacity;
            this.tokens = capacity;
            this.lastRefill = now;
        }

        synchronized Optional<Duration> tryTake(CallPriority priority, Instant now) {
            Optional<Duration> paused = pausedFor(now);
            if (paused.isPresent()) {
                return paused;
            }
            refill(now);
            // urgent calls may overdraw by one burst; routine ones need a whole token
            double floor = priority == CallPriority.URGENT ? 1 - capacity : 1;
            if (tokens >= floor) {
                tokens -= 1;
                return Optional.empty();
            }
            double rate = ratePerSecond * rateFactor(now);
            long waitNanos = (long) Math.ceil((floor - tokens) / rate * 1_000_000_000d);
            return Optional.of(Duration.ofNanos(Math.max(1, waitNanos)));
        }

        synchronized void throttled(Instant now, Instant until) {
            refill(now);
            rateFactor = Math.max(MIN_RATE_FACTOR, rateFactor(now) / 2);
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            // recovery starts when calls may resume, not during the pause
            lastThrottled = pausedUntil.isAfter(now) ? pausedUntil : now;
            // at most one token after the pause, and nothing accrues during it
            tokens = Math.min(tokens, 1);
            if (pausedUntil.isAfter(lastRefill)) {
                lastRefill = pausedUntil;
            }
        }

        synchronized void capAt(double most, Instant now) {
            refill(now);
            tokens = Math.min(tokens, most);
        }

        synchronized Optional<Duration> pausedFor(Instant now) {
            return now.isBefore(pausedUntil)
                    ? Optional.of(Duration.between(now, pausedUntil))
                    : Optional.empty();
        }

        /** The halved rate doubles back every recovery period since the last 429. */
        private double rateFactor(Instant now) {
            if (rateFactor >= 1 || !now.isAfter(lastThrottled)) {
                return rateFactor;
            }
            double periods =
                    Duration.between(lastThrottled, now).toNanos()
                            / (double) RECOVERY_PERIOD.toNanos();
            return Math.min(1, rateFactor * Math.pow(2, periods));
        }

        private void refill(Instant now) {
            if (!now.isAfter(lastRefill)) {
                return;
            }
            double seconds = Duration.between(lastRefill, now).toNanos() / 1_000_000_000d;
            tokens = Math.min(capacity, tokens + seconds * ratePerSecond * rateFactor(now));
            lastRefill = now;
        }
    }
}
