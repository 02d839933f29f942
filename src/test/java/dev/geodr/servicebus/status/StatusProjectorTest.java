package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverInFlight;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.FailoverPhase;
import dev.geodr.servicebus.pairing.Memory;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.SideView;
import dev.geodr.servicebus.pairing.Verdict;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
