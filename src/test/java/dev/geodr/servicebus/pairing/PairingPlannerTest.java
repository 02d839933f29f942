package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.arm.AliasRole.Primary;
import static dev.geodr.servicebus.arm.AliasRole.Secondary;
import static dev.geodr.servicebus.arm.ProvisioningState.Accepted;
import static dev.geodr.servicebus.arm.ProvisioningState.Failed;
import static dev.geodr.servicebus.arm.ProvisioningState.Succeeded;
import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per behaviour of docs/api.md: (desired, memory, observed) → action, health/reason,
 * failover memory, requeue. Rows read as sentences: what the user asked, what we remembered, what
 * ARM showed.
 */
class PairingPlannerTest {

    private static final Desired D = desired(WEU, NEU);

    /** The partner of {@link #WEU} in another subscription: ARM refuses every Safe failover. */
    private static final NamespaceRef NEU_OTHER_SUB =
            new NamespaceRef(
                    "22222222-2222-2222-2222-222222222222", WEU.resourceGroup(), "orders-neu");

    private static final Duration FAST = SETTINGS.fastPoll();
    private static final Duration FIRST_PAIRING_POLL = SETTINGS.firstPairingPoll();
    private static final Duration PENDING = SETTINGS.pendingPoll();
    private static final Duration STEADY = SETTINGS.steadyPoll();

    /** What a row expects. Null fields are not checked. */
    record Expect(
            Action action,
            Health health,
            String reason,
            Long lastHandled,
            FailoverPhase phase,
            FailoverOutcome outcome,
            Duration requeue,
            boolean intent,
            String messageContains,
            String notice,
            NamespaceRef active) {}

    record Row(Desired desired, Memory memory, Observed observed, Expect expect) {}

    private static Row row(Desired d, Memory m, Observed o, Expect e) {
        return new Row(d, m, o, e);
    }

    private static Observed obs(SideView primary, SideView partner) {
        return Observed.of(primary, partner);
    }

    private static Observed obsInfo(
            SideView primary, SideView partner, NamespaceInfo pInfo, NamespaceInfo sInfo) {
        return Observed.of(primary, partner).withInfo(pInfo, sInfo);
    }

    /** As {@link #obsInfo}, with the aliases preflight listed on each side. */
    private static Observed obsListed(
            SideView primary,
            SideView partner,
            NamespaceInfo pInfo,
            NamespaceInfo sInfo,
            List<AliasRecord> onPrimary,
            List<AliasRecord> onPartner) {
        return obsInfo(primary, partner, pInfo, sInfo).withAliases(onPrimary, onPartner);
    }

    /** An alias of another name, {@code on} being its Primary paired with {@code partner}. */
    private static AliasRecord other(String alias, NamespaceRef on, NamespaceRef partner) {
        return new AliasRecord(
                on,
                alias,
                Primary,
                Succeeded,
                Optional.of(partner),
                Optional.of(0L),
                Optional.empty());
    }

    private static Expect expect(Action action, Health health, String reason) {
        return new Expect(action, health, reason, null, null, null, null, false, null, null, null);
    }

