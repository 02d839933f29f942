package dev.geodr.servicebus.simulator.clock;

/**
 * The simulator's notion of "now". Every Geo-DR timer (pairing, break, failover, delete, name
 * release, replication drain) is measured on this clock, never on the wall clock, so tests can
 * fast-forward deterministically and demos can run faster than real time.
 */
public interface SimulatorClock {

    /** Virtual time in epoch milliseconds. Never goes backwards. */
    long nowMillis();
}
