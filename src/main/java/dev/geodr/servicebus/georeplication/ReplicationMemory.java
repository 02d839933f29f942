package dev.geodr.servicebus.georeplication;

import java.util.Optional;

/**
 * What the planner reads back from the last status.
 *
 * @param ledger empty the first time the operator sees the resource (the request is then adopted)
 * @param previousSecondary the secondary region the last status showed
 * @param replicaOperation the URL of the namespace update status follows (see {@link
 *     ReplicaOperations})
 */
public record ReplicationMemory(
        Optional<PromotionLedger> ledger,
        Optional<String> previousSecondary,
        Optional<String> replicaOperation) {

    public static ReplicationMemory firstSight() {
        return new ReplicationMemory(Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ReplicationMemory of(PromotionLedger ledger, String previousSecondary) {
        return new ReplicationMemory(
                Optional.of(ledger), Optional.ofNullable(previousSecondary), Optional.empty());
    }
}