    private static Expect with(
            Expect e, Long lastHandled, FailoverPhase phase, FailoverOutcome outcome) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                lastHandled,
                phase,
                outcome,
                e.requeue,
                e.intent,
                e.messageContains,
                e.notice,
                e.active);
    }

    private static Expect requeue(Expect e, Duration d) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                e.lastHandled,
                e.phase,
                e.outcome,
                d,
                e.intent,
                e.messageContains,
                e.notice,
                e.active);
    }

    private static Expect intent(Expect e) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                e.lastHandled,
                e.phase,
                e.outcome,
                e.requeue,
                true,
                e.messageContains,
                e.notice,
                e.active);
    }

    private static Expect says(Expect e, String text) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                e.lastHandled,
                e.phase,
                e.outcome,
                e.requeue,
                e.intent,
                text,
                e.notice,
                e.active);
    }

    private static Expect notice(Expect e, String reason) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                e.lastHandled,
                e.phase,
                e.outcome,
                e.requeue,
                e.intent,
                e.messageContains,
                reason,
                e.active);
    }

    private static Expect active(Expect e, NamespaceRef ns) {
        return new Expect(
                e.action,
                e.health,
                e.reason,
                e.lastHandled,
                e.phase,
                e.outcome,
                e.requeue,
                e.intent,
                e.messageContains,
                e.notice,
                ns);
    }

    private static final Action NONE = new Action.None();

    private static Action create(NamespaceRef p, NamespaceRef s) {
        return new Action.CreatePairing(p, s, "orders", Optional.empty());
    }

    private static Action failover(FailoverMode mode) {
        return new Action.Failover(NEU, "orders", mode);
    }

    static Stream<Arguments> rows() {
        Desired toFrc = desired(WEU, FRC);
        Desired failForward = desired(NEU, FRC);
        Desired safe1 = withRequest(D, 1, FailoverMode.Safe);
        Desired forced1 = withRequest(D, 1, FailoverMode.Forced);
        SideView paired = primaryPaired(WEU, NEU, 0);
        SideView secondary = secondaryPaired(NEU, WEU);
        return Stream.of(
                // --- pairing and waiting
                r(
                        "first sight, nothing in Azure: PUT on the primary, adopt request 0",
                        row(
                                D,
                                Memory.firstSight(),
                                obsInfo(absent(), absent(), premium(WEU, 25), premium(NEU, 0)),
                                requeue(
                                        with(
                                                expect(
                                                        create(WEU, NEU),
                                                        Health.PROGRESSING,
                                                        Reasons.PAIRING),
                                                0L,
                                                null,
                                                null),
                                        FIRST_PAIRING_POLL))),
                r(
                        "first sight of a resource restored from Git after a failover request 3: adopt, never fail over",
                        row(
                                withRequest(D, 3, FailoverMode.Safe),
                                Memory.firstSight(),
                                obs(paired, secondary),
                                notice(
                                        with(
                                                expect(NONE, Health.READY, Reasons.PAIRED),
                                                3L,
                                                null,
                                                null),
                                        Reasons.FAILOVER_ADOPTED))),
                r(
                        "pairing Accepted: wait and poll fast",
                        row(
                                D,
                                steady(0),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                requeue(expect(NONE, Health.PROGRESSING, Reasons.PAIRING), FAST))),
                r(
                        "paired and steady: Ready, slow jittered poll, no write",
                        row(
                                D,
                                steady(0),
                                obs(paired, secondary),
                                requeue(
                                        active(expect(NONE, Health.READY, Reasons.PAIRED), WEU),
                                        STEADY))),
                r(
                        "paired with replication pending: Ready, medium poll",
                        row(
                                D,
                                steady(0),
                                obs(primaryPaired(WEU, NEU, 12), secondary),
                                says(
                                        requeue(
                                                expect(NONE, Health.READY, Reasons.PAIRED),
                                                PENDING),
                                        "12 replication"))),
                r(
                        "primary Succeeded, partner still Accepted: progressing",
                        row(
                                D,
                                steady(0),
                                obs(paired, rec(NEU, Secondary, Accepted, WEU)),
                                expect(NONE, Health.PROGRESSING, Reasons.PAIRING))),
                r(
                        "partner unreachable on a steady pairing: still Ready by the primary's view",
                        row(
                                D,
                                steady(0),
                                obs(paired, unreachable()),
                                says(
                                        requeue(
                                                expect(NONE, Health.READY, Reasons.PAIRED),
                                                PENDING),
                                        "unreachable"))),
                // --- partner change: break, wait, re-pair
                r(
                        "spec.partnerNamespace changed: break on the primary",
                        row(
                                toFrc,
                                steady(0),
                                obs(paired, absent()),
                                expect(
                                        new Action.BreakPairing(WEU, "orders"),
                                        Health.PROGRESSING,
                                        Reasons.BREAKING))),
                r(
                        "break phase 1 (Primary/Accepted with the old partner): wait",
                        row(
                                toFrc,
                                steady(0),
                                obs(rec(WEU, Primary, Accepted, NEU), absent()),
                                expect(NONE, Health.PROGRESSING, Reasons.BREAKING))),
                r(
                        "break phase 2 (PrimaryNotReplicating/Accepted): wait",
                        row(
                                toFrc,
                                steady(0),
                                obs(pnr(WEU, Accepted), absent()),
                                expect(NONE, Health.PROGRESSING, Reasons.BREAKING))),
                r(
                        "break finished: PUT with the new partner",
                        row(
                                toFrc,
                                steady(0),
                                obsInfo(
                                        pnr(WEU, Succeeded),
                                        absent(),
                                        premium(WEU, 25),
                                        premium(FRC, 0)),
                                expect(create(WEU, FRC), Health.PROGRESSING, Reasons.PAIRING))),
                r(
                        "partner still shows the old Secondary record after the break: wait",
                        row(
                                D,
                                steady(0),
                                obs(pnr(WEU, Succeeded), secondary),
                                expect(NONE, Health.PROGRESSING, Reasons.BREAKING))),
                // --- drift repair
                r(
                        "pairing broken out of band (PrimaryNotReplicating): PUT again",
                        row(
                                D,
                                steady(0),
                                obsInfo(
                                        pnr(WEU, Succeeded),
                                        absent(),
                                        premium(WEU, 25),
                                        premium(NEU, 0)),
                                says(
                                        expect(
                                                create(WEU, NEU),
                                                Health.PROGRESSING,
                                                Reasons.PAIRING),
                                        "re-pairing"))),
                // --- failover
                r(
                        "Safe request, paired, nothing pending: intent written, then POST on the partner",
                        row(
                                safe1,
                                steady(0),
                                obs(paired, secondary),
                                intent(
                                        with(
                                                expect(
                                                        failover(FailoverMode.Safe),
                                                        Health.PROGRESSING,
                                                        Reasons.FAILING_OVER),
                                                0L,
                                                FailoverPhase.Issued,
                                                null)))),
                r(
                        "Safe request across subscriptions: Rejected at once, nothing sent",
                        row(
                                withRequest(desired(WEU, NEU_OTHER_SUB), 1, FailoverMode.Safe),
                                steady(0),
                                obs(
                                        primaryPaired(WEU, NEU_OTHER_SUB, 0),
                                        rec(NEU_OTHER_SUB, Secondary, Succeeded, WEU, null)),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_REJECTED),
                                                1L,
                                                null,
                                                FailoverOutcome.Rejected),
                                        "different subscriptions"))),
                r(
                        "Forced request across subscriptions: the POST on the partner",
                        row(
                                withRequest(desired(WEU, NEU_OTHER_SUB), 1, FailoverMode.Forced),
                                steady(0),
                                obs(
                                        primaryPaired(WEU, NEU_OTHER_SUB, 0),
                                        rec(NEU_OTHER_SUB, Secondary, Succeeded, WEU, null)),
                                intent(
                                        expect(
                                                new Action.Failover(
                                                        NEU_OTHER_SUB,
                                                        "orders",
                                                        FailoverMode.Forced),
                                                Health.PROGRESSING,
                                                Reasons.FAILING_OVER)))),
                r(
                        "Forced request with the primary region down: POST on the partner",
                        row(
                                forced1,
                                steady(0),
                                obs(unreachable(), secondary),
                                intent(
                                        expect(
                                                failover(FailoverMode.Forced),
                                                Health.PROGRESSING,
                                                Reasons.FAILING_OVER)))),
                r(
                        "Safe request with replication pending: wait, nothing sent",
                        row(
                                safe1,
                                steady(0),
                                obs(primaryPaired(WEU, NEU, 7), secondary),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.REPLICATION_PENDING),
                                                0L,
                                                FailoverPhase.Waiting,
                                                null),
                                        "7 operation"))),
                r(
                        "Safe request while pairing is still Accepted: wait",
                        row(
                                safe1,
                                steady(0),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                with(
                                        expect(
                                                NONE,
                                                Health.PROGRESSING,
                                                Reasons.REPLICATION_PENDING),
                                        0L,
                                        FailoverPhase.Waiting,
                                        null))),
                r(
                        "Safe request waiting past its timeout: Failed, handled, never retried",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Waiting,
                                        Duration.ofMinutes(11)),
                                obs(primaryPaired(WEU, NEU, 7), secondary),
                                notice(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_FAILED),
                                                1L,
                                                null,
                                                FailoverOutcome.Failed),
                                        Reasons.FAILOVER_FAILED))),
                r(
                        "Safe request waiting, replication drained: issue it",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Waiting,
                                        Duration.ofMinutes(2)),
                                obs(paired, secondary),
                                intent(
                                        expect(
                                                failover(FailoverMode.Safe),
                                                Health.PROGRESSING,
                                                Reasons.FAILING_OVER)))),
                r(
                        "waiting Safe request switched to Forced in the spec: issue it now",
                        row(
                                forced1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Waiting,
                                        Duration.ofMinutes(2)),
                                obs(primaryPaired(WEU, NEU, 7), secondary),
                                intent(
                                        expect(
                                                failover(FailoverMode.Forced),
                                                Health.PROGRESSING,
                                                Reasons.FAILING_OVER)))),
                r(
                        "Safe request with the primary unreachable: waits (pending cannot be checked)",
                        row(
                                safe1,
                                steady(0),
                                obs(unreachable(), secondary),
                                says(
                                        expect(
                                                NONE,
                                                Health.PROGRESSING,
                                                Reasons.REPLICATION_PENDING),
                                        "primary namespace is unreachable"))),
                r(
                        "request while not paired: Rejected and handled",
                        row(
                                safe1,
                                steady(0),
                                obs(absent(), absent()),
                                notice(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_REJECTED),
                                                1L,
                                                null,
                                                FailoverOutcome.Rejected),
                                        Reasons.FAILOVER_REJECTED))),
                r(
                        "request after the alias already failed over: Rejected",
                        row(
                                withRequest(D, 2, FailoverMode.Forced),
                                steady(1),
                                obs(absent(), pnr(NEU, Succeeded)),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_REJECTED),
                                                2L,
                                                null,
                                                FailoverOutcome.Rejected),
                                        "already lives on orders-neu"))),
                r(
                        "partner is Primary of the pairing (spec swapped): Rejected",
                        row(
                                safe1,
                                steady(0),
                                obs(secondaryPaired(WEU, NEU), primaryPaired(NEU, WEU, 0)),
                                with(
                                        expect(NONE, Health.PROGRESSING, Reasons.FAILOVER_REJECTED),
                                        1L,
                                        null,
                                        FailoverOutcome.Rejected))),
                r(
                        "several bumps before acting are one request (the latest)",
                        row(
                                withRequest(D, 4, FailoverMode.Safe),
                                steady(1),
                                obs(paired, secondary),
                                intent(
                                        with(
                                                expect(
                                                        failover(FailoverMode.Safe),
                                                        Health.PROGRESSING,
                                                        Reasons.FAILING_OVER),
                                                1L,
                                                FailoverPhase.Issued,
                                                null)))),
                r(
                        "restart in Intended, partner still a steady Secondary: not applied, issue it",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Intended,
                                        Duration.ofSeconds(5)),
                                obs(paired, secondary),
                                intent(
                                        expect(
                                                failover(FailoverMode.Safe),
                                                Health.PROGRESSING,
                                                Reasons.FAILING_OVER)))),
                r(
                        "restart in Intended, partner Secondary/Accepted: applied, wait (no second POST)",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Intended,
                                        Duration.ofSeconds(5)),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                with(
                                        expect(NONE, Health.PROGRESSING, Reasons.FAILING_OVER),
                                        0L,
                                        FailoverPhase.Issued,
                                        null))),
                r(
                        "restart in Intended, failover already complete: Succeeded",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Intended,
                                        Duration.ofSeconds(5)),
                                obs(absent(), pnr(NEU, Succeeded)),
                                with(
                                        expect(NONE, Health.STALLED, Reasons.FAILED_OVER),
                                        1L,
                                        null,
                                        FailoverOutcome.Succeeded))),
                r(
                        "issued, partner Secondary/Accepted: wait fast",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofSeconds(30)),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                requeue(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILING_OVER),
                                                0L,
                                                FailoverPhase.Issued,
                                                null),
                                        FAST))),
                r(
                        "issued, partner PNR/Succeeded and old primary gone: Succeeded, FailedOver guidance, active = partner",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofSeconds(90)),
                                obs(absent(), pnr(NEU, Succeeded)),
                                active(
                                        notice(
                                                says(
                                                        with(
                                                                expect(
                                                                        NONE,
                                                                        Health.STALLED,
                                                                        Reasons.FAILED_OVER),
                                                                1L,
                                                                null,
                                                                FailoverOutcome.Succeeded),
                                                        "set spec.primaryNamespace to " + NEU.id()),
                                                Reasons.FAILOVER_SUCCEEDED),
                                        NEU))),
                r(
                        "issued Forced with the old primary unreachable: Succeeded once the partner is PNR",
                        row(
                                forced1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Forced,
                                        FailoverPhase.Issued,
                                        Duration.ofSeconds(90)),
                                obs(unreachable(), pnr(NEU, Succeeded)),
                                with(
                                        expect(NONE, Health.STALLED, Reasons.FAILED_OVER),
                                        1L,
                                        null,
                                        FailoverOutcome.Succeeded))),
                r(
                        "issued, partner PNR but old primary record still there: wait",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofSeconds(90)),
                                obs(rec(WEU, Primary, Accepted, NEU), pnr(NEU, Succeeded)),
                                with(
                                        expect(NONE, Health.PROGRESSING, Reasons.FAILING_OVER),
                                        0L,
                                        FailoverPhase.Issued,
                                        null))),
                r(
                        "issued but ARM shows no progress past the issued timeout: Failed",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(16)),
                                obs(paired, secondary),
                                with(
                                        expect(NONE, Health.PROGRESSING, Reasons.FAILOVER_FAILED),
                                        1L,
                                        null,
                                        FailoverOutcome.Failed))),
                r(
                        "a bump while in flight folds into the running request",
                        row(
                                withRequest(D, 2, FailoverMode.Safe),
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofSeconds(90)),
                                obs(absent(), pnr(NEU, Succeeded)),
                                with(
                                        expect(NONE, Health.STALLED, Reasons.FAILED_OVER),
                                        2L,
                                        null,
                                        FailoverOutcome.Succeeded))),
                // --- after a failover: report, follow the new topology
                r(
                        "out-of-band failover detected (portal/CLI): FailedOver with guidance and a warning Event",
                        row(
                                D,
                                steady(0),
                                obs(absent(), pnr(NEU, Succeeded)),
                                active(
                                        notice(
                                                expect(NONE, Health.STALLED, Reasons.FAILED_OVER),
                                                Reasons.OUT_OF_BAND_FAILOVER),
                                        NEU))),
                r(
                        "failed over earlier and already reported: FailedOver, no new Event",
                        row(
                                D,
                                Memory.of(FailoverMemory.adopted(1), NEU),
                                obs(absent(), pnr(NEU, Succeeded)),
                                notice(expect(NONE, Health.STALLED, Reasons.FAILED_OVER), null))),
                r(
                        "fail-forward: primary set to the PNR holder, new empty partner: PUT there",
                        row(
                                failForward,
                                Memory.of(FailoverMemory.adopted(1), NEU),
                                obsInfo(
                                        pnr(NEU, Succeeded),
                                        absent(),
                                        premium(NEU, 25),
                                        premium(FRC, 0)),
                                expect(
                                        new Action.CreatePairing(
                                                NEU, FRC, "orders", Optional.empty()),
                                        Health.PROGRESSING,
                                        Reasons.PAIRING))),
                r(
                        "primary region down, no request: tell the user, write nothing",
                        row(
                                D,
                                steady(0),
                                obs(unreachable(), secondary),
                                says(
                                        expect(NONE, Health.PROGRESSING, Reasons.UNREACHABLE),
                                        "failoverMode Forced"))),
                // --- bad input only the operator can judge
                r(
                        "primary namespace does not exist",
                        row(
                                D,
                                steady(0),
                                obs(missing(), absent()),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.primaryNamespace"))),
                r(
                        "partner namespace does not exist",
                        row(
                                D,
                                steady(0),
                                obs(absent(), missing()),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.partnerNamespace"))),
                r(
                        "partner is not Premium",
                        row(
                                D,
                                steady(0),
                                obsInfo(
                                        absent(),
                                        absent(),
                                        premium(WEU, 3),
                                        new NamespaceInfo(NEU, "Standard", "northeurope", 1, 0, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.partnerNamespace: namespace orders-neu is Standard"))),
                r(
                        "partner holds entities",
                        row(
                                D,
                                steady(0),
                                obsInfo(absent(), absent(), premium(WEU, 3), premium(NEU, 4)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "orders-neu holds queues or topics"))),
                r(
                        "partitioned primary with a non-partitioned partner",
                        row(
                                D,
                                steady(0),
                                obsInfo(
                                        absent(),
                                        absent(),
                                        new NamespaceInfo(WEU, "Premium", "westeurope", 2, 0, 0),
                                        premium(NEU, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "partitioned"))),
                r(
                        "primary has a private endpoint, partner none",
                        row(
                                D,
                                steady(0),
                                obsInfo(
                                        absent(),
                                        absent(),
                                        new NamespaceInfo(WEU, "Premium", "westeurope", 1, 0, 1),
                                        premium(NEU, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "private endpoint"))),
                r(
                        "credentials Secret missing (found outside ARM)",
                        row(
                                D,
                                steady(0),
                                obs(absent(), absent())
                                        .withSpecProblems(
                                                List.of(
                                                        "spec.credentialsSecretRef: Secret creds not found")),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.credentialsSecretRef"))),
                r(
                        "partner already in another pairing",
                        row(
                                D,
                                steady(0),
                                obs(absent(), secondaryPaired(NEU, FRC)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "already holds the alias as Secondary"))),
                r(
                        "partner already Primary of the same-name alias with another namespace",
                        row(
                                D,
                                steady(0),
                                obs(absent(), primaryPaired(NEU, FRC, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "already holds the alias as Primary in another pairing (with orders-frc)"))),
                r(
                        "partner already holds an alias of another name: no PUT",
                        row(
                                D,
                                Memory.firstSight(),
                                obsListed(
                                        absent(),
                                        absent(),
                                        premium(WEU, 3),
                                        premium(NEU, 0),
                                        List.of(),
                                        List.of(other("billing", NEU, FRC))),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.partnerNamespace: namespace orders-neu already holds alias \"billing\" as Primary with orders-frc (a namespace belongs to at most one Geo-DR configuration)"))),
                r(
                        "primary already holds an alias of another name: no PUT",
                        row(
                                D,
                                steady(0),
                                obsListed(
                                        absent(),
                                        absent(),
                                        premium(WEU, 3),
                                        premium(NEU, 0),
                                        List.of(other("billing", WEU, FRC)),
                                        List.of()),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.primaryNamespace: namespace orders-weu already holds alias \"billing\""))),
                r(
                        "both sides listed, only records of our own alias name: PUT",
                        row(
                                D,
                                steady(0),
                                obsListed(
                                        absent(),
                                        absent(),
                                        premium(WEU, 3),
                                        premium(NEU, 0),
                                        List.of(other("ORDERS", WEU, FRC)),
                                        List.of()),
                                expect(create(WEU, NEU), Health.PROGRESSING, Reasons.PAIRING))),
                r(
                        "re-pair after a break, partner meanwhile in another configuration: no PUT",
                        row(
                                D,
                                steady(0),
                                obsListed(
                                        pnr(WEU, Succeeded),
                                        absent(),
                                        premium(WEU, 3),
                                        premium(NEU, 0),
                                        List.of(),
                                        List.of(other("billing", NEU, FRC))),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "already holds alias \"billing\""))),
                r(
                        "new partner already in another configuration: no break of the current pairing",
                        row(
                                desired(WEU, FRC),
                                steady(0),
                                obsListed(
                                        paired,
                                        absent(),
                                        premium(WEU, 3),
                                        premium(FRC, 0),
                                        List.of(),
                                        List.of(other("billing", FRC, NEU))),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.partnerNamespace: namespace orders-frc already holds alias \"billing\""))),
                r(
                        "spec.primaryNamespace is Azure's Secondary: never fail over implicitly",
                        row(
                                D,
                                steady(0),
                                obs(secondaryPaired(WEU, NEU), primaryPaired(NEU, WEU, 0)),
                                says(expect(NONE, Health.STALLED, Reasons.INVALID_SPEC), "swap"))),
                r(
                        "ARM reports Failed",
                        row(
                                D,
                                steady(0),
                                obs(rec(WEU, Primary, Failed, NEU), secondary),
                                expect(NONE, Health.STALLED, Reasons.AZURE_ERROR))),
                // --- deletion
                r(
                        "delete with Retain: release, Azure untouched",
                        row(
                                deleting(D, false),
                                steady(0),
                                obs(paired, secondary),
                                expect(
                                        new Action.ReleaseFinalizer(),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete while paired: break first",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(paired, secondary),
                                expect(
                                        new Action.BreakPairing(WEU, "orders"),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete while breaking: wait",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(pnr(WEU, Accepted), absent()),
                                expect(NONE, Health.PROGRESSING, Reasons.DELETING))),
                r(
                        "delete with Delete once PNR/Succeeded: DELETE on the holder",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(pnr(WEU, Succeeded), absent()),
                                expect(
                                        new Action.DeleteAlias(WEU, "orders"),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete after a failover: DELETE where the alias lives now",
                        row(
                                deleting(D, true),
                                steady(1),
                                obs(absent(), pnr(NEU, Succeeded)),
                                expect(
                                        new Action.DeleteAlias(NEU, "orders"),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete during a failover: wait",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                expect(NONE, Health.PROGRESSING, Reasons.DELETING))),
                r(
                        "delete with Delete, alias gone (404): release",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(absent(), absent()),
                                expect(
                                        new Action.ReleaseFinalizer(),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete, namespaces gone: NotFound counts as done",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(missing(), missing()),
                                expect(
                                        new Action.ReleaseFinalizer(),
                                        Health.PROGRESSING,
                                        Reasons.DELETING))),
                r(
                        "delete with Delete, primary unreachable: wait, say how to let go",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(unreachable(), absent()),
                                says(
                                        expect(NONE, Health.PROGRESSING, Reasons.UNREACHABLE),
                                        "Retain"))),
                // --- added for mutation testing (docs/mutation.md): branches no row reached
                r(
                        "primary unreachable, partner already PNR: FailedOver, active = partner, warning Event",
                        row(
                                D,
                                steady(0),
                                obs(unreachable(), pnr(NEU, Succeeded)),
                                active(
                                        notice(
                                                expect(NONE, Health.STALLED, Reasons.FAILED_OVER),
                                                Reasons.OUT_OF_BAND_FAILOVER),
                                        NEU))),
                r(
                        "ARM returns a record without a role: AzureError, nothing written",
                        row(
                                D,
                                steady(0),
                                obs(rec(WEU, null, Succeeded, NEU), secondary),
                                requeue(
                                        says(
                                                expect(NONE, Health.STALLED, Reasons.AZURE_ERROR),
                                                "unknown role or provisioningState"),
                                        STEADY))),
                r(
                        "primary has no record, partner is Primary of its own pairing: InvalidSpec naming it",
                        row(
                                D,
                                steady(0),
                                obs(absent(), primaryPaired(NEU, FRC, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "already holds the alias as Primary in another pairing"
                                                + " (with orders-frc)"))),
                r(
                        "primary has no record yet, partner already Secondary of it: wait fast",
                        row(
                                D,
                                steady(0),
                                obs(absent(), secondary),
                                requeue(
                                        says(
                                                expect(NONE, Health.PROGRESSING, Reasons.PAIRING),
                                                "the primary has no record yet"),
                                        FAST))),
                r(
                        "nothing on the primary, partner unreachable: wait before creating",
                        row(
                                D,
                                steady(0),
                                obs(absent(), unreachable()),
                                requeue(
                                        says(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.UNREACHABLE),
                                                "before trying to create the pairing"),
                                        PENDING))),
                r(
                        "PNR on the primary, partner unreachable: wait before re-pairing",
                        row(
                                D,
                                steady(0),
                                obs(pnr(WEU, Succeeded), unreachable()),
                                requeue(
                                        says(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.UNREACHABLE),
                                                "before trying to re-pair"),
                                        PENDING))),
                r(
                        "PNR on the primary, partner Secondary of another namespace: InvalidSpec",
                        row(
                                D,
                                steady(0),
                                obs(pnr(WEU, Succeeded), secondaryPaired(NEU, FRC)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "already holds the alias as Secondary in another pairing"
                                                + " (with orders-frc)"))),
                r(
                        "Safe request while the pairing is Accepted: the message says so",
                        row(
                                safe1,
                                steady(0),
                                obs(rec(WEU, Primary, Accepted, NEU, 0L), secondary),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.REPLICATION_PENDING),
                                                0L,
                                                FailoverPhase.Waiting,
                                                null),
                                        "the pairing is Accepted, not Succeeded"))),
                r(
                        "Safe request while the partner is Secondary/Accepted: wait, naming the partner's state",
                        row(
                                safe1,
                                steady(0),
                                obs(paired, rec(NEU, Secondary, Accepted, WEU)),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.REPLICATION_PENDING),
                                                0L,
                                                FailoverPhase.Waiting,
                                                null),
                                        "the partner namespace shows Secondary/Accepted"))),
                r(
                        "Safe request while the primary has no record: wait, naming the primary's state",
                        row(
                                safe1,
                                steady(0),
                                obs(absent(), secondary),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.REPLICATION_PENDING),
                                                0L,
                                                FailoverPhase.Waiting,
                                                null),
                                        "the primary namespace shows no alias record"))),
                r(
                        "Forced request with the partner unreachable: wait, Unreachable",
                        row(
                                forced1,
                                steady(0),
                                obs(paired, unreachable()),
                                requeue(
                                        says(
                                                with(
                                                        expect(
                                                                NONE,
                                                                Health.PROGRESSING,
                                                                Reasons.UNREACHABLE),
                                                        0L,
                                                        FailoverPhase.Waiting,
                                                        null),
                                                "the partner namespace is unreachable"),
                                        FAST))),
                r(
                        "restart in Intended, partner unreachable: keep Intended, its progress cannot be seen",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Intended,
                                        Duration.ofSeconds(5)),
                                obs(paired, unreachable()),
                                requeue(
                                        says(
                                                with(
                                                        expect(
                                                                NONE,
                                                                Health.PROGRESSING,
                                                                Reasons.UNREACHABLE),
                                                        0L,
                                                        FailoverPhase.Intended,
                                                        null),
                                                "is Intended; the partner namespace orders-neu is unreachable"),
                                        FAST))),
                r(
                        "restart in Intended, partner shows no record: not applied, Failed",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Intended,
                                        Duration.ofSeconds(5)),
                                obs(paired, absent()),
                                notice(
                                        says(
                                                with(
                                                        expect(
                                                                NONE,
                                                                Health.PROGRESSING,
                                                                Reasons.FAILOVER_FAILED),
                                                        1L,
                                                        null,
                                                        FailoverOutcome.Failed),
                                                "was not applied: the partner namespace orders-neu"
                                                        + " shows no alias record"),
                                        Reasons.FAILOVER_FAILED))),
                r(
                        "issued, partner unreachable within the issued timeout: wait",
                        row(
                                forced1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Forced,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(1)),
                                obs(unreachable(), unreachable()),
                                requeue(
                                        says(
                                                with(
                                                        expect(
                                                                NONE,
                                                                Health.PROGRESSING,
                                                                Reasons.UNREACHABLE),
                                                        0L,
                                                        FailoverPhase.Issued,
                                                        null),
                                                "is Issued"),
                                        FAST))),
                r(
                        "issued, partner unreachable past the issued timeout: Failed",
                        row(
                                forced1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Forced,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(16)),
                                obs(unreachable(), unreachable()),
                                notice(
                                        says(
                                                with(
                                                        expect(
                                                                NONE,
                                                                Health.PROGRESSING,
                                                                Reasons.FAILOVER_FAILED),
                                                        1L,
                                                        null,
                                                        FailoverOutcome.Failed),
                                                "stayed unreachable for 15m"),
                                        Reasons.FAILOVER_FAILED))),
                r(
                        "issued, the partner's alias record is gone: Failed",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(1)),
                                obs(paired, absent()),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_FAILED),
                                                1L,
                                                null,
                                                FailoverOutcome.Failed),
                                        "failed: the partner namespace orders-neu shows no alias"
                                                + " record"))),
                r(
                        "issued, partner still a steady Secondary within the issued timeout: wait",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(1)),
                                obs(paired, secondary),
                                requeue(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILING_OVER),
                                                0L,
                                                FailoverPhase.Issued,
                                                null),
                                        FAST))),
                r(
                        "issued, partner Secondary/Accepted past the issued timeout: still running (ARM shows progress)",
                        row(
                                safe1,
                                inFlight(
                                        0,
                                        1,
                                        FailoverMode.Safe,
                                        FailoverPhase.Issued,
                                        Duration.ofMinutes(20)),
                                obs(
                                        rec(WEU, Primary, Accepted, NEU),
                                        rec(NEU, Secondary, Accepted, WEU)),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILING_OVER),
                                                0L,
                                                FailoverPhase.Issued,
                                                null),
                                        "partner shows Secondary/Accepted, old primary shows"
                                                + " Primary/Accepted"))),
                r(
                        "delete with Retain polls fast until the finalizer is gone",
                        row(
                                deleting(D, false),
                                steady(0),
                                obs(paired, secondary),
                                requeue(
                                        expect(
                                                new Action.ReleaseFinalizer(),
                                                Health.PROGRESSING,
                                                Reasons.DELETING),
                                        FAST))),
                r(
                        "delete with Delete and a spec problem: wait, say how to let go",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(paired, secondary)
                                        .withSpecProblems(
                                                List.of(
                                                        "spec.credentialsSecretRef: Secret creds not found")),
                                requeue(
                                        says(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.INVALID_SPEC),
                                                "Secret creds not found; fix it, or set"
                                                        + " spec.deletionPolicy to Retain"),
                                        FAST))),
                r(
                        "delete with Delete, nothing on the primary, partner unreachable: wait, name it",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(absent(), unreachable()),
                                requeue(
                                        says(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.UNREACHABLE),
                                                "lives: orders-neu is unreachable"),
                                        FAST))),
                r(
                        "delete with Delete, primary Primary/Accepted: wait for Succeeded",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(rec(WEU, Primary, Accepted, NEU), secondary),
                                requeue(
                                        says(
                                                expect(NONE, Health.PROGRESSING, Reasons.DELETING),
                                                "the alias on orders-weu is Primary/Accepted"),
                                        FAST))),
                r(
                        "first sight of a steady pairing with request 0: Ready, no adoption Event",
                        row(
                                D,
                                Memory.firstSight(),
                                obs(paired, secondary),
                                requeue(expect(NONE, Health.READY, Reasons.PAIRED), STEADY))),
                r(
                        "Safe request with the partner namespace gone: Rejected, saying so",
                        row(
                                safe1,
                                steady(0),
                                obs(paired, missing()),
                                says(
                                        with(
                                                expect(
                                                        NONE,
                                                        Health.PROGRESSING,
                                                        Reasons.FAILOVER_REJECTED),
                                                1L,
                                                null,
                                                FailoverOutcome.Rejected),
                                        "orders-neu shows namespace not found (the alias is not"
                                                + " paired)"))),
                r(
                        "spec.alternateName while the alias is not the primary's name: InvalidSpec",
                        row(
                                new Desired(
                                        "orders",
                                        WEU,
                                        NEU,
                                        Optional.of("orders-old"),
                                        0,
                                        FailoverMode.Safe,
                                        false,
                                        false),
                                steady(0),
                                obsInfo(absent(), absent(), premium(WEU, 3), premium(NEU, 0)),
                                says(
                                        expect(NONE, Health.STALLED, Reasons.INVALID_SPEC),
                                        "spec.alternateName: only allowed when spec.alias equals"
                                                + " the primary namespace's name (orders-weu)"))),
                r(
                        "spec.alternateName with the alias named after the primary: PUT with it",
                        row(
                                new Desired(
                                        "orders-weu",
                                        WEU,
                                        NEU,
                                        Optional.of("orders-old"),
                                        0,
                                        FailoverMode.Safe,
                                        false,
                                        false),
                                steady(0),
                                obsInfo(absent(), absent(), premium(WEU, 3), premium(NEU, 0)),
                                requeue(
                                        expect(
                                                new Action.CreatePairing(
                                                        WEU,
                                                        NEU,
                                                        "orders-weu",
                                                        Optional.of("orders-old")),
                                                Health.PROGRESSING,
                                                Reasons.PAIRING),
                                        FIRST_PAIRING_POLL))),
                r(
                        "delete with Delete, only the partner's Secondary record left: wait before deleting",
                        row(
                                deleting(D, true),
                                steady(0),
                                obs(absent(), secondary),
                                requeue(
                                        says(
                                                expect(NONE, Health.PROGRESSING, Reasons.DELETING),
                                                "a Secondary record is still visible"),
                                        FAST))));
    }

    private static Arguments r(String name, Row row) {
        return Arguments.of(Named.of(name, row));
    }

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void plans(Row row) {
        Plan plan = planner.plan(row.desired(), row.memory(), row.observed(), NOW);
        Expect e = row.expect();

        assertThat(plan.action()).as("action").isEqualTo(e.action());
        assertThat(plan.verdict().health()).as("health").isEqualTo(e.health());
        assertThat(plan.verdict().reason()).as("reason").isEqualTo(e.reason());
        assertThat(plan.intent().isPresent())
                .as("intent persisted before the call")
                .isEqualTo(e.intent());
        if (e.intent()) {
            assertThat(plan.intent().get().inFlight())
                    .get()
                    .extracting(FailoverInFlight::phase)
                    .isEqualTo(FailoverPhase.Intended);
        }
        if (e.lastHandled() != null) {
            assertThat(plan.memory().lastHandledRequest())
                    .as("lastHandledRequest")
                    .isEqualTo(e.lastHandled());
        }
        if (e.phase() != null) {
            assertThat(plan.memory().inFlight())
                    .as("in-flight phase")
                    .get()
                    .extracting(FailoverInFlight::phase)
                    .isEqualTo(e.phase());
        }
        if (e.outcome() != null) {
            assertThat(plan.memory().inFlight()).as("nothing in flight once finished").isEmpty();
            assertThat(plan.memory().last())
                    .as("last outcome")
                    .get()
                    .extracting(FailoverResult::outcome)
                    .isEqualTo(e.outcome());
        }
        if (e.requeue() != null) {
            assertThat(plan.requeue().after()).as("requeue").isEqualTo(e.requeue());
            assertThat(plan.requeue().jitter())
                    .as("jitter only when steady")
                    .isEqualTo(e.requeue().equals(STEADY));
        }
        if (e.messageContains() != null) {
            assertThat(plan.verdict().message()).contains(e.messageContains());
        }
        if (e.notice() != null) {
            assertThat(plan.notices()).extracting(Notice::reason).contains(e.notice());
        } else if (e.action() instanceof Action.None
                && e.outcome() == null
                && e.lastHandled() == null) {
            assertThat(plan.notices()).as("no Event for a quiet pass").isEmpty();
        }
        if (e.active() != null) {
            assertThat(plan.active()).get().isEqualTo(e.active());
        }
        assertThat(plan.verdict().message())
                .as("deterministic: no timestamps")
                .doesNotContain("2026-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void isDeterministic(Row row) {
        Plan first = planner.plan(row.desired(), row.memory(), row.observed(), NOW);
        Plan second = planner.plan(row.desired(), row.memory(), row.observed(), NOW);
        assertThat(second).isEqualTo(first);
    }

    /**
     * The table's rows are built before a mutant is swapped in (they are static), so the aliases a
     * row lists are also built here, inside the test, where a broken {@code withAliases} shows.
     */
    @Test
    void thePartnersOtherAliasIsSeenWhenListedInThisPass() {
        Observed listed =
                Observed.of(absent(), absent())
                        .withInfo(premium(WEU, 3), premium(NEU, 0))
                        .withAliases(List.of(), List.of(other("billing", NEU, FRC)));

        Plan plan = planner.plan(D, Memory.firstSight(), listed, NOW);

        assertThat(plan.action()).isEqualTo(Action.none());
        assertThat(plan.verdict().reason()).isEqualTo(Reasons.INVALID_SPEC);
        assertThat(plan.verdict().message()).contains("already holds alias \"billing\"");
    }
}
