package dev.geodr.servicebus.simulator.state;

import static dev.geodr.servicebus.simulator.state.RecordState.DELETING;
import static dev.geodr.servicebus.simulator.state.RecordState.PNR;
import static dev.geodr.servicebus.simulator.state.RecordState.P_BEING_FAILED_OVER;
import static dev.geodr.servicebus.simulator.state.RecordState.P_BREAKING_1;
import static dev.geodr.servicebus.simulator.state.RecordState.P_BREAKING_2;
import static dev.geodr.servicebus.simulator.state.RecordState.P_PAIRED;
import static dev.geodr.servicebus.simulator.state.RecordState.P_PAIRING;
import static dev.geodr.servicebus.simulator.state.RecordState.S_FAILING_OVER;
import static dev.geodr.servicebus.simulator.state.RecordState.S_PAIRED;
import static dev.geodr.servicebus.simulator.state.RecordState.S_PAIRING;
import static dev.geodr.servicebus.simulator.state.SimFixture.ALIAS;
import static dev.geodr.servicebus.simulator.state.SimFixture.RG;
import static dev.geodr.servicebus.simulator.state.SimFixture.SUB;
import static dev.geodr.servicebus.simulator.state.SimFixture.SUB2;
import static dev.geodr.servicebus.simulator.state.SimFixture.id;
import static dev.geodr.servicebus.simulator.state.SimFixture.partnerBody;
import static dev.geodr.servicebus.simulator.state.SimFixture.safeBody;
import static dev.geodr.servicebus.simulator.state.TableRow.answer;
import static dev.geodr.servicebus.simulator.state.TableRow.row;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the §9.4 PUT, breakPairing, failover and DELETE tables, first matching row wins. */
class AliasStateMachineTest {

    private static final NsPath MISSING = new NsPath(SUB, RG, "ns-does-not-exist");
    private static final String X = "[simulator]";

