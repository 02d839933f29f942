package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.Optional;

/** The at most one mutating step a pass takes. */
public sealed interface Action {

    record None() implements Action {}

    /**
     * PUT the alias on {@code primary} with {@code partner}: a first pairing, a re-pair or a
     * fail-forward.
     */
    record CreatePairing(
            NamespaceRef primary,
            NamespaceRef partner,
            String alias,
            Optional<String> alternateName)
            implements Action {}

    /** POST breakPairing on the primary. */
    record BreakPairing(NamespaceRef primary, String alias) implements Action {}

    /** POST failover on the secondary. */
    record Failover(NamespaceRef secondary, String alias, FailoverMode mode) implements Action {}

    /** DELETE the alias on the namespace that holds it as PrimaryNotReplicating. */
    record DeleteAlias(NamespaceRef holder, String alias) implements Action {}

    /** Deletion is finished in Azure (or Azure is to be left alone): let the resource go. */
    record ReleaseFinalizer() implements Action {}

    static Action none() {
        return new None();
    }

    default boolean writesToArm() {
        return !(this instanceof None) && !(this instanceof ReleaseFinalizer);
    }
}
