package dev.geodr.servicebus.api.v1alpha1;

/** Where an in-flight failover is; spelled as in the CRD. */
public enum FailoverPhase {
    /**
     * A Safe request waits for zero pending replication (or the partner to answer); nothing was
     * sent to ARM yet.
     */
    Waiting,
    /**
     * Recorded in status before the failover POST; whether ARM applied it is decided by
     * observation.
     */
    Intended,
    /** The failover POST on the partner namespace was answered; waiting for completion. */
    Issued
}
