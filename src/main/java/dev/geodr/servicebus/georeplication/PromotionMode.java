package dev.geodr.servicebus.georeplication;

/** How a geo-replicated namespace's secondary is promoted to primary. */
public enum PromotionMode {
    /**
     * ARM waits for replication to catch up, the namespace is read-only meanwhile, and the old
     * primary becomes the secondary: no message is lost. Needs both regions up.
     */
    Planned,
    /** At once, with the primary region down: messages not yet replicated may be lost. */
    Forced
}
