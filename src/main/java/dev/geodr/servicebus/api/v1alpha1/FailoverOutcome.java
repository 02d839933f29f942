package dev.geodr.servicebus.api.v1alpha1;

/** How a failover request ended; spelled as in the CRD. */
public enum FailoverOutcome {
    /**
     * The partner holds the alias as {@code PrimaryNotReplicating} and the old primary has no alias
     * record.
     */
    Succeeded,
    /**
     * Issued or waited for, but did not complete (e.g. a {@code Safe} failover timed out on pending
     * replication).
     */
    Failed,
    /**
     * Not served because nothing could be failed over (e.g. not paired, partner missing); never
     * retried by itself.
     */
    Rejected
}
