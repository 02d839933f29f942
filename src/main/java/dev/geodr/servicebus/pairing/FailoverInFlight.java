package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Instant;

/**
 * The failover request being served.
 *
 * @param from the namespace that was primary when the request was taken
 * @param to the namespace the failover is POSTed on, and that becomes active
 * @param startedAt when the request was taken; the Safe timeout counts from here
 * @param phaseSince when the current phase began; the Issued timeout counts from here
 */
public record FailoverInFlight(
        long request,
        FailoverMode mode,
        NamespaceRef from,
        NamespaceRef to,
        FailoverPhase phase,
        Instant startedAt,
        Instant phaseSince) {

    public FailoverInFlight inPhase(FailoverPhase next, Instant now) {
        return new FailoverInFlight(request, mode, from, to, next, startedAt, now);
    }

    public FailoverInFlight forRequest(long newRequest) {
        return new FailoverInFlight(newRequest, mode, from, to, phase, startedAt, phaseSince);
    }
}
