package dev.geodr.servicebus.api.v1alpha1;

/** Where an in-flight failover is; spelled as in the CRD. */
public enum FailoverPhase {
    /** Recorded in status before the failover POST; whether ARM applied it is decided by observation. */
    Intended,
    /** The failover POST on the partner namespace was answered; waiting for completion. */
    Issued
}
