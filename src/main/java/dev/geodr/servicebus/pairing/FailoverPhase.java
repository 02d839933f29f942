package dev.geodr.servicebus.pairing;

/** Where a failover request stands between being seen and being done. */
public enum FailoverPhase {
    /**
     * A Safe request waits for its gate (pairing Succeeded, zero pending replication). Nothing sent
     * yet.
     */
    Waiting,
    /**
     * Written to status just before the POST; after a crash, ARM's state tells whether it was
     * applied.
     */
    Intended,
    /** ARM answered 200 to the POST (or showed that it had applied it); waiting for completion. */
    Issued
}
