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

    /**
     * A Geo-Replication port for the same identity, sharing its clients and the subscription's
     * budget, whose calls rank as {@code priority}. The default refuses: only factories that talk
     * to ARM (and test doubles that need it) implement it, so existing factories keep compiling.
     */
    default GeoReplicationPort geoReplication(ArmIdentity identity, CallPriority priority) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not provide Geo-Replication");
    }
}
