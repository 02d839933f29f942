package dev.geodr.servicebus.simulator.state;

import dev.geodr.servicebus.simulator.SimulatorConfig;
import dev.geodr.servicebus.simulator.SimulatorTimers;

/** The knobs the state machine needs, separated from server settings. */
public record StateSettings(SimulatorTimers timers, double replicationEntitiesPerMinute, int deleteWhilePairedStatus,
        boolean requireEmptySecondary) {

    public static StateSettings from(SimulatorConfig config) {
        return new StateSettings(config.timers(), config.replicationEntitiesPerMinute(),
                config.deleteWhilePairedStatus(), config.requireEmptySecondary());
    }

    public static StateSettings defaults() {
        return new StateSettings(SimulatorTimers.DEFAULTS, 60, 400, true);
    }
}
