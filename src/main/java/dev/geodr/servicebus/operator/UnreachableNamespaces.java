package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Namespaces that did not answer lately. In a regional outage a hundred Forced failovers would
 * otherwise each spend a read, and a wait, on a primary everyone already knows is down; a Forced
 * request needs only the secondary. So the Observer skips a primary that failed within {@link
 * #REMEMBER_FOR}, for Forced requests only: routine passes keep reading it, the partner is always
 * read, and the first answer from a namespace clears its entry.
 */
final class UnreachableNamespaces {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(30);

    /** The last failure's message, by namespace. */
    private final ExpiringEntries<NamespaceRef, String> failures;

    UnreachableNamespaces(Clock clock) {
        this.failures = new ExpiringEntries<>(clock, REMEMBER_FOR);
    }

    void failed(NamespaceRef namespace, String message) {
        failures.put(namespace, message);
    }

    void answered(NamespaceRef namespace) {
        failures.remove(namespace);
    }

    /** The last failure's message, when the namespace failed within {@link #REMEMBER_FOR}. */
    Optional<String> recentFailure(NamespaceRef namespace) {
        return failures.get(namespace);
    }
}
