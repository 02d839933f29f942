package dev.geodr.servicebus.simulator.state;

import static dev.geodr.servicebus.simulator.state.SimFixture.ALIAS;
import static dev.geodr.servicebus.simulator.state.SimFixture.id;
import static dev.geodr.servicebus.simulator.state.SimFixture.safeBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Whole-timeline behaviour on the manual clock: §9.8, replication, name release, races, outages.
 */
class WalkThroughStateMachineTest {

    private final SimFixture f = new SimFixture();
    private long now;

    private void at(long t) {
        assertThat(t).isGreaterThanOrEqualTo(now);
        f.advance(t - now);
        now = t;
    }

    /** Asserts state/role/partner; {@code pending} null means the key must be absent. */
    private static void assertBody(
            JsonNode body, String state, String role, String partner, Long pending) {
        assertThat(body).as("record exists").isNotNull();
        JsonNode p = body.get("properties");
        assertThat(p.get("provisioningState").textValue()).isEqualTo(state);
        assertThat(p.get("role").textValue()).isEqualTo(role);
        assertThat(p.get("partnerNamespace").textValue()).isEqualTo(partner);
        assertThat(p.get("type").textValue()).isEqualTo("MetadataReplication");
        if (pending == null) {
            assertThat(p.has("pendingReplicationOperationsCount")).as("no pending count").isFalse();
        } else {
            assertThat(p.get("pendingReplicationOperationsCount").longValue()).isEqualTo(pending);
        }
    }

    private void assertNoRecord(NsPath p) {
        ArmResult r = f.machine.get(p, ALIAS);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("NotFound");
    }

    @Test
    void theWalkThroughOfSection98() {
        String a = id(f.a);
        String b = id(f.b);
        at(0);
        ArmResult put = f.put(f.a, ALIAS, f.b);
        assertBody(put.body(), "Accepted", "Primary", b, null);
        at(2);
        assertBody(f.get(f.b), "Accepted", "Secondary", a, null);
        at(30);
        assertBody(f.get(f.a), "Accepted", "Primary", b, null);
        at(90);
        assertBody(f.get(f.a), "Succeeded", "Primary", b, 0L);
        at(91);
        assertBody(f.get(f.b), "Succeeded", "Secondary", a, null);
        at(92);
        assertThat(f.machine.delete(f.a, ALIAS).status()).isEqualTo(400);
        at(93);
        assertThat(f.machine.breakPairing(f.a, ALIAS)).isEqualTo(ArmResult.empty());
        at(100);
        assertBody(f.get(f.a), "Accepted", "Primary", b, null);
        at(200);
        assertBody(f.get(f.a), "Accepted", "PrimaryNotReplicating", "", null);
        at(215);
        assertBody(f.get(f.a), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.b);
        at(220);
        assertBody(f.put(f.a, ALIAS, f.b).body(), "Accepted", "Primary", b, null);
        at(310);
        assertBody(f.get(f.a), "Succeeded", "Primary", b, 0L);
        at(311);
        assertThat(f.machine.failover(f.b, ALIAS, null)).isEqualTo(ArmResult.empty());
        at(312);
        assertThat(f.machine.delete(f.a, ALIAS).code()).isEqualTo("BadRequest");
        at(330);
        assertBody(f.get(f.b), "Accepted", "Secondary", a, null);
        assertBody(f.get(f.a), "Accepted", "Primary", b, null);
        at(391);
        assertBody(f.get(f.b), "Succeeded", "PrimaryNotReplicating", "", null);
        at(392);
        assertNoRecord(f.a);
        at(400);
        assertBody(f.put(f.b, ALIAS, f.a).body(), "Accepted", "Primary", a, null);
        at(490);
        assertBody(f.get(f.a), "Succeeded", "Secondary", b, null);
        assertBody(f.get(f.b), "Succeeded", "Primary", a, 0L);
        at(491);
        assertThat(f.machine.failover(f.a, ALIAS, null).status()).isEqualTo(200);
        at(571);
        assertBody(f.get(f.a), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.b);
        at(572);
        assertThat(f.machine.delete(f.a, ALIAS)).isEqualTo(ArmResult.empty());
        at(582);
        assertThat(f.machine.list(f.a).body().toString()).isEqualTo("{\"value\":[]}");
        assertThat(f.state.scheduledTimers()).isZero();
    }

    @Test
    void pendingReplicationGrowsWithEntitiesAddedOnAPairedPrimaryAndDrainsAtTheRate() {
        f.paired();
        f.setEntities(f.a, 120);
        assertBody(f.get(f.a), "Succeeded", "Primary", id(f.b), 120L);
        assertThat(
                        f.admin
                                .get(SimFixture.SUB, SimFixture.RG, f.b.name())
                                .get("entities")
                                .longValue())
                .isZero();
        f.advance(30);
        assertBody(f.get(f.a), "Succeeded", "Primary", id(f.b), 90L);
        assertThat(
                        f.admin
                                .get(SimFixture.SUB, SimFixture.RG, f.b.name())
                                .get("entities")
                                .longValue())
                .isEqualTo(30);
        assertThat(f.machine.failover(f.b, ALIAS, safeBody(true)).code()).isEqualTo("Conflict");
        f.setEntities(f.a, 150); // 30 more while 90 are pending
        assertBody(f.get(f.a), "Succeeded", "Primary", id(f.b), 120L);
        f.advance(120);
        assertBody(f.get(f.a), "Succeeded", "Primary", id(f.b), 0L);
        assertThat(
                        f.admin
                                .get(SimFixture.SUB, SimFixture.RG, f.b.name())
                                .get("entities")
                                .longValue())
                .isEqualTo(150);
        assertThat(f.machine.failover(f.b, ALIAS, safeBody(true)).status()).isEqualTo(200);
    }

