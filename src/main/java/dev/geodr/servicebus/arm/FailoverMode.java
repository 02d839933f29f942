package dev.geodr.servicebus.arm;

/**
 * {@code Safe} sends {@code IsSafeFailover: true}; {@code Forced} sends no body, as every recorded
 * client did.
 */
public enum FailoverMode {
    Safe,
    Forced
}
