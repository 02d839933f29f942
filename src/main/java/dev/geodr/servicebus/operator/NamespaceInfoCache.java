package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Preflight facts (SKU, partitions, private endpoints: one read; for the partner whether it holds
 * entities: one page of queues, and of topics when there are no queues) kept for a minute, each
 * read on its own. A pairing retried after throttling would otherwise pay them on every attempt
 * and, with many pairings, use the read budget up in passes that never complete; a pass refused
 * between two of these reads keeps the ones it made. ARM still has the last word on the PUT itself.
 */
final class NamespaceInfoCache {

    static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry<T>(T value, Instant fetchedAt) {}

    private final Clock clock;
    private final Map<NamespaceRef, Entry<NamespaceInfo>> facts = new ConcurrentHashMap<>();
    private final Map<NamespaceRef, Entry<Long>> queues = new ConcurrentHashMap<>();
    private final Map<NamespaceRef, Entry<Long>> topics = new ConcurrentHashMap<>();

    NamespaceInfoCache(Clock clock) {
        this.clock = clock;
    }

    /** The namespace's facts, with {@code entitiesSeen} when {@code lookForEntities}. */
    NamespaceInfo get(ArmGeoDrPort port, NamespaceRef namespace, boolean lookForEntities) {
        NamespaceInfo info = cached(facts, namespace, () -> port.getNamespace(namespace));
        if (!lookForEntities) {
            return info;
        }
        long seen =
                cached(
                        queues,
                        namespace,
                        () -> port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.QUEUES));
        if (seen == 0) {
            // only a namespace without queues needs its topics looked at
            seen =
                    cached(
                            topics,
                            namespace,
                            () ->
                                    port.entitiesOnFirstPage(
                                            namespace, ArmGeoDrPort.EntityKind.TOPICS));
        }
        return info.withEntitiesSeen(seen);
    }

    private <T> T cached(
            Map<NamespaceRef, Entry<T>> entries,
            NamespaceRef namespace,
            java.util.function.Supplier<T> read) {
        Instant now = clock.instant();
        Entry<T> entry = entries.get(namespace);
        if (entry != null && now.isBefore(entry.fetchedAt().plus(TTL))) {
            return entry.value();
        }
        T value = read.get();
        if (entries.size() >= MAX_ENTRIES) {
            entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().fetchedAt().plus(TTL)));
        }
        entries.put(namespace, new Entry<>(value, now));
        return value;
    }
}
