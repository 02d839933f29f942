package dev.geodr.servicebus.arm;

/** ARM {@code ProvisioningStateDR}, spelled as on the wire. */
public enum ProvisioningState {
    Accepted,
    Succeeded,
    Failed
}
