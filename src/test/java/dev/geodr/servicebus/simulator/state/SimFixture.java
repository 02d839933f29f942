package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.clock.VirtualClock;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A simulator state on a manual clock with helpers to reach each §9.2 record state through the
 * public operations only (never by poking fields), so table rows start from realistic states.
 */
final class SimFixture {

    static final String SUB = "11111111-1111-1111-1111-111111111111";
    static final String SUB2 = "22222222-2222-2222-2222-222222222222";
    static final String RG = "rg-dr";

    final VirtualClock clock = VirtualClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    final StateSettings settings;
    final SimulatorState state;
    final AliasStateMachine machine;
    final AliasReads reads;
    final NamespaceAdmin admin;
    final Set<String> unreachable = new HashSet<>();

    final NsPath a;
    final NsPath b;
    final NsPath c;
    static final String ALIAS = "orders-alias";

    SimFixture() {
        this(StateSettings.defaults());
    }

    SimFixture(StateSettings settings) {
        this.settings = settings;
        state = new SimulatorState(clock, settings);
        state.setUnreachable(unreachable::contains);
        machine = new AliasStateMachine(state);
        reads = new AliasReads(state);
        admin = new NamespaceAdmin(state);
        a = namespace("ns-primary-a", "southcentralus");
        b = namespace("ns-secondary-b", "northcentralus");
        c = namespace("ns-spare-c", "eastus");
    }

    NsPath namespace(String name, String location) {
        return namespace(new NamespaceSpec(SUB, RG, name, location, null, null, null, null, null));
    }

    NsPath namespace(NamespaceSpec spec) {
        admin.put(spec);
        return new NsPath(spec.subscriptionId(), spec.resourceGroup(), spec.name());
    }

    static String id(NsPath p) {
        return NsKeys.id(p.subscriptionId(), p.resourceGroup(), p.name());
    }

    static JsonNode partnerBody(String partner) {
        ObjectNode body = Json.object();
        body.putObject("properties").put("partnerNamespace", partner);
        return body;
    }

    static JsonNode safeBody(boolean safe) {
        ObjectNode body = Json.object();
        body.putObject("properties").put("IsSafeFailover", safe);
        return body;
    }

    void advance(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    ArmResult put(NsPath on, String alias, NsPath partner) {
        return machine.put(on, alias, partnerBody(id(partner)));
    }

    /** The record state on a namespace (null when there is no record), after settling timers. */
    RecordState stateOf(NsPath p) {
        return state.locked(
                () -> {
                    SimNamespace ns = state.byKey(p.key());
                    return ns == null || ns.alias == null ? null : ns.alias.state;
                });
    }

    JsonNode get(NsPath p) {
        ArmResult r = machine.get(p, ALIAS);
        return r.isError() ? null : r.body();
    }

    // ---- reaching the §9.2 states (a = primary, b = secondary) ----

    SimFixture pairing() {
        expectOk(put(a, ALIAS, b));
        return this;
    }

    SimFixture paired() {
        pairing();
        advance(settings.timers().pair().toSeconds());
        return this;
    }

    SimFixture breaking1() {
        paired();
        expectOk(machine.breakPairing(a, ALIAS));
        return this;
    }

    SimFixture breaking2() {
        breaking1();
        advance(settings.timers().breakPhase1().toSeconds());
        return this;
    }

    SimFixture pnr() {
        breaking2();
        advance(settings.timers().breakPhase2().toSeconds());
        return this;
    }

    SimFixture failingOver() {
        paired();
        expectOk(machine.failover(b, ALIAS, null));
        return this;
    }

    SimFixture deleting() {
        pnr();
        expectOk(machine.delete(a, ALIAS));
        return this;
    }

    SimFixture setEntities(NsPath p, long n) {
        admin.put(
                new NamespaceSpec(
                        p.subscriptionId(),
                        p.resourceGroup(),
                        p.name(),
                        null,
                        null,
                        null,
                        n,
                        null,
                        null));
        return this;
    }

    SimFixture addRule(NsPath p, String name, List<String> rights) {
        admin.put(
                new NamespaceSpec(
                        p.subscriptionId(),
                        p.resourceGroup(),
                        p.name(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(new NamespaceSpec.RuleSpec(name, rights))));
        return this;
    }

    static void expectOk(ArmResult r) {
        if (r.isError()) {
            throw new AssertionError("setup step failed: " + r.error());
        }
    }
}
