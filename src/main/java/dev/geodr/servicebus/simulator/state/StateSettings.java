package dev.geodr.servicebus.simulator.state;

/** The knobs the state machine needs, separated from server settings. */
public record StateSettings(
        SimulatorTimers timers,
        double replicationEntitiesPerMinute,
        int deleteWhilePairedStatus,
        boolean requireEmptySecondary) {

    public static StateSettings defaults() {
        return new StateSettings(SimulatorTimers.DEFAULTS, 60, 400, true);
    }
}
