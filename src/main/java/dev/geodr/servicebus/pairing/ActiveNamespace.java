package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.Optional;

/**
 * Which namespace the alias resolves to, judged from the records: the one holding it as Primary or
 * PNR.
 */
final class ActiveNamespace {

    private ActiveNamespace() {}

    static Optional<NamespaceRef> of(Desired desired, Observed observed, Memory memory) {
        if (holdsAlias(observed.primary())) {
            return Optional.of(desired.primary());
        }
        if (holdsAlias(observed.partner())) {
            return Optional.of(desired.partner());
        }
        // An unreachable primary whose partner is still its Secondary has not moved yet.
        if (!observed.primary().reachable() && observed.partner().hasRole(AliasRole.Secondary)) {
            return Optional.of(desired.primary());
        }
        return memory.previousActive();
    }

    private static boolean holdsAlias(SideView side) {
        return side.hasRole(AliasRole.Primary) || side.hasRole(AliasRole.PrimaryNotReplicating);
    }
}
