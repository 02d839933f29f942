package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated {@code Microsoft.ServiceBus/namespaces} resource. Mutable, and only ever touched
 * while the {@link SimulatorState} lock is held.
 */
public final class SimNamespace {

    final String subscriptionId;
    final String resourceGroup;
    final String name;

    /** Which resource provider the namespace belongs to; fixed at creation. */
    final ArmProvider provider;

    String location;
    String sku;
    int partitions;

    /**
     * Entities (queues) as stored; a paired secondary reports its primary's replicated count
     * instead.
     */
    long entities;

    long largeMessageQueues;

    int privateEndpoints;
    final long createdAt;
    long updatedAt;

    /** Keyed by lower-cased rule name; insertion order is the wire order, Root first. */
    final Map<String, AuthRule> rules = new LinkedHashMap<>();

    SimAliasRecord alias;

    /** The settings Geo-DR does not replicate; replaced (merged) by admin PUTs. */
    SecuritySpec security = SecuritySpec.DEFAULTS;

    /** Geo-Replication, or null when the namespace is not geo-replicated. */
    GeoReplica geo;

    /** ARM {@code tags}, as the last PUT/PATCH set them. */
    ObjectNode tags = Json.object();

    /**
     * Writable {@code properties} an ARM PUT/PATCH set that the simulator does not model (e.g.
     * {@code minimumTlsVersion}); rendered over the defaults so a read-modify-write round-trips.
     */
    ObjectNode extraProperties = Json.object();

    SimNamespace(
            String subscriptionId,
            String resourceGroup,
            String name,
            ArmProvider provider,
            long createdAt) {
        this.provider = provider;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.name = name;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public String key() {
        return NsKeys.of(subscriptionId, resourceGroup, name);
    }

    public String id() {
        return NsKeys.id(provider, subscriptionId, resourceGroup, name);
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String resourceGroup() {
        return resourceGroup;
    }

    public ArmProvider provider() {
        return provider;
    }

    public String name() {
        return name;
    }

    public String location() {
        return location;
    }

    public String sku() {
        return sku;
    }

    public int partitions() {
        return partitions;
    }

    public int privateEndpoints() {
        return privateEndpoints;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public boolean isPremium() {
        return "Premium".equals(sku);
    }

    /** Partition parity is about partitioned vs not, §5.4. */
    boolean isPartitioned() {
        return partitions > 1;
    }

    public List<AuthRule> rules() {
        return new ArrayList<>(rules.values());
    }

    AuthRule rule(String ruleName) {
        return rules.get(NsKeys.lower(ruleName));
    }

    void putRule(AuthRule rule) {
        rules.put(NsKeys.lower(rule.name()), rule);
    }

    public SimAliasRecord alias() {
        return alias;
    }
}
