package dev.geodr.servicebus.arm.azure;

/**
 * Observes every ARM request for metrics (the operator turns it into Prometheus counters and
 * timers). Called on the calling thread right after each request; must be quick and must not throw
 * (exceptions are swallowed so metrics can never break a reconcile).
 */
@FunctionalInterface
public interface ArmCallListener {

    ArmCallListener NONE = call -> {};

    void onArmCall(ArmCall call);
}
