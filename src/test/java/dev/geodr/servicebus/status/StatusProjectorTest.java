package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.FailoverStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverInFlight;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.FailoverOutcome;
import dev.geodr.servicebus.pairing.FailoverPhase;
import dev.geodr.servicebus.pairing.FailoverResult;
import dev.geodr.servicebus.pairing.Memory;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.SideView;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusProjectorTest {

    private static final NamespaceRef WEU = new NamespaceRef("s", "rg", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef("s", "rg", "orders-neu");
    private static final Desired DESIRED =
            new Desired("orders", WEU, NEU, Optional.empty(), 0, FailoverMode.Safe, false, false);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static Observed paired(long pending) {
        return Observed.of(
                SideView.of(
                        new AliasRecord(
                                WEU,
                                "orders",
                                AliasRole.Primary,
                                ProvisioningState.Succeeded,
                                Optional.of(NEU),
                                Optional.of(pending),
                                Optional.empty())),
                SideView.of(
                        new AliasRecord(
                                NEU,
                                "orders",
                                AliasRole.Secondary,
                                ProvisioningState.Succeeded,
                                Optional.of(WEU),
                                Optional.empty(),
                                Optional.empty())));
    }

    private static ServiceBusGeoPairingStatus project(
            ServiceBusGeoPairingStatus previous,
            long generation,
            Observed observed,
            FailoverMemory memory,
            Verdict verdict,
            Instant now) {
        return StatusProjector.project(
                previous,
                new StatusProjector.Input(
                        generation,
                        DESIRED,
                        Optional.of(observed),
                        memory,
                        verdict,
                        Optional.of(WEU),
                        now));
    }

    private static Condition condition(ServiceBusGeoPairingStatus status, String type) {
        return status.getConditions().stream()
                .filter(c -> c.getType().equals(type))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void projectsTheObservedPairing() {
        var status =
                project(
                        null,
                        3,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        assertThat(status.getObservedGeneration()).isEqualTo(3);
        assertThat(status.getRole()).isEqualTo("Primary");
        assertThat(status.getProvisioningState()).isEqualTo("Succeeded");
        assertThat(status.getPendingReplicationOperationsCount()).isZero();
        assertThat(status.getActiveNamespace()).isEqualTo(WEU.id());
        assertThat(status.getActiveNamespaceName()).isEqualTo("orders-weu");
        assertThat(status.getPartner().getRole()).isEqualTo("Secondary");
        assertThat(status.getPartner().getPartnerNamespace()).isEqualTo(WEU.id());
        assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
        assertThat(condition(status, "Reconciling").getStatus()).isEqualTo("False");
        assertThat(condition(status, "Stalled").getStatus()).isEqualTo("False");
        assertThat(condition(status, "FailoverReady").getStatus()).isEqualTo("True");
        assertThat(status.getConditions())
                .allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3));
    }

    @Test
    void anUnchangedSituationProducesAnEqualStatusAndKeepsTransitionTimes() {
        var first =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        var second =
                project(
                        first,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0.plusSeconds(300));
        assertThat(second).isEqualTo(first);
        assertThat(StatusProjector.unchanged(first, second))
                .as("no patch for a steady poll")
                .isTrue();
        assertThat(second.getLastSyncTime()).isEqualTo(Times.format(T0));
    }

    @Test
    void aConditionKeepsItsTransitionTimeWhenOnlyItsMessageChanges() {
        var first =
                project(
                        null,
                        1,
                        paired(5),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "5 pending"),
                        T0);
        var later =
                project(
                        first,
                        1,
                        paired(2),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "2 pending"),
                        T0.plusSeconds(30));
        assertThat(condition(later, "Ready").getLastTransitionTime()).isEqualTo(Times.format(T0));
        assertThat(condition(later, "Ready").getMessage()).isEqualTo("2 pending");
        assertThat(later.getLastSyncTime()).isEqualTo(Times.format(T0.plusSeconds(30)));
    }

    @Test
    void aFlipMovesTheTransitionTime() {
        var ready =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        var stalled =
                project(
                        ready,
                        2,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.stalled("InvalidSpec", "spec.partnerNamespace: bad"),
                        T0.plusSeconds(60));
        assertThat(condition(stalled, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(stalled, "Ready").getLastTransitionTime())
                .isEqualTo(Times.format(T0.plusSeconds(60)));
        assertThat(condition(stalled, "Stalled").getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(stalled, "Stalled").getMessage())
                .isEqualTo("spec.partnerNamespace: bad");
    }

    @Test
    void pendingReplicationBlocksFailoverReadiness() {
        var status =
                project(
                        null,
                        1,
                        paired(9),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "9 pending"),
                        T0);
        assertThat(condition(status, "FailoverReady").getStatus()).isEqualTo("False");
        assertThat(condition(status, "FailoverReady").getReason()).isEqualTo("ReplicationPending");
        assertThat(condition(status, "FailoverReady").getMessage()).contains("9 operation");
    }

    @Test
    void failoverMemoryRoundTripsThroughStatus() {
        FailoverInFlight inFlight =
                new FailoverInFlight(
                        4,
                        FailoverMode.Forced,
                        WEU,
                        NEU,
                        FailoverPhase.Intended,
                        T0,
                        T0.plusSeconds(5));
        FailoverMemory memory = FailoverMemory.adopted(3).withInFlight(inFlight);
        var status =
                project(null, 1, paired(0), memory, Verdict.progressing("FailingOver", "x"), T0);
        Memory read = FailoverMemoryCodec.read(status);
        assertThat(read.failover()).contains(memory);
        assertThat(read.previousActive()).contains(WEU);
        assertThat(status.getFailover().getInFlight().getPhase().name()).isEqualTo("Intended");
    }

    @Test
    void noStatusMeansFirstSight() {
        assertThat(FailoverMemoryCodec.read(null)).isEqualTo(Memory.firstSight());
        assertThat(FailoverMemoryCodec.read(new ServiceBusGeoPairingStatus()))
                .isEqualTo(Memory.firstSight());
    }

    // --- added for mutation testing (docs/mutation.md): what the projection keeps, writes and
    // leaves out

    /** A poll of a steady pairing with nothing pending. */
    private static ServiceBusGeoPairingStatus steadyPoll(
            ServiceBusGeoPairingStatus previous, Instant now) {
        return project(
                previous,
                1,
                paired(0),
                FailoverMemory.adopted(0),
                Verdict.ready("Paired", "paired"),
                now);
    }

    /**
     * lastObservedTime after a steady poll {@code secondsLater} after the first observation at T0:
     * the same status otherwise, read from ARM or not.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a steady poll 5 min later does not rewrite the status, 300, true, 2026-11-22T10:00:00Z",
        "a steady poll 10 min later refreshes only the observation time, 600, true,"
                + " 2026-11-22T10:10:00Z",
        "a pass 20 min later that could not read ARM leaves it aging, 1200, false,"
                + " 2026-11-22T10:00:00Z",
    })
    void lastObservedTimeIsRefreshedAtMostEveryTenMinutesWhenNothingElseChanges(
            String row, long secondsLater, boolean readArm, String expected) {
        var first = steadyPoll(null, T0);
        assertThat(first.getLastObservedTime()).isEqualTo(Times.format(T0));
        Instant later = T0.plusSeconds(secondsLater);
        var next =
                readArm
                        ? steadyPoll(first, later)
                        : projectUnread(first, Verdict.ready("Paired", "paired"), later);
        assertThat(next.getLastObservedTime()).isEqualTo(expected);
        if (readArm) {
            assertThat(next.getLastSyncTime())
                    .as("lastSyncTime still moves only when something else changes")
                    .isEqualTo(Times.format(T0));
            assertThat(StatusProjector.unchanged(first, next))
                    .as("a status write only when the observation time moves")
                    .isEqualTo(expected.equals(Times.format(T0)));
        }
    }

    private static ServiceBusGeoPairingStatus projectUnread(
            ServiceBusGeoPairingStatus previous, Verdict verdict, Instant now) {
        return StatusProjector.project(
                previous,
                new StatusProjector.Input(
                        1,
                        DESIRED,
                        Optional.empty(),
                        FailoverMemory.adopted(0),
                        verdict,
                        Optional.of(WEU),
                        now));
    }

    @Test
    void aPassThatDidNotReadArmKeepsWhatWasLastSeen() {
        var seen =
                project(
                        null,
                        1,
                        paired(4),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "4 pending"),
                        T0);
        var throttled =
                projectUnread(seen, Verdict.progressing("Throttled", "429"), T0.plusSeconds(10));
        assertThat(throttled.getRole()).isEqualTo("Primary");
        assertThat(throttled.getProvisioningState()).isEqualTo("Succeeded");
        assertThat(throttled.getPendingReplicationOperationsCount()).isEqualTo(4);
        assertThat(throttled.getPrimary()).isEqualTo(seen.getPrimary());
        assertThat(throttled.getPartner()).isEqualTo(seen.getPartner());
        assertThat(throttled.getPartner().getNamespace()).isEqualTo(NEU.id());
    }

    @Test
    void aFirstPassThatDidNotReadArmShowsNoNamespaces() {
        var status = projectUnread(null, Verdict.stalled("InvalidSpec", "bad"), T0);
        assertThat(status.getRole()).isNull();
        assertThat(status.getPrimary()).isNull();
        assertThat(status.getPartner()).isNull();
        assertThat(status.getLastSyncTime()).isEqualTo(Times.format(T0));
    }

    @Test
    void eachSideShowsItsNamespaceReachabilityAndRecord() {
        var status =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        assertThat(status.getPrimary().getNamespace()).isEqualTo(WEU.id());
        assertThat(status.getPrimary().getReachable()).isTrue();
        assertThat(status.getPrimary().getRole()).isEqualTo("Primary");
        assertThat(status.getPrimary().getProvisioningState()).isEqualTo("Succeeded");
        assertThat(status.getPrimary().getPartnerNamespace()).isEqualTo(NEU.id());
        assertThat(status.getPartner().getNamespace()).isEqualTo(NEU.id());
        assertThat(status.getPartner().getProvisioningState()).isEqualTo("Succeeded");
    }

    @Test
    void anUnreachableOrEmptySideShowsNoRecord() {
        var status =
                project(
                        null,
                        1,
                        Observed.of(SideView.absent(), new SideView.Unreachable("503")),
                        FailoverMemory.adopted(0),
                        Verdict.progressing("Unreachable", "partner down"),
                        T0);
        assertThat(status.getRole()).as("no record on the primary").isEmpty();
        assertThat(status.getProvisioningState()).isNull();
        assertThat(status.getPendingReplicationOperationsCount()).isNull();
        assertThat(status.getPrimary().getReachable()).isTrue();
        assertThat(status.getPrimary().getRole()).isNull();
        assertThat(status.getPartner().getNamespace()).isEqualTo(NEU.id());
        assertThat(status.getPartner().getReachable()).isFalse();
        assertThat(status.getPartner().getRole()).isNull();
    }

    @Test
    void aRecordWithoutRoleStateOrPartnerIsShownAsUnknown() {
        var record =
                new AliasRecord(
                        WEU,
                        "orders",
                        null,
                        null,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        var status =
                project(
                        null,
                        1,
                        Observed.of(SideView.of(record), SideView.absent()),
                        FailoverMemory.adopted(0),
                        Verdict.stalled("AzureError", "unknown role"),
                        T0);
        assertThat(status.getRole()).isEmpty();
        assertThat(status.getProvisioningState()).isNull();
        assertThat(status.getPrimary().getRole()).isNull();
        assertThat(status.getPrimary().getProvisioningState()).isNull();
        assertThat(status.getPrimary().getPartnerNamespace()).isEmpty();
    }

    @Test
    void onlyTheConditionMatchingTheHealthCarriesTheMessage() {
        var progressing =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.progressing("Pairing", "creating the alias"),
                        T0);
        assertThat(condition(progressing, "Reconciling").getStatus()).isEqualTo("True");
        assertThat(condition(progressing, "Reconciling").getMessage())
                .isEqualTo("creating the alias");
        assertThat(condition(progressing, "Stalled").getMessage()).isEmpty();
        assertThat(condition(progressing, "Ready").getStatus()).isEqualTo("False");
        assertThat(condition(progressing, "Ready").getMessage()).isEqualTo("creating the alias");

        var ready =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        assertThat(condition(ready, "Reconciling").getMessage()).isEmpty();
        assertThat(condition(ready, "Stalled").getMessage()).isEmpty();
        assertThat(condition(ready, "Reconciling").getReason()).isEqualTo("Paired");
    }

    @Test
    void aChangedStatusIsNotUnchanged() {
        var first =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        var pending =
                project(
                        first,
                        1,
                        paired(3),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "3 pending"),
                        T0.plusSeconds(30));
        assertThat(StatusProjector.unchanged(first, pending)).isFalse();
        assertThat(StatusProjector.unchanged(null, first)).as("no status yet").isFalse();
        assertThat(pending.getLastSyncTime()).isEqualTo(Times.format(T0.plusSeconds(30)));
        assertThat(pending.getLastObservedTime()).isEqualTo(Times.format(T0.plusSeconds(30)));
    }

    @Test
    void aConditionWithoutTransitionTimeGetsOne() {
        var first =
                project(
                        null,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0);
        first.getConditions().forEach(c -> c.setLastTransitionTime(null));
        var next =
                project(
                        first,
                        1,
                        paired(0),
                        FailoverMemory.adopted(0),
                        Verdict.ready("Paired", "paired"),
                        T0.plusSeconds(60));
        assertThat(condition(next, "Ready").getLastTransitionTime())
                .isEqualTo(Times.format(T0.plusSeconds(60)));
    }

    @Test
    void theLastFailoverResultRoundTripsThroughStatus() {
        FailoverResult last =
                new FailoverResult(
                        2,
                        FailoverOutcome.Succeeded,
                        FailoverMode.Forced,
                        WEU,
                        NEU,
                        T0,
                        T0.plusSeconds(90),
                        "failed over from orders-weu to orders-neu");
        FailoverMemory memory = FailoverMemory.adopted(2).finished(last);
        var status =
                project(null, 1, paired(0), memory, Verdict.stalled("FailedOver", "moved"), T0);
        var written = status.getFailover().getLast();
        assertThat(written.getRequest()).isEqualTo(2);
        assertThat(written.getOutcome().name()).isEqualTo("Succeeded");
        assertThat(written.getMode().name()).isEqualTo("Forced");
        assertThat(written.getFrom()).isEqualTo(WEU.id());
        assertThat(written.getTo()).isEqualTo(NEU.id());
        assertThat(written.getStartedAt()).isEqualTo(Times.format(T0));
        assertThat(written.getCompletedAt()).isEqualTo(Times.format(T0.plusSeconds(90)));
        assertThat(written.getMessage()).isEqualTo("failed over from orders-weu to orders-neu");
        assertThat(status.getFailover().getInFlight()).isNull();
        assertThat(FailoverMemoryCodec.read(status).failover()).contains(memory);
    }

    @Test
    void aResultWithoutNamespacesRoundTrips() {
        FailoverResult last =
                new FailoverResult(
                        1,
                        FailoverOutcome.Rejected,
                        FailoverMode.Safe,
                        null,
                        null,
                        T0,
                        T0,
                        "nothing to fail over");
        FailoverMemory memory = FailoverMemory.adopted(1).finished(last);
        var status = project(null, 1, paired(0), memory, Verdict.ready("Paired", "paired"), T0);
        assertThat(status.getFailover().getLast().getFrom()).isNull();
        assertThat(status.getFailover().getLast().getTo()).isNull();
        assertThat(FailoverMemoryCodec.read(status).failover()).contains(memory);
    }

    @Test
    void sparseStatusWrittenByAnOlderVersionReadsWithDefaults() {
        var status = new ServiceBusGeoPairingStatus();
        var failover = new FailoverStatus();
        failover.setLastHandledRequest(5L);
        var inFlight = new dev.geodr.servicebus.api.v1alpha1.FailoverInFlight();
        inFlight.setRequest(6L);
        inFlight.setFrom(WEU.id());
        inFlight.setTo(NEU.id());
        inFlight.setPhase(dev.geodr.servicebus.api.v1alpha1.FailoverPhase.Issued);
        inFlight.setStartedAt(Times.format(T0));
        failover.setInFlight(inFlight);
        var last = new dev.geodr.servicebus.api.v1alpha1.FailoverResult();
        last.setOutcome(dev.geodr.servicebus.api.v1alpha1.FailoverOutcome.Failed);
        last.setStartedAt(Times.format(T0));
        last.setCompletedAt(Times.format(T0));
        failover.setLast(last);
        status.setFailover(failover);
        status.setActiveNamespace("not-an-arm-id");

        Memory read = FailoverMemoryCodec.read(status);

        FailoverMemory memory = read.failover().orElseThrow();
        assertThat(memory.lastHandledRequest()).isEqualTo(5);
        FailoverInFlight f = memory.inFlight().orElseThrow();
        assertThat(f.request()).isEqualTo(6);
        assertThat(f.mode()).as("mode defaults to Safe").isEqualTo(FailoverMode.Safe);
        assertThat(f.from()).isEqualTo(WEU);
        assertThat(f.to()).isEqualTo(NEU);
        assertThat(f.phase()).isEqualTo(FailoverPhase.Issued);
        assertThat(f.phaseSince()).as("phaseSince defaults to startedAt").isEqualTo(T0);
        FailoverResult r = memory.last().orElseThrow();
        assertThat(r.request()).isZero();
        assertThat(r.outcome()).isEqualTo(FailoverOutcome.Failed);
        assertThat(r.mode()).isEqualTo(FailoverMode.Safe);
        assertThat(r.from()).isNull();
        assertThat(r.to()).isNull();
        assertThat(read.previousActive()).as("an unreadable activeNamespace is ignored").isEmpty();
    }
}
