package dev.geodr.servicebus.pairing;

import java.time.Duration;

/**
 * Polling cadence and failover deadlines.
 *
 * @param fastPoll while a transition is in flight
 * @param firstPairingPoll after a pairing PUT: the quickest recorded pairing took 61 s, so a first
 *     poll one fast poll after the first minute still sees even that one within a fast poll, and
 *     earlier polls only spend reads (the operator may wait longer once it has learned how long ARM
 *     takes in a subscription)
 * @param pendingPoll while replication is pending on a steady pairing
 * @param steadyPoll when nothing is happening (jittered by the caller)
 * @param safeFailoverTimeout how long a Safe request waits for zero pending replication before it
 *     fails
 * @param issuedTimeout how long an issued failover may show no progress before it is reported
 *     failed
 */
public record PlannerSettings(
        Duration fastPoll,
        Duration firstPairingPoll,
        Duration pendingPoll,
        Duration steadyPoll,
        Duration safeFailoverTimeout,
        Duration issuedTimeout) {

    public static PlannerSettings defaults() {
        return new PlannerSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(70),
                Duration.ofSeconds(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(10),
                Duration.ofMinutes(15));
    }
}
