package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Replica;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a Planned promotion would start now, and how far behind the replica is. Messages name no
 * exact lag (status carries it), so a steady namespace does not rewrite its conditions at every
 * poll.
 */
final class ReadinessRules {

    private ReadinessRules() {}

    static Readiness inFlight() {
        return Readiness.no("PromotionInProgress", "a promotion request is in flight");
    }

    static Readiness of(Situation c) {
        Optional<NamespaceView.Present> p = c.present();
        if (p.isEmpty()) {
            return Readiness.no(
                    "NamespaceUnavailable",
                    "namespace " + c.namespaceName() + " cannot be read from ARM");
        }
        Optional<Replica> secondary = c.geo().flatMap(GeoReplication::secondary);
        if (secondary.isEmpty()) {
            return Readiness.no("NoSecondary", "the namespace has no secondary replica yet");
        }
        if (!p.get().settled()) {
            return Readiness.no(
                    "NamespaceUpdating",
                    "ARM is updating the namespace (" + p.get().updateState() + ")");
        }
        Optional<String> dead = ReplicaRules.unavailable(c.geo().get());
        if (dead.isPresent()) {
            return Readiness.no("SecondaryUnavailable", dead.get());
        }
        String start = "a Planned promotion to " + secondary.get().location() + " would start now";
        if (c.geo().get().maxReplicationLagSeconds() == 0) {
            return Readiness.yes(start + "; replication is synchronous, nothing to catch up");
        }
        LagView lag = c.observed().lag();
        if (lag instanceof LagView.Known known) {
            return Readiness.yes(
                    start
                            + " and first waits for the replica to catch up (worst entity "
                            + behind(known.worst())
                            + " behind)");
        }
        if (lag instanceof LagView.NotPermitted refused) {
            return Readiness.yes(
                    start
                            + "; the replication lag is unknown (metrics refused: "
                            + refused.message()
                            + ")");
        }
        return Readiness.yes(start + "; the replication lag is not read");
    }

    /** Coarse on purpose: the condition's message changes only when the order of magnitude does. */
    static String behind(Duration lag) {
        long s = lag.toSeconds();
        if (s < 1) {
            return "under a second";
        }
        if (s < 60) {
            return "under a minute";
        }
        if (s < 3600) {
            return "about " + Math.round(s / 60.0) + " min";
        }
        return "about " + Math.round(s / 3600.0) + " h";
    }
}
