package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.pairing.FailoverOutcome;
import dev.geodr.servicebus.pairing.FailoverResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's own Prometheus metrics. Labels are the resource's namespace/name, outcomes, ARM
 * operations and status codes: never anything secret.
 */
// Created at start, not on first use: a waiting replica never calls it, yet must export its
// leader gauge (0) and the failover counters.
@Startup
@ApplicationScoped
public class OperatorMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ready = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> parityDifferences = new ConcurrentHashMap<>();
    private final AtomicLong leader;

    public OperatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Every replica is Ready on purpose (docs/install.md); this says which one reconciles.
        this.leader =
                gauge(
                        "geodr.operator.leader",
                        Tags.empty(),
                        "1 while this replica holds the leader Lease and reconciles");
        // Every outcome's series exists from the start at 0: Prometheus' increase() sees no change
        // when a series first appears at 1, so an alert on the first Failed failover would miss it.
        for (FailoverOutcome outcome : FailoverOutcome.values()) {
            for (FailoverMode mode : FailoverMode.values()) {
                failovers(outcome, mode);
            }
        }
    }

    void recordStatus(ServiceBusGeoPairing resource, ServiceBusGeoPairingStatus status) {
        String key = key(resource);
        Tags tags =
                Tags.of(
                        "namespace",
                        resource.getMetadata().getNamespace(),
                        "name",
                        resource.getMetadata().getName());
        pending.computeIfAbsent(
                        key,
                        k ->
                                gauge(
                                        "geodr.pairing.pending.replication.operations",
                                        tags,
                                        "Pending replication operations ARM reports on the primary"))
                .set(
                        status.getPendingReplicationOperationsCount() == null
                                ? 0
                                : status.getPendingReplicationOperationsCount());
        boolean isReady =
                status.getConditions() != null
                        && status.getConditions().stream()
                                .anyMatch(
                                        c ->
                                                "Ready".equals(c.getType())
                                                        && "True".equals(c.getStatus()));
        ready.computeIfAbsent(
                        key, k -> gauge("geodr.pairing.ready", tags, "1 when the pairing is Ready"))
                .set(isReady ? 1 : 0);
        parityDifferences
                .computeIfAbsent(
                        key,
                        k ->
                                gauge(
                                        "geodr.pairing.parity.differences",
                                        tags,
                                        "Settings Geo-DR does not replicate in which the partner"
                                                + " differs from the primary (status.parity)"))
                .set(
                        status.getParity() == null || status.getParity().differences() == null
                                ? 0
                                : status.getParity().differences().size());
    }

    void leading(boolean isLeader) {
        leader.set(isLeader ? 1 : 0);
    }

    void forget(ServiceBusGeoPairing resource) {
        String key = key(resource);
        pending.remove(key);
        ready.remove(key);
        parityDifferences.remove(key);
        registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith("geodr.pairing."))
                .filter(
                        m ->
                                resource.getMetadata().getName().equals(m.getId().getTag("name"))
                                        && resource.getMetadata()
                                                .getNamespace()
                                                .equals(m.getId().getTag("namespace")))
                .forEach(registry::remove);
    }

    void failoverFinished(FailoverResult result) {
        failovers(result.outcome(), result.mode()).increment();
        if (result.startedAt() != null && result.completedAt() != null) {
            Timer.builder("geodr.failover.duration")
                    .description("From taking a failover request to its outcome")
                    .tag("outcome", result.outcome().name())
                    .register(registry)
                    .record(Duration.between(result.startedAt(), result.completedAt()));
        }
    }

    private Counter failovers(FailoverOutcome outcome, FailoverMode mode) {
        return Counter.builder("geodr.failovers")
                .description("Failover requests by outcome")
                .tag("outcome", outcome.name())
                .tag("mode", mode.name())
                .register(registry);
    }

    /** Fed by the ARM adapter for every call it sends (status 0 when no response came back). */
    public void armRequest(String operation, int status) {
        Counter.builder("geodr.arm.requests")
                .description("ARM requests by operation and HTTP status")
                .tag("operation", operation)
                .tag("code", Integer.toString(status))
                .register(registry)
                .increment();
    }

    private AtomicLong gauge(String name, Tags tags, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get)
                .description(description)
                .tags(tags)
                .register(registry);
        return value;
    }

    private static String key(ServiceBusGeoPairing resource) {
        return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }
}
