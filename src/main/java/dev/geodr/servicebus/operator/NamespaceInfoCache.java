package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Clock;
import java.time.Duration;

/**
 * Preflight facts (SKU, partitions, private endpoints: one read; for the partner whether it holds
 * entities: one page of queues, and of topics when there are no queues) kept for a minute, each
 * read on its own. A pairing retried after throttling would otherwise pay them on every attempt
 * and, with many pairings, use the read budget up in passes that never complete; a pass refused
 * between two of these reads keeps the ones it made. ARM still has the last word on the PUT itself.
 */
final class NamespaceInfoCache {

    static final Duration TTL = Duration.ofMinutes(1);

    private final ExpiringEntries<NamespaceRef, NamespaceInfo> facts;
    private final ExpiringEntries<NamespaceRef, Long> queues;
    private final ExpiringEntries<NamespaceRef, Long> topics;

    NamespaceInfoCache(Clock clock) {
        this.facts = new ExpiringEntries<>(clock, TTL);
        this.queues = new ExpiringEntries<>(clock, TTL);
        this.topics = new ExpiringEntries<>(clock, TTL);
    }

    /** The namespace's facts, with {@code entitiesSeen} when {@code lookForEntities}. */
    NamespaceInfo get(ArmGeoDrPort port, NamespaceRef namespace, boolean lookForEntities) {
        NamespaceInfo info = facts.getOrRead(namespace, () -> port.getNamespace(namespace));
        if (!lookForEntities) {
            return info;
        }
        long seen =
                queues.getOrRead(
                        namespace,
                        () -> port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.QUEUES));
        if (seen == 0) {
            // only a namespace without queues needs its topics looked at
            seen =
                    topics.getOrRead(
                            namespace,
                            () ->
                                    port.entitiesOnFirstPage(
                                            namespace, ArmGeoDrPort.EntityKind.TOPICS));
        }
        return info.withEntitiesSeen(seen);
    }
}
