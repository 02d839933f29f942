package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespaces that did not answer lately. In a regional outage a hundred Forced failovers would
 * otherwise each spend a read, and a wait, on a primary everyone already knows is down; a Forced
 * request needs only the secondary. So the Observer skips a namespace that failed within {@link
 * #REMEMBER_FOR}, for Forced requests only: routine passes keep reading it, and the first answer
 * from it clears the entry.
 */
final class UnreachableNamespaces {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 10_000;

    private record Failure(String message, Instant at) {}

    private final Clock clock;
    private final Map<NamespaceRef, Failure> failures = new ConcurrentHashMap<>();

    UnreachableNamespaces(Clock clock) {
        this.clock = clock;
    }

    void failed(NamespaceRef namespace, String message) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_ENTRIES) {
            failures.values().removeIf(f -> !now.isBefore(f.at().plus(REMEMBER_FOR)));
        }
        failures.put(namespace, new Failure(message, now));
    }

    void answered(NamespaceRef namespace) {
        failures.remove(namespace);
    }

    /** The last failure's message, when the namespace failed within {@link #REMEMBER_FOR}. */
    Optional<String> recentFailure(NamespaceRef namespace) {
        Failure failure = failures.get(namespace);
        if (failure == null || !clock.instant().isBefore(failure.at().plus(REMEMBER_FOR))) {
            return Optional.empty();
        }
        return Optional.of(failure.message());
    }
}
