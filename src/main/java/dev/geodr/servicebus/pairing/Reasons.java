package dev.geodr.servicebus.pairing;

/** Condition reasons; constants because users and tools match on them. */
public final class Reasons {
    public static final String PAIRED = "Paired";
    public static final String PAIRING = "Pairing";
    public static final String BREAKING = "Breaking";
    public static final String FAILING_OVER = "FailingOver";
    public static final String FAILED_OVER = "FailedOver";
    public static final String DELETING = "Deleting";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String AZURE_ERROR = "AzureError";
    public static final String THROTTLED = "Throttled";
    public static final String REPLICATION_PENDING = "ReplicationPending";
    public static final String NOT_PAIRED = "NotPaired";
    public static final String CROSS_SUBSCRIPTION = "CrossSubscription";
    public static final String UNREACHABLE = "Unreachable";
    public static final String FAILOVER_REJECTED = "FailoverRejected";
    public static final String FAILOVER_FAILED = "FailoverFailed";
    public static final String FAILOVER_SUCCEEDED = "FailoverSucceeded";
    public static final String FAILOVER_ADOPTED = "FailoverRequestAdopted";
    public static final String OUT_OF_BAND_FAILOVER = "OutOfBandFailover";

    /** An observer sees ARM differ from the spec; only the writer cluster's operator may act. */
    public static final String WAITING_FOR_WRITER = "WaitingForWriter";

    /** FailoverReady of an observer: a request here is recorded, never sent. */
    public static final String OBSERVER = "Observer";

    /** A request value (or an unsent request) an observer recorded as the writer's. */
    public static final String FAILOVER_LEFT_TO_WRITER = "FailoverLeftToWriter";

    private Reasons() {}
}
