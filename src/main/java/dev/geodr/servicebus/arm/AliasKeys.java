package dev.geodr.servicebus.arm;

/**
 * The alias connection strings and keys of one authorization rule. Secret material: never log it,
 * and {@link #toString()} redacts it so an accidental log line cannot leak a key.
 */
public record AliasKeys(
        String aliasPrimaryConnectionString,
        String aliasSecondaryConnectionString,
        String primaryKey,
        String secondaryKey,
        String keyName) {

    @Override
    public String toString() {
        return "AliasKeys[keyName=" + keyName + ", keys=<redacted>]";
    }
}
