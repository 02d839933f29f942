package dev.geodr.servicebus.arm;

/**
 * Hands out ports bound to an identity; implementations cache clients per identity and
 * subscription.
 */
public interface ArmPortFactory {

    /** A port whose calls rank as {@code priority} for the subscription's ARM budget. */
    ArmGeoDrPort forIdentity(ArmIdentity identity, CallPriority priority);

    default ArmGeoDrPort forIdentity(ArmIdentity identity) {
        return forIdentity(identity, CallPriority.ROUTINE);
    }
}
