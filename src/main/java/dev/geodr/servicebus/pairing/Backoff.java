package dev.geodr.servicebus.pairing;

import java.time.Duration;
import java.util.Optional;

/** How long a throttled pass waits before trying ARM again. */
public final class Backoff {

    /**
     * At least a second: the client-side limiter's answer only says when one token is back, but a pass needs
     * two to eight reads; retrying at that pace burns each token as it arrives and never completes a pass.
     */
    public static final Duration MIN_THROTTLE_WAIT = Duration.ofSeconds(1);

    private Backoff() {
    }

    /** The larger of ARM's (or the limiter's) Retry-After, the fast poll and {@link #MIN_THROTTLE_WAIT}. */
    public static Duration throttled(Optional<Duration> retryAfter, Duration fastPoll) {
        Duration floor = fastPoll.compareTo(MIN_THROTTLE_WAIT) > 0 ? fastPoll : MIN_THROTTLE_WAIT;
        return retryAfter.filter(d -> d.compareTo(floor) > 0).orElse(floor);
    }
}
