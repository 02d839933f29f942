package dev.geodr.servicebus.api.v1alpha1;

/** How a requested failover is issued; spelled as in the CRD. */
public enum FailoverMode {
    /**
     * Wait until the pairing is {@code Succeeded} with zero pending replication, then fail over
     * with {@code IsSafeFailover: true}.
     */
    Safe,
    /**
     * Fail over at once; only the partner namespace has to answer (the primary region may be down).
     */
    Forced
}
