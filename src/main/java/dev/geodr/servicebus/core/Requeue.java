package dev.geodr.servicebus.core;

import java.time.Duration;

/** When to look again. {@code jitter} spreads steady-state polls of many pairings over time. */
public record Requeue(Duration after, boolean jitter) {}
