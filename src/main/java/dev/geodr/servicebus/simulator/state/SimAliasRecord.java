package dev.geodr.servicebus.simulator.state;

/**
 * One namespace's view of an alias (docs/arm-semantics.md §9.1). Both partners hold one; they point
 * at each other through {@code partnerKey}. {@code epoch} identifies the transition in flight so
 * that a timer belonging to a cancelled transition (a break overtaken by a failover) is ignored.
 */
public final class SimAliasRecord {

    final String aliasName;
    String alternateName;
    RecordState state;

    /** {@link NsKeys} key of the partner; null when {@code partnerNamespace} is {@code ""}. */
    String partnerKey;

    long epoch;

    /**
     * Primary only: entity count when the pairing started, so later additions become pending work.
     */
    long entitiesAtPairStart;

    /**
     * Primary only: pending replication operations as of {@code pendingSince}; drains at the
     * configured rate.
     */
    long pendingBase;

    long pendingSince;

    SimAliasRecord(
            String aliasName,
            String alternateName,
            RecordState state,
            String partnerKey,
            long epoch) {
        this.aliasName = aliasName;
        this.alternateName = alternateName;
        this.state = state;
        this.partnerKey = partnerKey;
        this.epoch = epoch;
    }

    public String aliasName() {
        return aliasName;
    }

    public String alternateName() {
        return alternateName;
    }

    public RecordState state() {
        return state;
    }

    public String partnerKey() {
        return partnerKey;
    }

    boolean isNamed(String alias) {
        return aliasName.equalsIgnoreCase(alias);
    }
}
