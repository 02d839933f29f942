package dev.geodr.servicebus.arm.azure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per (subscription, read/write) shared by every pairing, plus a per-subscription
 * pause set by ARM's 429 {@code Retry-After}. The adapter asks it before each HTTP request; when it
 * says no, the request is not sent and the caller gets {@code THROTTLED} with the time to wait, so
 * a throttled operator never piles up calls against ARM.
 *
 * <p>After a pause the buckets restart from at most one token, so calls resume at the refill rate
 * instead of as a burst that would hit ARM's limit again.
 */
public final class SubscriptionRateLimiter {

    private final RateLimitSettings settings;
    private final Clock clock;
    private final Map<String, SubscriptionState> subscriptions = new ConcurrentHashMap<>();

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
    public Optional<Duration> tryAcquire(String subscriptionId, ArmCallKind kind) {
        return state(subscriptionId).tryAcquire(kind, clock.instant());
    }

    /**
     * Pauses every request to {@code subscriptionId} for {@code retryAfter} (capped at the
     * configured maximum).
     */
    public void pause(String subscriptionId, Duration retryAfter) {
        Duration capped = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        if (capped.compareTo(settings.maxPause()) > 0) {
            capped = settings.maxPause();
        }
        state(subscriptionId).pauseUntil(clock.instant().plus(capped));
    }

    /** How much longer the subscription is paused by a 429, if at all. */
    public Optional<Duration> pausedFor(String subscriptionId) {
        return state(subscriptionId).pausedFor(clock.instant());
    }

    private SubscriptionState state(String subscriptionId) {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        return subscriptions.computeIfAbsent(
                subscriptionId.toLowerCase(Locale.ROOT),
                k -> new SubscriptionState(settings, clock.instant()));
    }

    private static final class SubscriptionState {
        private final Map<ArmCallKind, Bucket> buckets = new EnumMap<>(ArmCallKind.class);
        private Instant pausedUntil = Instant.MIN;

        SubscriptionState(RateLimitSettings settings, Instant now) {
            for (ArmCallKind kind : ArmCallKind.values()) {
                buckets.put(
                        kind, new Bucket(settings.ratePerSecond(kind), settings.burst(kind), now));
            }
        }

        synchronized Optional<Duration> tryAcquire(ArmCallKind kind, Instant now) {
            Optional<Duration> paused = pausedFor(now);
            if (paused.isPresent()) {
                return paused;
            }
            return buckets.get(kind).tryTake(now);
        }

        synchronized void pauseUntil(Instant until) {
            if (until.isAfter(pausedUntil)) {
                pausedUntil = until;
            }
            buckets.values().forEach(b -> b.restartAt(pausedUntil));
        }

        synchronized Optional<Duration> pausedFor(Instant now) {
            return now.isBefore(pausedUntil)
                    ? Optional.of(Duration.between(now, pausedUntil))
                    : Optional.empty();
        }
    }

    private static final class Bucket {
        private final double ratePerSecond;
        private final double capacity;
        private double tokens;
        private Instant lastRefill;

        Bucket(double ratePerSecond, int capacity, Instant now) {
            this.ratePerSecond = ratePerSecond;
            this.capacity = capacity;
            this.tokens = capacity;
            this.lastRefill = now;
        }

        Optional<Duration> tryTake(Instant now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Optional.empty();
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / ratePerSecond * 1_000_000_000d);
            return Optional.of(Duration.ofNanos(Math.max(1, waitNanos)));
        }

        /** After a pause: at most one token, and nothing accrues until the pause ends. */
        void restartAt(Instant pauseEnd) {
            tokens = Math.min(tokens, 1);
            if (pauseEnd.isAfter(lastRefill)) {
                lastRefill = pauseEnd;
            }
        }

        private void refill(Instant now) {
            if (!now.isAfter(lastRefill)) {
                return;
            }
            double seconds = Duration.between(lastRefill, now).toNanos() / 1_000_000_000d;
            tokens = Math.min(capacity, tokens + seconds * ratePerSecond);
            lastRefill = now;
        }
    }
}
