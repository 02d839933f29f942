package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceRef;

/** The one message that tells a user how to restore Geo-DR after a failover. */
final class FailedOverGuidance {

    private FailedOverGuidance() {}

    static String message(Desired desired, NamespaceRef active) {
        return "the alias "
                + desired.alias()
                + " now resolves to "
                + active.name()
                + " (PrimaryNotReplicating) and is not geo-replicated; to restore Geo-DR set spec.primaryNamespace to "
                + active.id()
                + " and spec.partnerNamespace to a new, empty Premium namespace";
    }
}
