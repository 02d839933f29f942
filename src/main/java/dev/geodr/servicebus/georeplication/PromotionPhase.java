package dev.geodr.servicebus.georeplication;

/** Where a promotion request stands between being seen and being done. */
public enum PromotionPhase {
    /** A Planned request waits for its gate (both replicas in place, no operation running). */
    Waiting,
    /**
     * Written to status just before the POST. After a crash the namespace's roles decide whether
     * ARM took it, since no operation URL is known yet.
     */
    Intended,
    /** ARM answered 202; the operation URL is in status and is polled with its Retry-After. */
    Accepted
}
