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
 * Preflight facts (SKU, partitions, entity and private-endpoint counts) cost three reads per
 * namespace. A pairing retried after throttling would pay them on every attempt and, with many
 * pairings, use the read budget up in passes that never complete; so they are kept for a minute.
 * ARM still has the last word on the PUT itself.
 */
final class NamespaceInfoCache {

    static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(NamespaceInfo info, Instant fetchedAt) {}

    private final Clock clock;
    private final Map<NamespaceRef, Entry> entries = new ConcurrentHashMap<>();

    NamespaceInfoCache(Clock clock) {
        this.clock = clock;
    }

    NamespaceInfo get(ArmGeoDrPort port, NamespaceRef namespace) {
        Instant now = clock.instant();
        Entry entry = entries.get(namespace);
        if (entry != null && now.isBefore(entry.fetchedAt().plus(TTL))) {
            return entry.info();
        }
        NamespaceInfo info = port.getNamespace(namespace);
        if (entries.size() >= MAX_ENTRIES) {
            entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().fetchedAt().plus(TTL)));
        }
        entries.put(namespace, new Entry(info, now));
        return info;
    }
}
