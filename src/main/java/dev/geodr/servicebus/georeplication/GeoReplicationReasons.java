package dev.geodr.servicebus.georeplication;

/** Condition and Event reasons of the Geo-Replication kind. */
public final class GeoReplicationReasons {

    public static final String REPLICATING = "Replicating";
    public static final String ENABLING = "EnablingReplication";
    public static final String UPDATING = "UpdatingReplicas";
    public static final String REPLICA_REMOVED = "ReplicaRemoved";
    public static final String PROMOTING = "Promoting";
    public static final String PROMOTION_WAITING = "PromotionWaiting";
    public static final String PROMOTED = "Promoted";
    public static final String PROMOTION_FAILED = "PromotionFailed";
    public static final String PROMOTION_REJECTED = "PromotionRejected";
    public static final String PROMOTION_ADOPTED = "PromotionAdopted";
    public static final String PROMOTION_ESCALATED = "PromotionEscalated";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String NAMESPACE_MISSING = "NamespaceNotFound";
    public static final String UNREACHABLE = "Unreachable";
    public static final String DELETING = "Deleting";
    public static final String PREVIEW_FEATURE = "PreviewFeature";
    public static final String LARGE_MESSAGES = "LargeMessagesUnsupported";
    public static final String SECONDARY_UNAVAILABLE = "SecondaryUnavailable";

    /** An observer sees ARM differ from the spec; only the writer cluster's operator may act. */
    public static final String WAITING_FOR_WRITER = "WaitingForWriter";

    /** PromotionReady of an observer: a request here is recorded, never sent. */
    public static final String OBSERVER = "Observer";

    /** A request value (or an unsent request) an observer recorded as the writer's. */
    public static final String PROMOTION_LEFT_TO_WRITER = "PromotionLeftToWriter";

    private GeoReplicationReasons() {}
}
