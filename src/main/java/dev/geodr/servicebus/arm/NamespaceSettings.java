package dev.geodr.servicebus.arm;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A namespace's own settings that Service Bus Geo-DR does <em>not</em> replicate: after a failover
 * to a partner whose settings differ, clients get 401s or cannot connect. Values are ARM's
 * spellings; lists are sorted so two namespaces compare by value.
 *
 * @param publicNetworkAccess Enabled, Disabled or SecuredByPerimeter
 * @param disableLocalAuth true when SAS keys and connection strings are refused
 * @param minimumTlsVersion "1.0", "1.1" or "1.2"
 * @param networkDefaultAction Allow or Deny ({@code networkRuleSets/default})
 * @param ipRules the allowed IP masks, sorted
 * @param virtualNetworkRules the allowed subnet ids, sorted ignoring case
 * @param trustedServiceAccessEnabled whether trusted Azure services bypass the network rules
 * @param privateEndpointConnections how many private endpoints the namespace has
 * @param identityType the managed identity ("None" when absent)
 * @param encryptionKeySource "Microsoft.KeyVault" for a customer-managed key, "None" otherwise
 */
public record NamespaceSettings(
        String publicNetworkAccess,
        boolean disableLocalAuth,
        String minimumTlsVersion,
        String networkDefaultAction,
        List<String> ipRules,
        List<String> virtualNetworkRules,
        boolean trustedServiceAccessEnabled,
        int privateEndpointConnections,
        String identityType,
        String encryptionKeySource) {

    /** What a namespace nobody configured looks like (Azure's defaults). */
    public static final NamespaceSettings DEFAULTS =
            new NamespaceSettings(
                    "Enabled", false, "1.2", "Allow", List.of(), List.of(), false, 0, "None",
                    "None");

    public NamespaceSettings {
        publicNetworkAccess = orDefault(publicNetworkAccess, "Enabled");
        minimumTlsVersion = orDefault(minimumTlsVersion, "1.2");
        networkDefaultAction = orDefault(networkDefaultAction, "Allow");
        identityType = orDefault(identityType, "None");
        encryptionKeySource = orDefault(encryptionKeySource, "None");
        ipRules = sorted(ipRules);
        virtualNetworkRules = sorted(virtualNetworkRules);
    }

    private static String orDefault(String value, String dflt) {
        return value == null || value.isBlank() ? dflt : value;
    }

    /** Sorted ignoring case (ARM ids are case-insensitive), then exactly, so order is total. */
    private static List<String> sorted(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(Objects::nonNull)
                        .sorted(
                                Comparator.comparing((String v) -> v.toLowerCase(Locale.ROOT))
                                        .thenComparing(Comparator.naturalOrder()))
                        .toList();
    }
}
