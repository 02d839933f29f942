package dev.geodr.servicebus.api.v1alpha1;

/**
 * Condition types of {@code status.conditions} (the reasons belong to the planner that decides
 * them: {@code dev.geodr.servicebus.pairing.Reasons}). Types follow kstatus: {@code Reconciling}
 * and {@code Stalled} are abnormal-true (present and {@code True} only while converging / stuck).
 */
public final class Conditions {

    // --- types ---
    /**
     * The alias is on the spec'd primary as Primary/Succeeded with the partner as Secondary,
     * nothing in flight, this generation observed.
     */
    public static final String READY = "Ready";

    /**
     * Converging: pairing Accepted, a break, re-pair, failover or delete in progress, waiting on
     * ARM.
     */
    public static final String RECONCILING = "Reconciling";

    /**
     * Cannot progress without a person: invalid spec, non-retryable ARM error, or the spec must
     * follow a failover.
     */
    public static final String STALLED = "Stalled";

    /**
     * A Safe failover issued now would be accepted: paired, Succeeded, zero pending replication,
     * partner reachable.
     */
    public static final String FAILOVER_READY = "FailoverReady";

    /**
     * The partner matches the primary in every setting Geo-DR does not replicate (network access,
     * local auth, TLS, network rules, private endpoints, identity, encryption, role assignments);
     * Unknown until both were read.
     */
    public static final String SETTINGS_IN_PARITY = "SettingsInParity";

    // --- status values ---
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private Conditions() {}
}
