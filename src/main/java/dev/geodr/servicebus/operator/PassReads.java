package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.pairing.Desired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The reads of one observation, by step. When ARM or the client-side budget refuses a pass midway,
 * its reads are kept for a short while so the retry continues where it stopped instead of spending
 * the same tokens again: with a small budget, passes that always start over never complete.
 */
final class PassReads {

    /**
     * How long a refused pass's reads stay usable for a routine pass: as long as the namespace
     * facts are cached. They gate a PUT, on which ARM has the last word, and under a busy budget a
     * retry often comes more than 20 s later: a shorter life spent the alias lists again.
     */
    static final Duration CARRY_FOR = Duration.ofSeconds(60);

    /** For a pass working on a failover: a stale "Secondary" must not outlive a few retries. */
    static final Duration FAILOVER_CARRY_FOR = Duration.ofSeconds(20);

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
        private final ExpiringEntries<String, PassReads> byResource;
        private final Clock clock;

        Carried(Clock clock) {
            this.clock = clock;
            this.byResource = new ExpiringEntries<>(clock, CARRY_FOR);
        }

        /**
         * The reads a refused pass left for the same spec, if still fresh for this pass (a pass
         * working on a failover takes them for a shorter while); else a new set.
         */
        PassReads resume(String resourceKey, Desired desired, boolean failoverPending) {
            Instant now = clock.instant();
            return byResource
                    .take(resourceKey)
                    .filter(left -> left.desired.equals(desired))
                    .filter(
                            left ->
                                    !failoverPending
                                            || now.isBefore(
                                                    left.startedAt.plus(FAILOVER_CARRY_FOR)))
                    .orElseGet(() -> new PassReads(desired, now));
        }

        /** Kept as of when the refused pass began, so retries do not renew stale reads. */
        void keep(String resourceKey, PassReads reads) {
            byResource.put(resourceKey, reads, reads.startedAt);
        }

        void discard(String resourceKey) {
            byResource.remove(resourceKey);
        }
    }
}
