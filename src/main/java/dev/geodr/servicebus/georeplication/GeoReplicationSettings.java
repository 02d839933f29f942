package dev.geodr.servicebus.georeplication;

import java.time.Duration;

/**
 * Polling cadence and promotion deadlines of the Geo-Replication kind.
 *
 * @param fastPoll while an operation runs and ARM names no Retry-After
 * @param pendingPoll while the namespace does not answer
 * @param steadyPoll when nothing is happening (jittered by the caller)
 * @param plannedStartTimeout how long a Planned request may wait for its gate before it is Rejected
 *     (nothing was sent)
 * @param operationTimeout how long an accepted promotion may run without an end before it is
 *     reported Failed (ARM documents 5-10 min plus the catch-up)
 */
public record GeoReplicationSettings(
        Duration fastPoll,
        Duration pendingPoll,
        Duration steadyPoll,
        Duration plannedStartTimeout,
        Duration operationTimeout) {

    public static GeoReplicationSettings defaults() {
        return new GeoReplicationSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofMinutes(60));
    }
}
