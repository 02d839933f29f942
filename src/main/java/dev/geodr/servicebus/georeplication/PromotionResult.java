package dev.geodr.servicebus.georeplication;

import java.time.Instant;

/** The last promotion request's end, kept in status as the ledger's history. */
public record PromotionResult(
        long request,
        PromotionMode mode,
        PromotionOutcome outcome,
        String message,
        Instant finishedAt) {}
