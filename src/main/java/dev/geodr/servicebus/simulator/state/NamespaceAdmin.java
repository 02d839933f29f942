package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.render.Regions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the admin API does to namespaces: create or update, delete, list. This is god mode (no ARM
 * rules), but it still keeps the state consistent: a namespace that is linked to a partner cannot
 * be deleted, and an entity count added on a paired primary becomes pending replication.
 */
public final class NamespaceAdmin {

    /** The admin answer: created or updated, with the namespace's admin view. */
    public record PutResult(boolean created, ObjectNode view) {}

    /** Outcome of a delete: 200, 404 or 409 with a reason. */
    public record DeleteResult(int status, String message) {}

    /**
     * A name the other provider already holds: Service Bus and Event Hubs namespaces share the
     * servicebus.windows.net DNS zone, so one name cannot exist under both (the admin API's 409).
     */
    public static final class ProviderConflict extends RuntimeException {
        ProviderConflict(String message) {
            super(message);
        }
    }

    private final SimulatorState s;

    public NamespaceAdmin(SimulatorState s) {
        this.s = s;
    }

    public PutResult put(NamespaceSpec spec) {
        return s.locked(
                () -> {
                    long now = s.now();
                    SimNamespace ns =
                            s.byKey(
                                    NsKeys.of(
                                            spec.subscriptionId(),
                                            spec.resourceGroup(),
                                            spec.name()));
                    boolean created = ns == null;
                    ArmProvider provider =
                            spec.provider() != null
                                    ? spec.provider()
                                    : created ? ArmProvider.SERVICE_BUS : ns.provider;
                    checkProvider(spec, ns, provider);
                    if (created) {
                        ns =
                                new SimNamespace(
                                        spec.subscriptionId(),
                                        spec.resourceGroup(),
                                        spec.name(),
                                        provider,
                                        now);
                        ns.location = Regions.displayName("westeurope");
                        ns.sku = "Premium";
                        ns.partitions = 1;
                        ns.putRule(AuthRule.root());
                        s.addNamespace(ns);
                    }
                    apply(ns, spec, now);
                    return new PutResult(created, view(ns, now));
                });
    }

    /**
     * The same name under the other provider anywhere is a 409 (one DNS zone); Dedicated is an
     * Event Hubs tier only (Service Bus keeps its Basic/Standard/Premium).
     */
    private void checkProvider(NamespaceSpec spec, SimNamespace existing, ArmProvider provider) {
        for (SimNamespace other : s.all()) {
            if (other.provider != provider && other.name.equalsIgnoreCase(spec.name())) {
                throw new ProviderConflict(
                        "The namespace name '"
                                + spec.name()
                                + "' is already taken by the "
                                + other.provider.segment()
                                + " namespace "
                                + other.id()
                                + ": Service Bus and Event Hubs namespaces share the"
                                + " servicebus.windows.net DNS zone, so a name exists under one"
                                + " provider only. Delete it first or pick another name.");
            }
        }
        String sku = spec.sku() != null ? spec.sku() : existing != null ? existing.sku : null;
        if ("Dedicated".equals(sku) && provider != ArmProvider.EVENT_HUBS) {
            throw new IllegalArgumentException(
                    "sku Dedicated exists for Microsoft.EventHub only; Service Bus takes Basic,"
                            + " Standard or Premium");
        }
    }

    private void apply(SimNamespace ns, NamespaceSpec spec, long now) {
        if (spec.location() != null) {
            ns.location = Regions.displayName(spec.location());
        }
        if (spec.sku() != null) {
            ns.sku = spec.sku();
        }
        if (spec.partitions() != null) {
            ns.partitions = spec.partitions();
        }
        if (spec.privateEndpoints() != null) {
            ns.privateEndpoints = spec.privateEndpoints();
        }
        if (spec.largeMessageQueues() != null) {
            ns.largeMessageQueues = spec.largeMessageQueues();
        }
        if (spec.entities() != null) {
            long old = ns.entities;
            ns.entities = spec.entities();
            s.entitiesChanged(ns, old, now);
        }
        if (spec.authorizationRules() != null) {
            Map<String, AuthRule> kept = new LinkedHashMap<>();
            kept.put(NsKeys.lower(AuthRule.ROOT), ns.rule(AuthRule.ROOT));
            for (NamespaceSpec.RuleSpec r : spec.authorizationRules()) {
                AuthRule old = ns.rule(r.name());
                AuthRule rule =
                        old == null
                                ? AuthRule.withRandomKeys(r.name(), r.rights())
                                : new AuthRule(
                                        old.name(),
                                        r.rights(),
                                        old.primaryKey(),
                                        old.secondaryKey());
                kept.put(NsKeys.lower(r.name()), rule);
            }
            ns.rules.clear();
            ns.rules.putAll(kept);
        }
        SecuritySpec given = spec.security();
        ns.security = ns.security.overriddenBy(given);
        // an admin value wins over what an earlier ARM PUT stored for the same property
        given.propertiesGiven().forEach(ns.extraProperties::remove);
        ns.updatedAt = now;
    }

