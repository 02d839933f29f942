package dev.geodr.servicebus.simulator.state;

/** The namespace named by a request path, in the caller's casing. */
public record NsPath(String subscriptionId, String resourceGroup, String name) {

    public String key() {
        return NsKeys.of(subscriptionId, resourceGroup, name);
    }

    /** The namespace's ARM id in the caller's casing (metrics scope, error texts). */
    public String id() {
        return NsKeys.id(subscriptionId, resourceGroup, name);
    }
}
