package dev.geodr.servicebus.simulator.state;

/** The namespace named by a request path, in the caller's casing, under one resource provider. */
public record NsPath(
        String subscriptionId, String resourceGroup, String name, ArmProvider provider) {

    /** A Service Bus namespace (what every path named before Event Hubs was served). */
    public NsPath(String subscriptionId, String resourceGroup, String name) {
        this(subscriptionId, resourceGroup, name, ArmProvider.SERVICE_BUS);
    }

    /**
     * The state key; it leaves the provider out because a name cannot exist under both providers
     * (they share one DNS zone), so the provider is checked on lookup ({@link SimulatorState}).
     */
    public String key() {
        return NsKeys.of(subscriptionId, resourceGroup, name);
    }

    /** The namespace's ARM id in the caller's casing (metrics scope, error texts). */
    public String id() {
        return NsKeys.id(provider, subscriptionId, resourceGroup, name);
    }
}