    public DeleteResult delete(String subscriptionId, String resourceGroup, String name) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byKey(NsKeys.of(subscriptionId, resourceGroup, name));
                    if (ns == null) {
                        return new DeleteResult(
                                404,
                                "namespace "
                                        + NsKeys.id(subscriptionId, resourceGroup, name)
                                        + " does not exist");
                    }
                    SimAliasRecord rec = ns.alias;
                    if (rec != null && rec.partnerKey != null) {
                        return new DeleteResult(
                                409,
                                "namespace "
                                        + ns.id()
                                        + " is linked to a partner through alias '"
                                        + rec.aliasName
                                        + "' ("
                                        + rec.state.role()
                                        + ", "
                                        + rec.state.provisioningState()
                                        + "); break or fail over first, use the unreachable fault for an outage, or POST /simulator/reset");
                    }
                    if (rec != null) {
                        s.registry.drop(
                                rec.aliasName,
                                ns.key(),
                                s.now() + s.settings.timers().nameReleaseDelay().toMillis());
                    }
                    s.removeNamespace(ns);
                    return new DeleteResult(200, "deleted");
                });
    }

    public ObjectNode list() {
        return s.locked(
                () -> {
                    ObjectNode body = Json.object();
                    ArrayNode value = body.putArray("value");
                    long now = s.now();
                    for (SimNamespace ns : s.all()) {
                        value.add(view(ns, now));
                    }
                    return body;
                });
    }

    /** The admin view of one namespace, or null. Keys are never shown here. */
    public ObjectNode get(String subscriptionId, String resourceGroup, String name) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byKey(NsKeys.of(subscriptionId, resourceGroup, name));
                    return ns == null ? null : view(ns, s.now());
                });
    }

    public void clear() {
        s.locked(
                () -> {
                    s.clear();
                    return null;
                });
    }

    private ObjectNode view(SimNamespace ns, long now) {
        ObjectNode v = Json.object();
        v.put("id", ns.id());
        v.put("subscriptionId", ns.subscriptionId);
        v.put("resourceGroup", ns.resourceGroup);
        v.put("name", ns.name);
        v.put("provider", ns.provider.segment());
        v.put("location", ns.location);
        v.put("sku", ns.sku);
        v.put("partitions", ns.partitions);
        v.put("largeMessageQueues", ns.largeMessageQueues);
        v.put("entities", s.effectiveEntities(ns, now));
        v.put("privateEndpoints", ns.privateEndpoints);
        ArrayNode rules = v.putArray("authorizationRules");
        for (AuthRule r : ns.rules.values()) {
            ObjectNode rn = rules.addObject();
            rn.put("name", r.name());
            r.rights().forEach(rn.putArray("rights")::add);
        }
        SecurityBodies.adminView(ns, v);
        v.set("geoReplication", GeoAdmin.view(ns));
        SimAliasRecord rec = ns.alias;
        if (rec == null) {
            v.putNull("alias");
        } else {
            ObjectNode a = v.putObject("alias");
            a.put("name", rec.aliasName);
            a.put("state", rec.state.name());
            a.put("provisioningState", rec.state.provisioningState());
            a.put("role", rec.state.role());
            SimNamespace partner = s.byKey(rec.partnerKey);
            a.put("partnerNamespace", partner == null ? "" : partner.id());
            if (rec.state == RecordState.P_PAIRED) {
                a.put("pendingReplicationOperationsCount", s.pending(rec, now));
            }
        }
        return v;
    }
}
