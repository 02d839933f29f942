package dev.geodr.servicebus.simulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Virtual durations of the Geo-Replication operations. Microsoft documents only rough ranges
 * ("minutes" to build a replica, planned = catch-up + typically 5–10 min, forced about 5–10 min),
 * so these defaults are simulator choices inside those ranges (docs/simulator.md).
 *
 * @param replicaBuild adding a secondary: {@code Creating} until it is {@code Active}
 * @param replicaRemove removing a secondary: {@code Deleting} until it is gone
 * @param lagChange changing only {@code maxReplicationLagDurationInSeconds}
 * @param plannedSwap planned promotion: the role swap after the lag has drained
 * @param forcedPromotion forced promotion, from the POST to the new primary
 * @param retryAfterSeconds what {@code Retry-After} says on every running operation
 */
public record GeoTimings(
        Duration replicaBuild,
        Duration replicaRemove,
        Duration lagChange,
        Duration plannedSwap,
        Duration forcedPromotion,
        long retryAfterSeconds) {

    public static final GeoTimings DEFAULTS =
            new GeoTimings(
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(5),
                    10);

    public GeoTimings {
        for (Duration d :
                new Duration[] {
                    replicaBuild, replicaRemove, lagChange, plannedSwap, forcedPromotion
                }) {
            Objects.requireNonNull(d, "timing");
            if (d.isNegative()) {
                throw new IllegalArgumentException("timings must not be negative: " + d);
            }
        }
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
        }
    }

    public GeoTimings withReplicaBuild(Duration d) {
        return new GeoTimings(
                d, replicaRemove, lagChange, plannedSwap, forcedPromotion, retryAfterSeconds);
    }

    public GeoTimings withPromotions(Duration planned, Duration forced) {
        return new GeoTimings(
                replicaBuild, replicaRemove, lagChange, planned, forced, retryAfterSeconds);
    }
}
