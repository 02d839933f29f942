package dev.geodr.servicebus.arm;

/**
 * Hands out ports bound to an identity; implementations cache clients per identity and
 * subscription.
 */
public interface ArmPortFactory {

    ArmGeoDrPort forIdentity(ArmIdentity identity);
}
