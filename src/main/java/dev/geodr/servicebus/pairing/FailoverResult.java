package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Instant;

/**
 * How the last handled failover request ended. {@code from}/{@code to} may be null for a Rejected
 * one.
 */
public record FailoverResult(
        long request,
        FailoverOutcome outcome,
        FailoverMode mode,
        NamespaceRef from,
        NamespaceRef to,
        Instant startedAt,
        Instant completedAt,
        String message) {}
