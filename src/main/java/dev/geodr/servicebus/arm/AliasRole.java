package dev.geodr.servicebus.arm;

/** ARM {@code RoleDisasterRecovery}, spelled as on the wire. */
public enum AliasRole {
    Primary,
    Secondary,
    PrimaryNotReplicating
}
