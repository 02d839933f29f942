package dev.geodr.servicebus.simulator.state;

import java.time.Duration;
import java.util.Objects;

/**
 * Virtual durations of the Geo-DR transitions (docs/arm-semantics.md §9.5). Defaults sit inside the
 * ranges observed on the wire (§3.10), so a replay of a real recording sees the same state
 * sequence.
 *
 * @param pair pairing of empty namespaces (observed 61–193 s)
 * @param perEntity extra pairing time per entity on the primary (≈60 entities/min, docs say 50–100)
 * @param breakPhase1 break: {@code Accepted/Primary/partner} phase; the secondary's record goes at
 *     its end
 * @param breakPhase2 break: {@code Accepted/PrimaryNotReplicating/""} tail (0 skips it)
 * @param failover failover; both sides change at the end
 * @param deleteVisibleFor how long a deleted alias stays readable before GET answers 404
 * @param nameReleaseDelay how long the alias name stays reserved after the record is gone
 */
public record SimulatorTimers(
        Duration pair,
        Duration perEntity,
        Duration breakPhase1,
        Duration breakPhase2,
        Duration failover,
        Duration deleteVisibleFor,
        Duration nameReleaseDelay) {

    public static final SimulatorTimers DEFAULTS =
            new SimulatorTimers(
                    Duration.ofSeconds(90),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(100),
                    Duration.ofSeconds(20),
                    Duration.ofSeconds(80),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60));

    public SimulatorTimers {
        for (Duration d :
                new Duration[] {
                    pair,
                    perEntity,
                    breakPhase1,
                    breakPhase2,
                    failover,
                    deleteVisibleFor,
                    nameReleaseDelay
                }) {
            Objects.requireNonNull(d, "timer");
            if (d.isNegative()) {
                throw new IllegalArgumentException("timers must not be negative: " + d);
            }
        }
    }

    public SimulatorTimers withPair(Duration d) {
        return new SimulatorTimers(
                d,
                perEntity,
                breakPhase1,
                breakPhase2,
                failover,
                deleteVisibleFor,
                nameReleaseDelay);
    }

    public SimulatorTimers withPerEntity(Duration d) {
        return new SimulatorTimers(
                pair, d, breakPhase1, breakPhase2, failover, deleteVisibleFor, nameReleaseDelay);
    }

    public SimulatorTimers withBreakPhases(Duration phase1, Duration phase2) {
        return new SimulatorTimers(
                pair, perEntity, phase1, phase2, failover, deleteVisibleFor, nameReleaseDelay);
    }

    public SimulatorTimers withFailover(Duration d) {
        return new SimulatorTimers(
                pair, perEntity, breakPhase1, breakPhase2, d, deleteVisibleFor, nameReleaseDelay);
    }

    public SimulatorTimers withDeleteVisibleFor(Duration d) {
        return new SimulatorTimers(
                pair, perEntity, breakPhase1, breakPhase2, failover, d, nameReleaseDelay);
    }

    public SimulatorTimers withNameReleaseDelay(Duration d) {
        return new SimulatorTimers(
                pair, perEntity, breakPhase1, breakPhase2, failover, deleteVisibleFor, d);
    }
}
