package dev.geodr.servicebus.api.v1alpha1;

/**
 * Condition types and reasons of {@code status.conditions}. Types follow kstatus: {@code Reconciling} and
 * {@code Stalled} are abnormal-true (present and {@code True} only while converging / stuck).
 */
public final class Conditions {

    // --- types ---
    /** The alias is on the spec'd primary as Primary/Succeeded with the partner as Secondary, nothing in flight, this generation observed. */
    public static final String READY = "Ready";
    /** Converging: pairing Accepted, a break, re-pair, failover or delete in progress, waiting on ARM. */
    public static final String RECONCILING = "Reconciling";
    /** Cannot progress without a person: invalid spec, non-retryable ARM error, or the spec must follow a failover. */
    public static final String STALLED = "Stalled";
    /** A Safe failover issued now would be accepted: paired, Succeeded, zero pending replication, partner reachable. */
    public static final String FAILOVER_READY = "FailoverReady";

    // --- status values ---
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    // --- reasons ---
    public static final String PAIRED = "Paired";
    public static final String PAIRING = "Pairing";
    public static final String BREAKING = "Breaking";
    public static final String FAILING_OVER = "FailingOver";
    public static final String FAILED_OVER = "FailedOver";
    public static final String FAILOVER_FAILED = "FailoverFailed";
    public static final String FAILOVER_REJECTED = "FailoverRejected";
    public static final String DELETING = "Deleting";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String AZURE_ERROR = "AzureError";
    public static final String THROTTLED = "Throttled";
    public static final String REPLICATION_PENDING = "ReplicationPending";
    public static final String NOT_PAIRED = "NotPaired";
    public static final String UNREACHABLE = "Unreachable";
    public static final String PROGRESSING = "Progressing";
    public static final String RECONCILED = "Reconciled";

    private Conditions() {
    }
}
