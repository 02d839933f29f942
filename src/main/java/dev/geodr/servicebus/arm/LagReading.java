package dev.geodr.servicebus.arm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The worst replication lag Azure Monitor reports for a geo-replicated namespace ({@code
 * ReplicationLagDuration}, Maximum, per entity): what a planned promotion would have to drain, and
 * what a forced one would lose.
 *
 * @param worst the largest value among the entities' newest data points
 * @param entity the entity (queue or topic) that has it, as Azure Monitor names it
 * @param asOf the time stamp of that data point (the start of its interval)
 */
public record LagReading(Duration worst, String entity, Instant asOf) {

    public LagReading {
        Objects.requireNonNull(worst, "worst");
        entity = entity == null ? "" : entity;
        Objects.requireNonNull(asOf, "asOf");
    }
}
