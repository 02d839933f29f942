package dev.geodr.servicebus.georeplication;

/** How a promotion request ended. None is retried by the operator. */
public enum PromotionOutcome {
    /** The requested region is primary. */
    Succeeded,
    /** ARM took the request but it did not complete, or it may not have reached ARM. */
    Failed,
    /**
     * Nothing was sent: the request could not be served (no secondary, a timeout before the POST).
     */
    Rejected
}
