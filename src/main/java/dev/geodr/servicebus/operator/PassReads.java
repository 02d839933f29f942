package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.pairing.Desired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The reads of one observation, by step. When ARM or the client-side budget refuses a pass midway,
 * its reads are kept for a short while so the retry continues where it stopped instead of spending
 * the same tokens again: with a small budget, passes that always start over never complete.
 */
final class PassReads {

    /**
     * How long a refused pass's reads stay usable. Short: they decide a PUT or a failover, and ARM
     * has the last word on both, but a stale "Secondary" should not outlive a few retries.
     */
    static final Duration CARRY_FOR = Duration.ofSeconds(20);

    private final Desired desired;
    private final Instant startedAt;
    private final Map<String, Object> byStep = new HashMap<>();

    private PassReads(Desired desired, Instant startedAt) {
        this.desired = desired;
        this.startedAt = startedAt;
    }

    /** The step's value from this or the refused pass before it, else {@code read}'s. */
    @SuppressWarnings("unchecked")
    <T> T get(String step, Supplier<T> read) {
        Object known = byStep.get(step);
        if (known != null) {
            return (T) known;
        }
        T value = read.get();
        byStep.put(step, value);
        return value;
    }

    /** The refused passes' reads, per resource. */
    static final class Carried {
        private static final int MAX_ENTRIES = 10_000;

        private final Clock clock;
        private final Map<String, PassReads> byResource = new ConcurrentHashMap<>();

        Carried(Clock clock) {
            this.clock = clock;
        }

        /** The reads a refused pass left for the same spec, if still fresh; else a new set. */
        PassReads resume(String resourceKey, Desired desired) {
            Instant now = clock.instant();
            PassReads left = byResource.remove(resourceKey);
            if (left != null
                    && left.desired.equals(desired)
                    && now.isBefore(left.startedAt.plus(CARRY_FOR))) {
                return left;
            }
            return new PassReads(desired, now);
        }

        void keep(String resourceKey, PassReads reads) {
            if (byResource.size() >= MAX_ENTRIES) {
                Instant now = clock.instant();
                byResource.values().removeIf(r -> !now.isBefore(r.startedAt.plus(CARRY_FOR)));
            }
            byResource.put(resourceKey, reads);
        }

        void discard(String resourceKey) {
            byResource.remove(resourceKey);
        }
    }
}
