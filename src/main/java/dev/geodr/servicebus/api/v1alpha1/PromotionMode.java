package dev.geodr.servicebus.api.v1alpha1;

/** How a promotion request is sent; spelled as in the CRD. */
public enum PromotionMode {
    /** ARM waits for replication to catch up; the old primary becomes the secondary. */
    Planned,
    /** At once, with the primary region down: messages not yet replicated may be lost. */
    Forced
}