    static Stream<TableRow> putRows() {
        return Stream.of(
                answer(
                        "PUT 1: namespace A missing -> gateway 404",
                        f -> f,
                        f -> f.put(MISSING, ALIAS, f.b),
                        404,
                        "ResourceNotFound",
                        "Microsoft.ServiceBus/namespaces/ns-does-not-exist"),
                row(
                        "PUT 2: alias starting with a digit",
                        f -> f,
                        f -> f.put(f.a, "1alias", f.b),
                        400,
                        "BadRequest",
                        X,
                        null,
                        null),
                row(
                        "PUT 2: alias ending with a hyphen",
                        f -> f,
                        f -> f.put(f.a, "alias-", f.b),
                        400,
                        "BadRequest",
                        X,
                        null,
                        null),
                row(
                        "PUT 2: alias of 51 characters",
                        f -> f,
                        f -> f.put(f.a, "a".repeat(51), f.b),
                        400,
                        "BadRequest",
                        X,
                        null,
                        null),
                row(
                        "PUT 3: no partnerNamespace and no record",
                        f -> f,
                        f -> f.machine.put(f.a, ALIAS, Json.object().putObject("properties")),
                        400,
                        "BadRequest",
                        "partnerNamespace is required",
                        null,
                        null),
                row(
                        "PUT 4: alternateName while alias != primary name",
                        f -> f,
                        f -> {
                            ObjectNode body = (ObjectNode) partnerBody(id(f.b));
                            ((ObjectNode) body.get("properties"))
                                    .put("alternateName", "other-name");
                            return f.machine.put(f.a, ALIAS, body);
                        },
                        400,
                        "BadRequest",
                        "Alternate name is supported only if alias and primary namespace are same.",
                        null,
                        null),
                row(
                        "PUT 5: A already holds a different alias",
                        SimFixture::paired,
                        f -> f.put(f.a, "another-alias", f.c),
                        409,
                        "Conflict",
                        "already part of a Geo-DR configuration",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "PUT 6: transition in flight (pairing)",
                        SimFixture::pairing,
                        f -> f.put(f.a, ALIAS, f.b),
                        429,
                        "TooManyRequests",
                        "Disaster recovery operation in progress.",
                        P_PAIRING,
                        S_PAIRING),
                row(
                        "PUT 6: transition in flight (break phase 1)",
                        SimFixture::breaking1,
                        f -> f.put(f.a, ALIAS, f.b),
                        429,
                        "TooManyRequests",
                        null,
                        P_BREAKING_1,
                        S_PAIRED),
                row(
                        "PUT 6: transition in flight (break phase 2)",
                        SimFixture::breaking2,
                        f -> f.put(f.a, ALIAS, f.b),
                        429,
                        "TooManyRequests",
                        null,
                        P_BREAKING_2,
                        null),
                row(
                        "PUT 6: transition in flight (deleting)",
                        SimFixture::deleting,
                        f -> f.put(f.a, ALIAS, f.b),
                        429,
                        "TooManyRequests",
                        null,
                        DELETING,
                        null),
                row(
                        "PUT 7: PUT on the secondary",
                        SimFixture::paired,
                        f -> f.put(f.b, ALIAS, f.a),
                        400,
                        "BadRequest",
                        X,
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "PUT 8: idempotent re-PUT with the current partner",
                        SimFixture::paired,
                        f -> f.put(f.a, ALIAS, f.b),
                        200,
                        null,
                        null,
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "PUT 8: partner given as a bare name resolves too",
                        SimFixture::paired,
                        f -> f.machine.put(f.a, ALIAS, partnerBody(f.b.name())),
                        200,
                        null,
                        null,
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "PUT 9: paired, different partner",
                        SimFixture::paired,
                        f -> f.put(f.a, ALIAS, f.c),
                        409,
                        "Conflict",
                        "break the pairing first",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "PUT 10: alias held by another pairing",
                        f -> {
                            NsPath d = f.namespace("ns-other-d", "westeurope");
                            NsPath e = f.namespace("ns-other-e", "northeurope");
                            SimFixture.expectOk(f.put(d, ALIAS, e));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "Alias '" + ALIAS + "' is not availble, please use a different name.",
                        null,
                        null),
                row(
                        "PUT 10: alias equal to an existing namespace name",
                        f -> f,
                        f -> f.put(f.a, "ns-spare-c", f.b),
                        400,
                        "BadRequest",
                        "is not availble",
                        null,
                        null),
                row(
                        "PUT 10: alias reserved by a tombstone after delete",
                        f -> {
                            f.deleting();
                            f.advance(f.settings.timers().deleteVisibleFor().toSeconds());
                            return f;
                        },
                        f -> f.put(f.b, ALIAS, f.c),
                        400,
                        "BadRequest",
                        "is not availble",
                        null,
                        null),
                row(
                        "PUT 11: partner does not resolve",
                        f -> f,
                        f ->
                                f.machine.put(
                                        f.a,
                                        ALIAS,
                                        partnerBody(
                                                "/subscriptions/"
                                                        + SUB
                                                        + "/resourceGroups/"
                                                        + RG
                                                        + "/providers/Microsoft.ServiceBus/namespaces/ns-nowhere")),
                        400,
                        "BadRequest",
                        "could not be resolved",
                        null,
                        null),
                row(
                        "PUT 11: partner is garbage",
                        f -> f,
                        f -> f.machine.put(f.a, ALIAS, partnerBody("::/../")),
                        400,
                        "BadRequest",
                        "could not be resolved",
                        null,
                        null),
                row(
                        "PUT 12: partner is A itself",
                        f -> f,
                        f -> f.put(f.a, ALIAS, f.a),
                        400,
                        "BadRequest",
                        "must differ",
                        null,
                        null),
                row(
                        "PUT 13: A not Premium",
                        f -> {
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB,
                                            RG,
                                            f.a.name(),
                                            null,
                                            "Standard",
                                            null,
                                            null,
                                            null,
                                            null));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "requires Premium",
                        null,
                        null),
                row(
                        "PUT 13: B not Premium",
                        f -> {
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB,
                                            RG,
                                            f.b.name(),
                                            null,
                                            "Basic",
                                            null,
                                            null,
                                            null,
                                            null));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "requires Premium",
                        null,
                        null),
                row(
                        "PUT 14: B already holds an alias record",
                        f -> {
                            SimFixture.expectOk(f.put(f.b, "b-alias", f.c));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        409,
                        "Conflict",
                        "'ns-secondary-b' is already part",
                        null,
                        P_PAIRING),
                row(
                        "PUT 15: B holds entities",
                        f -> f.setEntities(f.b, 3),
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "must not contain entities",
                        null,
                        null),
                row(
                        "PUT 16: partitioned A, non-partitioned B",
                        f -> {
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB, RG, f.a.name(), null, null, 2, null, null, null));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "partitioned",
                        null,
                        null),
                row(
                        "PUT 17: private endpoint on A only",
                        f -> {
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB, RG, f.a.name(), null, null, null, null, 1, null));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        400,
                        "BadRequest",
                        "private endpoints",
                        null,
                        null),
                row(
                        "PUT 17: private endpoints on both sides pair fine",
                        f -> {
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB, RG, f.a.name(), null, null, null, null, 1, null));
                            f.namespace(
                                    new NamespaceSpec(
                                            SUB, RG, f.b.name(), null, null, null, null, 1, null));
                            return f;
                        },
                        f -> f.put(f.a, ALIAS, f.b),
                        200,
                        null,
                        null,
                        P_PAIRING,
                        S_PAIRING),
                row(
                        "PUT 18: create",
                        f -> f,
                        f -> f.put(f.a, ALIAS, f.b),
                        200,
                        null,
                        null,
                        P_PAIRING,
                        S_PAIRING),
                row(
                        "PUT 18: re-pair a PrimaryNotReplicating record",
                        SimFixture::pnr,
                        f -> f.put(f.a, ALIAS, f.b),
                        200,
                        null,
                        null,
                        P_PAIRING,
                        S_PAIRING));
    }

    static Stream<TableRow> breakRows() {
        return Stream.of(
                answer(
                        "break 1: namespace missing",
                        f -> f,
                        f -> f.machine.breakPairing(MISSING, ALIAS),
                        404,
                        "ResourceNotFound",
                        null),
                row(
                        "break 1: no record",
                        f -> f,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        404,
                        "NotFound",
                        "Alias '"
                                + ALIAS
                                + "' does not exist or is not associated with namespace 'ns-primary-a'.",
                        null,
                        null),
                row(
                        "break 2: paired primary",
                        SimFixture::paired,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        200,
                        null,
                        null,
                        P_BREAKING_1,
                        S_PAIRED),
                row(
                        "break 3: pairing primary",
                        SimFixture::pairing,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        200,
                        null,
                        null,
                        P_BREAKING_1,
                        S_PAIRING),
                row(
                        "break 4: PrimaryNotReplicating is a no-op",
                        SimFixture::pnr,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        200,
                        null,
                        null,
                        PNR,
                        null),
                row(
                        "break 5: called on the secondary",
                        SimFixture::paired,
                        f -> f.machine.breakPairing(f.b, ALIAS),
                        400,
                        "BadRequest",
                        "Break pairing must be invoked on the primary namespace.",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "break 6: break already in flight",
                        SimFixture::breaking1,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        429,
                        "TooManyRequests",
                        "Disaster recovery operation in progress.",
                        P_BREAKING_1,
                        S_PAIRED),
                row(
                        "break 6: primary being failed over",
                        SimFixture::failingOver,
                        f -> f.machine.breakPairing(f.a, ALIAS),
                        429,
                        "TooManyRequests",
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER));
    }

    static Stream<TableRow> failoverRows() {
        return Stream.of(
                answer(
                        "failover 1: namespace missing",
                        f -> f,
                        f -> f.machine.failover(MISSING, ALIAS, null),
                        404,
                        "ResourceNotFound",
                        null),
                row(
                        "failover 1: no record",
                        f -> f,
                        f -> f.machine.failover(f.b, ALIAS, null),
                        404,
                        "NotFound",
                        "does not exist or is not associated",
                        null,
                        null),
                row(
                        "failover 2: on the paired secondary",
                        SimFixture::paired,
                        f -> f.machine.failover(f.b, ALIAS, null),
                        200,
                        null,
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "failover 3: while the primary is breaking",
                        SimFixture::breaking1,
                        f -> f.machine.failover(f.b, ALIAS, null),
                        200,
                        null,
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "failover 4: safe while replication is pending",
                        f -> {
                            f.paired();
                            return f.setEntities(f.a, 30);
                        },
                        f -> f.machine.failover(f.b, ALIAS, safeBody(true)),
                        409,
                        "Conflict",
                        "Namespace Replication is still in progress, retry the operation after some time...",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "failover 4: safe while still pairing",
                        SimFixture::pairing,
                        f -> f.machine.failover(f.b, ALIAS, safeBody(true)),
                        409,
                        "Conflict",
                        "still in progress",
                        P_PAIRING,
                        S_PAIRING),
                row(
                        "failover 4: safe, nothing pending, same subscription",
                        SimFixture::paired,
                        f -> f.machine.failover(f.b, ALIAS, safeBody(true)),
                        200,
                        null,
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                answer(
                        "failover 5: safe across subscriptions",
                        f -> {
                            NsPath other =
                                    f.namespace(
                                            new NamespaceSpec(
                                                    SUB2,
                                                    RG,
                                                    "ns-other-sub",
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    null));
                            SimFixture.expectOk(f.put(f.a, ALIAS, other));
                            f.advance(90);
                            return f;
                        },
                        f ->
                                f.machine.failover(
                                        new NsPath(SUB2, RG, "ns-other-sub"),
                                        ALIAS,
                                        safeBody(true)),
                        400,
                        "BadRequest",
                        "Safe failover is not supported across subscriptions."),
                answer(
                        "failover 5: forced across subscriptions is fine",
                        f -> {
                            NsPath other =
                                    f.namespace(
                                            new NamespaceSpec(
                                                    SUB2,
                                                    RG,
                                                    "ns-other-sub",
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    null,
                                                    null));
                            SimFixture.expectOk(f.put(f.a, ALIAS, other));
                            f.advance(90);
                            return f;
                        },
                        f ->
                                f.machine.failover(
                                        new NsPath(SUB2, RG, "ns-other-sub"),
                                        ALIAS,
                                        safeBody(false)),
                        200,
                        null,
                        null),
                row(
                        "failover 6: forced while still pairing",
                        SimFixture::pairing,
                        f -> f.machine.failover(f.b, ALIAS, null),
                        200,
                        null,
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "failover 7: called on the primary",
                        SimFixture::paired,
                        f -> f.machine.failover(f.a, ALIAS, null),
                        400,
                        "BadRequest",
                        "Failover must be invoked on the secondary namespace.",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "failover 8: on a PrimaryNotReplicating record",
                        SimFixture::pnr,
                        f -> f.machine.failover(f.a, ALIAS, null),
                        400,
                        "BadRequest",
                        "secondary namespace",
                        PNR,
                        null),
                row(
                        "failover 9: failover already in flight",
                        SimFixture::failingOver,
                        f -> f.machine.failover(f.b, ALIAS, null),
                        429,
                        "TooManyRequests",
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "failover: IsSafeFailover of the wrong type",
                        SimFixture::paired,
                        f -> {
                            ObjectNode body = Json.object();
                            body.putObject("properties").put("IsSafeFailover", "yes");
                            return f.machine.failover(f.b, ALIAS, body);
                        },
                        400,
                        "InvalidRequestContent",
                        null,
                        P_PAIRED,
                        S_PAIRED));
    }

    static Stream<TableRow> deleteRows() {
        return Stream.of(
                answer(
                        "delete 1: namespace missing",
                        f -> f,
                        f -> f.machine.delete(MISSING, ALIAS),
                        404,
                        "ResourceNotFound",
                        "under resource group '" + RG + "' was not found"),
                row(
                        "delete 2: no record",
                        f -> f,
                        f -> f.machine.delete(f.a, ALIAS),
                        404,
                        "NotFound",
                        "does not exist or is not associated with namespace 'ns-primary-a'",
                        null,
                        null),
                row(
                        "delete 2: old primary after failover",
                        f -> {
                            f.failingOver();
                            f.advance(80);
                            return f;
                        },
                        f -> f.machine.delete(f.a, ALIAS),
                        404,
                        "NotFound",
                        null,
                        null,
                        PNR),
                row(
                        "delete 3: paired primary",
                        SimFixture::paired,
                        f -> f.machine.delete(f.a, ALIAS),
                        400,
                        "BadRequest",
                        "Delete operation is only allowed when primary namespace does not have secondary namespace.",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "delete 3: paired secondary",
                        SimFixture::paired,
                        f -> f.machine.delete(f.b, ALIAS),
                        400,
                        "BadRequest",
                        "Delete operation is only allowed",
                        P_PAIRED,
                        S_PAIRED),
                row(
                        "delete 3: pairing",
                        SimFixture::pairing,
                        f -> f.machine.delete(f.a, ALIAS),
                        400,
                        "BadRequest",
                        null,
                        P_PAIRING,
                        S_PAIRING),
                row(
                        "delete 3: breaking (phase 1)",
                        SimFixture::breaking1,
                        f -> f.machine.delete(f.a, ALIAS),
                        400,
                        "BadRequest",
                        null,
                        P_BREAKING_1,
                        S_PAIRED),
                row(
                        "delete 3: old primary during failover",
                        SimFixture::failingOver,
                        f -> f.machine.delete(f.a, ALIAS),
                        400,
                        "BadRequest",
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "delete 3: ex-secondary during failover",
                        SimFixture::failingOver,
                        f -> f.machine.delete(f.b, ALIAS),
                        400,
                        "BadRequest",
                        null,
                        P_BEING_FAILED_OVER,
                        S_FAILING_OVER),
                row(
                        "delete 4: PrimaryNotReplicating but still Accepted",
                        SimFixture::breaking2,
                        f -> f.machine.delete(f.a, ALIAS),
                        400,
                        "BadRequest",
                        null,
                        P_BREAKING_2,
                        null),
                row(
                        "delete 5: PrimaryNotReplicating",
                        SimFixture::pnr,
                        f -> f.machine.delete(f.a, ALIAS),
                        200,
                        null,
                        null,
                        DELETING,
                        null),
                row(
                        "delete 6: deleting already",
                        SimFixture::deleting,
                        f -> f.machine.delete(f.a, ALIAS),
                        200,
                        null,
                        null,
                        DELETING,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("putRows")
    void put(TableRow row) {
        row.verify(new SimFixture());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakRows")
    void breakPairing(TableRow row) {
        row.verify(new SimFixture());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failoverRows")
    void failover(TableRow row) {
        row.verify(new SimFixture());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deleteRows")
    void delete(TableRow row) {
        row.verify(new SimFixture());
    }

    @ParameterizedTest(name = "delete while paired with the 409 knob: {0}")
    @MethodSource("deleteRows")
    void deleteWithConflictKnob(TableRow row) {
        if (!"BadRequest".equals(row.code())
                || row.messagePart() != null && !row.messagePart().startsWith("Delete")) {
            return;
        }
        StateSettings knob = new StateSettings(StateSettings.defaults().timers(), 60, 409, true);
        new TableRow(
                        row.name(),
                        row.given(),
                        row.when(),
                        409,
                        "Conflict",
                        "Disaster recovery (DR) config can't be deleted because replication is in progress.",
                        row.expectA(),
                        row.expectB(),
                        row.checkStates())
                .verify(new SimFixture(knob));
    }
}
