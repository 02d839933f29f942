package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.Optional;

/**
 * What the planner reads back from the last status.
 *
 * @param failover empty the first time the operator sees the resource (then the request is adopted)
 * @param previousActive the namespace status last reported as active, to notice an out-of-band
 *     failover once
 */
public record Memory(Optional<FailoverMemory> failover, Optional<NamespaceRef> previousActive) {

    public static Memory firstSight() {
        return new Memory(Optional.empty(), Optional.empty());
    }

    public static Memory of(FailoverMemory failover, NamespaceRef previousActive) {
        return new Memory(Optional.of(failover), Optional.ofNullable(previousActive));
    }
}
