package dev.geodr.servicebus.arm;

/**
 * How a port's calls rank for the subscription's ARM budget. A pass working on a failover request
 * is {@link #URGENT}: its reads and its POST go ahead of routine polls and other pairings'
 * preflight, because on the worst day every second a failover waits in the client is a second of
 * outage.
 */
public enum CallPriority {
    ROUTINE,
    URGENT
}
