package dev.geodr.servicebus.parity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the settings of a pairing's namespaces are read again: at a slow cadence, so parity costs a
 * handful of reads per pairing per interval inside the ARM budget, and never in a pass that works
 * on a failover, whose reads must not wait behind it.
 */
public final class ParitySchedule {

    private ParitySchedule() {}

    /**
     * @param lastChecked when they were last read, empty if never
     * @param bothAnswer both namespaces answered this pass (a region down is no time to compare)
     */
    public static boolean due(
            Optional<Instant> lastChecked,
            Instant now,
            Duration interval,
            boolean failoverPending,
            boolean bothAnswer) {
        if (failoverPending || !bothAnswer) {
            return false;
        }
        return lastChecked.map(t -> !now.isBefore(t.plus(interval))).orElse(true);
    }
}