    @Test
    void pairingTakesLongerWithEntitiesOnThePrimary() {
        f.setEntities(f.a, 30);
        SimFixture.expectOk(f.put(f.a, ALIAS, f.b));
        f.advance(119);
        assertBody(f.get(f.a), "Accepted", "Primary", id(f.b), null);
        f.advance(1);
        assertBody(f.get(f.a), "Succeeded", "Primary", id(f.b), 0L);
        assertThat(
                        f.admin
                                .get(SimFixture.SUB, SimFixture.RG, f.b.name())
                                .get("entities")
                                .longValue())
                .isEqualTo(30);
    }

    @Test
    void aDeletedAliasStaysVisibleThenIsGoneThenItsNameIsReleased() {
        f.pnr();
        SimFixture.expectOk(f.machine.delete(f.a, ALIAS));
        f.advance(9);
        assertBody(f.get(f.a), "Succeeded", "PrimaryNotReplicating", "", null);
        f.advance(1);
        assertNoRecord(f.a);
        assertThat(f.machine.list(f.a).body().get("value")).isEmpty();
        f.advance(30);
        assertThat(f.put(f.c, ALIAS, f.b).code())
                .as("tombstone blocks a new owner")
                .isEqualTo("BadRequest");
        f.advance(29);
        assertThat(f.reads.checkName(f.c, nameBody()).body().get("reason").textValue())
                .isEqualTo("NameInUse");
        f.advance(1);
        assertThat(f.reads.checkName(f.c, nameBody()).body().get("reason").textValue())
                .isEqualTo("None");
        assertThat(f.put(f.c, ALIAS, f.b).status()).isEqualTo(200);
    }

    private static JsonNode nameBody() {
        return Json.object().put("name", ALIAS);
    }

    @Test
    void theSecondaryLosesItsRecordWhenBreakPhaseOneEnds() {
        f.breaking1();
        f.advance(99);
        assertBody(f.get(f.b), "Succeeded", "Secondary", id(f.a), null);
        f.advance(1);
        assertNoRecord(f.b);
        assertBody(f.get(f.a), "Accepted", "PrimaryNotReplicating", "", null);
    }

    @Test
    void aFailoverWinsOverABreakInFlight() {
        f.paired();
        SimFixture.expectOk(f.machine.breakPairing(f.a, ALIAS));
        f.advance(1);
        assertThat(f.machine.failover(f.b, ALIAS, null).status()).isEqualTo(200);
        f.advance(80);
        assertBody(f.get(f.b), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.a);
        f.advance(100); // the cancelled break's timers fall due and must do nothing
        assertBody(f.get(f.b), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.a);
        assertThat(f.reads.checkName(f.c, nameBody()).body().get("reason").textValue())
                .isEqualTo("NameInUse");
    }

    @Test
    void aBreakDuringPairingCancelsThePairingCompletion() {
        f.pairing();
        f.advance(10);
        SimFixture.expectOk(f.machine.breakPairing(f.a, ALIAS));
        f.advance(80); // t=90: the original pairing would have completed here
        assertBody(f.get(f.a), "Accepted", "Primary", id(f.b), null);
        f.advance(40); // t=130: break phase 1 (100 s) and phase 2 (20 s) are over
        assertBody(f.get(f.a), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.b);
    }

    @Test
    void aForcedFailoverSucceedsWhileThePrimaryIsUnreachableAndItsRecordIsGoneAfterwards() {
        f.paired();
        f.unreachable.add(f.a.key());
        assertThat(f.machine.failover(f.b, ALIAS, safeBody(true)).code())
                .as("safe failover needs the primary")
                .isEqualTo("Conflict");
        assertThat(f.machine.failover(f.b, ALIAS, safeBody(false)).status()).isEqualTo(200);
        f.advance(80);
        assertBody(f.get(f.b), "Succeeded", "PrimaryNotReplicating", "", null);
        assertThat(f.stateOf(f.a)).isNull();
        f.unreachable.clear();
        assertNoRecord(f.a);
        // the old primary is a plain namespace again and can become the new secondary
        assertThat(f.put(f.b, ALIAS, f.a).status()).isEqualTo(200);
    }

    @Test
    void aForcedFailoverDuringPairingEndsLikeAnyFailover() {
        f.setEntities(f.a, 10).pairing();
        f.advance(5);
        SimFixture.expectOk(f.machine.failover(f.b, ALIAS, null));
        f.advance(80);
        assertBody(f.get(f.b), "Succeeded", "PrimaryNotReplicating", "", null);
        assertNoRecord(f.a);
        f.advance(Duration.ofMinutes(10).toSeconds());
        assertThat(f.state.scheduledTimers()).isZero();
    }

    @Test
    void pairingWithAnUnreachablePartnerIsRefusedWithTheOutageError() {
        f.unreachable.add(f.b.key());
        ArmResult r = f.put(f.a, ALIAS, f.b);
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("ServiceUnavailable");
        assertThat(f.stateOf(f.a)).isNull();
    }
}
