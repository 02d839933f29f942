package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Locations;
import java.time.Instant;
import java.util.Optional;

/**
 * What one planning pass sees: the same name in every rule set of the planner.
 *
 * @param previousSecondary the secondary region the last status showed, to tell a replica removed
 *     outside the operator from one never added
 */
record Situation(
        ReplicationDesired desired,
        PromotionLedger ledger,
        ReplicationObserved observed,
        Optional<String> previousSecondary,
        Instant now,
        GeoReplicationSettings settings) {

    Optional<NamespaceView.Present> present() {
        return observed.namespace() instanceof NamespaceView.Present p
                ? Optional.of(p)
                : Optional.empty();
    }

    Optional<GeoReplication> geo() {
        return present().flatMap(NamespaceView.Present::geoReplication);
    }

    /** Whether ARM shows {@code location} as the primary now. */
    boolean primaryIs(String location) {
        return geo().flatMap(GeoReplication::primary)
                .map(p -> Locations.same(p.location(), location))
                .orElse(false);
    }

    String namespaceName() {
        return desired.namespace().name();
    }
}
