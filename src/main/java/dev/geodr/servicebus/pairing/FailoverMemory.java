package dev.geodr.servicebus.pairing;

import java.util.Optional;

/**
 * What status remembers about failover requests between passes; the only state that must survive a
 * restart, because it is what makes a failover happen exactly once.
 *
 * @param lastHandledRequest the {@code spec.failoverRequested} value last acted on (or adopted)
 */
public record FailoverMemory(
        long lastHandledRequest,
        Optional<FailoverInFlight> inFlight,
        Optional<FailoverResult> last) {

    public static FailoverMemory adopted(long request) {
        return new FailoverMemory(request, Optional.empty(), Optional.empty());
    }

    public FailoverMemory withInFlight(FailoverInFlight next) {
        return new FailoverMemory(lastHandledRequest, Optional.of(next), last);
    }

    /** The request is finished: it becomes the last handled one and nothing is in flight. */
    public FailoverMemory finished(FailoverResult result) {
        return new FailoverMemory(
                Math.max(lastHandledRequest, result.request()),
                Optional.empty(),
                Optional.of(result));
    }
}
