package dev.geodr.servicebus.simulator.state;

import java.util.Locale;

/**
 * ARM ids compare case-insensitively; every map in the simulator is keyed by this lower-cased form.
 */
public final class NsKeys {

    private NsKeys() {}

    public static String of(String subscriptionId, String resourceGroup, String name) {
        return (subscriptionId + "/" + resourceGroup + "/" + name).toLowerCase(Locale.ROOT);
    }

    public static String id(String subscriptionId, String resourceGroup, String name) {
        return id(ArmProvider.SERVICE_BUS, subscriptionId, resourceGroup, name);
    }

    public static String id(
            ArmProvider provider, String subscriptionId, String resourceGroup, String name) {
        return "/subscriptions/"
                + subscriptionId
                + "/resourceGroups/"
                + resourceGroup
                + "/providers/"
                + provider.segment()
                + "/namespaces/"
                + name;
    }

    public static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
