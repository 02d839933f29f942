package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Geo-DR alias operations of docs/arm-semantics.md §9.4 (GET, list, PUT, DELETE, breakPairing,
 * failover). Each method takes the lock, evaluates the table rows in order (first match wins) and
 * changes state only after every precondition passed, so an error never leaves half a change
 * behind.
 */
public final class AliasStateMachine {

    private final SimulatorState s;
    private final PutAlias put;

    public AliasStateMachine(SimulatorState s) {
        this.s = s;
        this.put = new PutAlias(s, this);
    }

    public ArmResult get(NsPath a, String alias) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    if (ns.alias == null || !ns.alias.isNamed(alias)) {
                        return ArmResult.error(ErrorTemplates.aliasNotFound(alias, ns.name));
                    }
                    return ArmResult.ok(render(ns, s.now()));
                });
    }

    /** {@code {"value":[...]}}, at most one item, never a {@code nextLink} key (§2.9). */
    public ArmResult list(NsPath a) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    List<JsonNode> items =
                            ns.alias == null ? List.of() : List.of(render(ns, s.now()));
                    return ArmResult.ok(ArmBodies.list(items));
                });
    }

    public ArmResult put(NsPath a, String alias, JsonNode body) {
        return s.locked(() -> put.apply(a, alias, body, s.now()));
    }

    /** DELETE rows 1–6. */
    public ArmResult delete(NsPath a, String alias) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    SimAliasRecord rec = ns.alias;
                    if (rec == null || !rec.isNamed(alias)) {
                        return ArmResult.error(ErrorTemplates.aliasNotFound(alias, ns.name));
                    }
                    if (rec.state == RecordState.DELETING) {
                        return ArmResult.empty();
                    }
                    if (rec.state == RecordState.PNR) {
                        s.transitions.startDelete(ns, s.now());
                        return ArmResult.empty();
                    }
                    return ArmResult.error(
                            ErrorTemplates.deleteWhilePaired(s.settings.deleteWhilePairedStatus()));
                });
    }

    /** breakPairing rows 1–6. */
    public ArmResult breakPairing(NsPath a, String alias) {
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    SimAliasRecord rec = ns.alias;
                    if (rec == null || !rec.isNamed(alias)) {
                        return ArmResult.error(ErrorTemplates.aliasNotFound(alias, ns.name));
                    }
                    switch (rec.state) {
                        case P_PAIRED, P_PAIRING -> {
                            s.transitions.startBreak(ns, s.now());
                            return ArmResult.empty();
                        }
                        case PNR -> {
                            return ArmResult.empty();
                        }
                        case S_PAIRING, S_PAIRED, S_FAILING_OVER -> {
                            return ArmResult.error(ErrorTemplates.breakOnPrimaryOnly());
                        }
                        default -> {
                            return ArmResult.error(ErrorTemplates.operationInProgress());
                        }
                    }
                });
    }

    /**
     * failover rows 1–9. Rows 4–5 refine rows 2/3/6 (they only make sense for a secondary), so the
     * safe checks run before the success rows; otherwise the table order holds.
     */
    public ArmResult failover(NsPath a, String alias, JsonNode body) {
        // Event Hubs' failover has no body parameter (no IsSafeFailover): a body is ignored
        Boolean safe = a.provider().safeFailover() ? safeFlag(body) : Boolean.FALSE;
        if (safe == null) {
            return ArmResult.error(
                    ErrorTemplates.invalidContent("properties.IsSafeFailover must be a boolean."));
        }
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    SimAliasRecord rec = ns.alias;
                    if (rec == null || !rec.isNamed(alias)) {
                        return ArmResult.error(ErrorTemplates.aliasNotFound(alias, ns.name));
                    }
                    if (rec.state == RecordState.S_FAILING_OVER) {
                        return ArmResult.error(ErrorTemplates.operationInProgress());
                    }
                    if (!rec.state.isSecondary()) {
                        return ArmResult.error(ErrorTemplates.failoverOnSecondaryOnly());
                    }
                    SimNamespace primary = s.byKey(rec.partnerKey);
                    long now = s.now();
                    if (safe) {
                        boolean stillSyncing =
                                rec.state == RecordState.S_PAIRING
                                        || primary == null
                                        || s.pending(primary.alias, now) > 0
                                        || s.isUnreachable(primary.key());
                        if (stillSyncing) {
                            return ArmResult.error(ErrorTemplates.replicationInProgress());
                        }
                        if (!primary.subscriptionId.equalsIgnoreCase(ns.subscriptionId)) {
                            return ArmResult.error(
                                    ErrorTemplates.safeFailoverAcrossSubscriptions());
                        }
                    }
                    if (primary == null) {
                        return ArmResult.error(ErrorTemplates.failoverOnSecondaryOnly());
                    }
                    s.transitions.startFailover(ns, primary, now);
                    return ArmResult.empty();
                });
    }

    /**
     * TRUE/FALSE from {@code {"properties":{"IsSafeFailover":b}}}; absent means forced; null means
     * malformed.
     */
    static Boolean safeFlag(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return Boolean.FALSE;
        }
        if (!body.isObject()) {
            return null;
        }
        JsonNode props = body.get("properties");
        if (props == null || props.isNull()) {
            return Boolean.FALSE;
        }
        if (!props.isObject()) {
            return null;
        }
        JsonNode flag =
                props.has("IsSafeFailover")
                        ? props.get("IsSafeFailover")
                        : props.get("isSafeFailover");
        if (flag == null || flag.isNull()) {
            return Boolean.FALSE;
        }
        return flag.isBoolean() ? flag.booleanValue() : null;
    }

    /** body(A) per §9.6; the pending count only on a Succeeded primary. Caller holds the lock. */
    ObjectNode render(SimNamespace ns, long now) {
        SimAliasRecord rec = ns.alias;
        SimNamespace partner = s.byKey(rec.partnerKey);
        Long pending = rec.state == RecordState.P_PAIRED ? s.pending(rec, now) : null;
        return ArmBodies.alias(
                ns,
                rec.aliasName,
                rec.alternateName,
                rec.state,
                partner == null ? null : partner.id(),
                pending);
    }
}
