package dev.geodr.servicebus.simulator.state;

/**
 * The per-namespace alias record states of docs/arm-semantics.md §9.2 (NONE is "no record"). Each
 * state fixes what GET shows; only the real enum values appear on the wire because the Java SDK
 * maps unknown ones to null (§2.5).
 */
public enum RecordState {
    P_PAIRING("Accepted", "Primary", true, true),
    P_PAIRED("Succeeded", "Primary", true, false),
    S_PAIRING("Accepted", "Secondary", true, true),
    S_PAIRED("Succeeded", "Secondary", true, false),
    P_BREAKING_1("Accepted", "Primary", true, true),
    P_BREAKING_2("Accepted", "PrimaryNotReplicating", false, true),
    PNR("Succeeded", "PrimaryNotReplicating", false, false),
    S_FAILING_OVER("Accepted", "Secondary", true, true),
    P_BEING_FAILED_OVER("Accepted", "Primary", true, true),
    /**
     * After DELETE 200, until {@code deleteVisibleFor} has passed: still shows the last (PNR) body.
     */
    DELETING("Succeeded", "PrimaryNotReplicating", false, true);

    private final String provisioningState;
    private final String role;
    private final boolean hasPartner;
    private final boolean inFlight;

    RecordState(String provisioningState, String role, boolean hasPartner, boolean inFlight) {
        this.provisioningState = provisioningState;
        this.role = role;
        this.hasPartner = hasPartner;
        this.inFlight = inFlight;
    }

    public String provisioningState() {
        return provisioningState;
    }

    public String role() {
        return role;
    }

    /** {@code partnerNamespace} is the partner's id (else {@code ""}), §9.3 invariant 2. */
    public boolean hasPartner() {
        return hasPartner;
    }

    /** A transition (pair, break, failover, delete) is running on this record. */
    public boolean inFlight() {
        return inFlight;
    }

    public boolean isSecondary() {
        return this == S_PAIRING || this == S_PAIRED || this == S_FAILING_OVER;
    }
}
