package dev.geodr.servicebus.pairing;

import java.time.Duration;
import java.util.Optional;

/** How long a throttled pass waits before trying ARM again. */
public final class Backoff {

    /**
     * At least a second: the client-side limiter's answer only says when one token is back, but a
     * pass needs two to eight reads; retrying at that pace burns each token as it arrives and never
     * completes a pass.
     */
    public static final Duration MIN_THROTTLE_WAIT = Duration.ofSeconds(1);

    private Backoff() {}

    /**
     * The larger of ARM's (or the limiter's) Retry-After and a floor spread over one to four times
     * max(fast poll, {@link #MIN_THROTTLE_WAIT}) by {@code spread} in [0, 1): many pairings
     * throttled together must not come back together, or they use up the budget again in partial
     * passes.
     */
    public static Duration throttled(
            Optional<Duration> retryAfter, Duration fastPoll, double spread) {
        Duration base = fastPoll.compareTo(MIN_THROTTLE_WAIT) > 0 ? fastPoll : MIN_THROTTLE_WAIT;
        double factor = 1 + 3 * Math.max(0, Math.min(spread, 1));
        Duration floor = Duration.ofMillis(Math.round(base.toMillis() * factor));
        return retryAfter.filter(d -> d.compareTo(floor) > 0).orElse(floor);
    }
}
