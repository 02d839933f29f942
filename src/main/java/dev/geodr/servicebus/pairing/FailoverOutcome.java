package dev.geodr.servicebus.pairing;

public enum FailoverOutcome {
    Succeeded,
    Failed,
    Rejected
}
