package dev.geodr.servicebus.simulator.state;

/** The knobs the state machine needs, separated from server settings. */
public record StateSettings(
        SimulatorTimers timers,
        double replicationEntitiesPerMinute,
        int deleteWhilePairedStatus,
        boolean requireEmptySecondary,
        GeoTimings geo) {

    /** The Geo-DR knobs only; Geo-Replication gets its default timings. */
    public StateSettings(
            SimulatorTimers timers,
            double replicationEntitiesPerMinute,
            int deleteWhilePairedStatus,
            boolean requireEmptySecondary) {
        this(
                timers,
                replicationEntitiesPerMinute,
                deleteWhilePairedStatus,
                requireEmptySecondary,
                GeoTimings.DEFAULTS);
    }

    public static StateSettings defaults() {
        return new StateSettings(SimulatorTimers.DEFAULTS, 60, 400, true);
    }
}
