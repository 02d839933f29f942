package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The side reads: CheckNameAvailability, the alias's authorization rules and listKeys (§2.7, §2.8,
 * §9.4), and the namespace, queue and topic reads of the operator's preflight.
 */
public final class AliasReads {

    private final SimulatorState s;

    public AliasReads(SimulatorState s) {
        this.s = s;
    }

    /**
     * CheckNameAvailability rows: invalid name, name in use (alias, tombstone or namespace), free.
     */
    public ArmResult checkName(NsPath a, JsonNode body) {
        JsonNode name = body == null || !body.isObject() ? null : body.get("name");
        if (name == null || !name.isTextual()) {
            return ArmResult.error(
                    ErrorTemplates.invalidContent("the body must be {\"name\": \"<alias>\"}."));
        }
        String n = name.textValue();
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    if (!AliasNames.isValid(n)) {
                        return ArmResult.ok(
                                ArmBodies.checkName(
                                        false,
                                        "InvalidName",
                                        ErrorTemplates.SIM + AliasNames.RULE_TEXT));
                    }
                    if (s.registry.taken(n, s.now()) || s.namespaceNameExists(n)) {
                        return ArmResult.ok(ArmBodies.checkName(false, "NameInUse", null));
                    }
                    return ArmResult.ok(ArmBodies.checkName(true, "None", null));
                });
    }

    /** The namespace's SAS rules re-parented under the alias; any record state will do. */
    public ArmResult listRules(NsPath a, String alias, String ruleSegment) {
        return s.locked(
                () -> {
                    ArmResult missing = missing(a, alias);
                    if (missing != null) {
                        return missing;
                    }
                    SimNamespace ns = s.byPath(a);
                    List<JsonNode> items = new ArrayList<>();
                    for (AuthRule r : ns.rules.values()) {
                        items.add(ArmBodies.authRule(ns, ns.alias.aliasName, ruleSegment, r));
                    }
                    return ArmResult.ok(ArmBodies.list(items));
                });
    }

    public ArmResult getRule(NsPath a, String alias, String ruleSegment, String rule) {
        return s.locked(
                () -> {
                    ArmResult missing = missing(a, alias);
                    if (missing != null) {
                        return missing;
                    }
                    SimNamespace ns = s.byPath(a);
                    AuthRule r = ns.rule(rule);
                    if (r == null) {
                        return ArmResult.error(ErrorTemplates.ruleNotFound(rule));
                    }
                    return ArmResult.ok(ArmBodies.authRule(ns, ns.alias.aliasName, ruleSegment, r));
                });
    }

    public ArmResult listKeys(NsPath a, String alias, String rule) {
        return s.locked(
                () -> {
                    ArmResult missing = missing(a, alias);
                    if (missing != null) {
                        return missing;
                    }
                    SimNamespace ns = s.byPath(a);
                    AuthRule r = ns.rule(rule);
                    if (r == null) {
                        return ArmResult.error(ErrorTemplates.ruleNotFound(rule));
                    }
                    return ArmResult.ok(ArmBodies.aliasKeys(ns.provider, ns.alias.aliasName, r));
                });
    }

    public ArmResult getNamespace(NsPath a) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    return ns == null
                            ? ArmResult.error(ErrorTemplates.namespaceNotFound(a))
                            : ArmResult.ok(NamespaceBodies.namespace(ns));
                });
    }

    public ArmResult listQueues(NsPath a) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    return ns == null
                            ? ArmResult.error(ErrorTemplates.namespaceNotFound(a))
                            : ArmResult.ok(
                                    NamespaceBodies.queues(ns, s.effectiveEntities(ns, s.now())));
                });
    }

    public ArmResult listTopics(NsPath a) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    return ns == null
                            ? ArmResult.error(ErrorTemplates.namespaceNotFound(a))
                            : ArmResult.ok(NamespaceBodies.topics());
                });
    }

    /** {@code networkRuleSets/default}: every namespace has one, defaults until set. */
    public ArmResult networkRuleSet(NsPath a) {
        return onNamespace(a, ns -> ArmResult.ok(SecurityBodies.networkRuleSet(ns)));
    }

    /**
     * Role assignments at the namespace scope; {@code filter} {@code atScope()} leaves out those
     * below it (any other filter is ignored).
     */
    public ArmResult roleAssignments(NsPath a, String filter) {
        boolean atScope = filter != null && filter.replace(" ", "").equalsIgnoreCase("atScope()");
        return onNamespace(a, ns -> ArmResult.ok(SecurityBodies.roleAssignments(ns, atScope)));
    }

    private ArmResult onNamespace(NsPath a, Function<SimNamespace, ArmResult> read) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    return ns == null
                            ? ArmResult.error(ErrorTemplates.namespaceNotFound(a))
                            : read.apply(ns);
                });
    }

    private ArmResult missing(NsPath a, String alias) {
        SimNamespace ns = s.byPath(a);
        if (ns == null) {
            return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
        }
        if (ns.alias == null || !ns.alias.isNamed(alias)) {
            return ArmResult.error(ErrorTemplates.aliasNotFound(alias, ns.name));
        }
        return null;
    }
}
