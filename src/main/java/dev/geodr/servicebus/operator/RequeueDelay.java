package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.core.Requeue;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A planner's {@link Requeue} as the delay JOSDK reschedules with; the same for every kind. */
final class RequeueDelay {

    /**
     * Never below this: JOSDK's timer refuses a negative delay, and its failure stalls all event
     * processing.
     */
    static final Duration MIN_DELAY = Duration.ofMillis(200);

    private RequeueDelay() {}

    /** Steady polls of many resources are spread by ±10% so they do not hit ARM in lockstep. */
    static Duration of(Requeue requeue) {
        if (requeue.after() == null || requeue.after().compareTo(MIN_DELAY) < 0) {
            return MIN_DELAY;
        }
        if (!requeue.jitter()) {
            return requeue.after();
        }
        long ms = requeue.after().toMillis();
        long spread = ms / 10;
        return Duration.ofMillis(
                ms - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1));
    }
}
