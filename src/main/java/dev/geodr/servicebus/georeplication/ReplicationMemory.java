package dev.geodr.servicebus.georeplication;

import java.util.Optional;

/**
 * What the planner reads back from the last status.
 *
 * @param ledger empty the first time the operator sees the resource (the request is then adopted)
 * @param previousSecondary the secondary region the last status showed
 */
public record ReplicationMemory(
        Optional<PromotionLedger> ledger, Optional<String> previousSecondary) {

    public static ReplicationMemory firstSight() {
        return new ReplicationMemory(Optional.empty(), Optional.empty());
    }

    public static ReplicationMemory of(PromotionLedger ledger, String previousSecondary) {
        return new ReplicationMemory(Optional.of(ledger), Optional.ofNullable(previousSecondary));
    }
}
