package dev.geodr.servicebus.arm;

import java.util.Optional;

/**
 * One namespace's view of a geo-DR alias, as ARM's GET returns it.
 *
 * @param namespace the namespace this record lives on
 * @param alias the alias name in the casing it was created with
 * @param role may be null if ARM sent a value the SDK does not know
 * @param provisioningState may be null for the same reason
 * @param partnerNamespace the partner's ARM id, empty when the role is PrimaryNotReplicating
 * @param pendingReplicationOperationsCount only present on a Succeeded primary
 * @param alternateName echoed when set
 */
public record AliasRecord(
        NamespaceRef namespace,
        String alias,
        AliasRole role,
        ProvisioningState provisioningState,
        Optional<NamespaceRef> partnerNamespace,
        Optional<Long> pendingReplicationOperationsCount,
        Optional<String> alternateName) {

    public boolean isSucceeded() {
        return provisioningState == ProvisioningState.Succeeded;
    }

    public boolean isAccepted() {
        return provisioningState == ProvisioningState.Accepted;
    }
}
