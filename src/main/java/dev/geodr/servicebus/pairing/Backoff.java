package dev.geodr.servicebus.pairing;

import java.time.Duration;
import java.util.Optional;

/** How long a throttled pass waits before trying ARM again. */
public final class Backoff {

    /**
     * At least a second: the client-side limiter's answer only says when one token is back, and a
     * hundred pairings told the same would all come back at once for it.
     */
    public static final Duration MIN_THROTTLE_WAIT = Duration.ofSeconds(1);

    private Backoff() {}

    /**
     * The larger of ARM's (or the limiter's) Retry-After and a floor spread over one to four times
     * max(a quarter of the fast poll, {@link #MIN_THROTTLE_WAIT}) by {@code spread} in [0, 1): many
     * pairings throttled together must not come back together. A quarter, not a whole fast poll: a
     * refused pass keeps what it read (PassReads), so its retry needs only the reads it missed, and
     * waiting 10-40 s for them made most of the time 1,000 new pairings took to reach their PUT
     * (docs/benchmarks.md).
     */
    public static Duration throttled(
            Optional<Duration> retryAfter, Duration fastPoll, double spread) {
        Duration quarter = fastPoll.dividedBy(4);
        Duration base = quarter.compareTo(MIN_THROTTLE_WAIT) > 0 ? quarter : MIN_THROTTLE_WAIT;
        double factor = 1 + 3 * Math.max(0, Math.min(spread, 1));
        Duration floor = Duration.ofMillis(Math.round(base.toMillis() * factor));
        return retryAfter.filter(d -> d.compareTo(floor) > 0).orElse(floor);
    }
}
