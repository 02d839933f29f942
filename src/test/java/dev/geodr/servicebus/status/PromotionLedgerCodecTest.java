package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.PromotionStatus;
import dev.geodr.servicebus.api.v1alpha1.ReplicaOperationStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.georeplication.PromotionInFlight;
import dev.geodr.servicebus.georeplication.PromotionLedger;
import dev.geodr.servicebus.georeplication.PromotionMode;
import dev.geodr.servicebus.georeplication.PromotionOutcome;
import dev.geodr.servicebus.georeplication.PromotionPhase;
import dev.geodr.servicebus.georeplication.PromotionResult;
import dev.geodr.servicebus.georeplication.ReplicationMemory;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionLedgerCodecTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final String URL =
            "https://management.azure.com/subscriptions/s/providers/Microsoft.ServiceBus/"
                    + "locations/westeurope/operationStatuses/op-1?api-version=2026-01-01";

    private static ServiceBusGeoReplicationStatus status(PromotionStatus p, String secondary) {
        return new ServiceBusGeoReplicationStatus(
                1L,
                "westeurope",
                secondary,
                null,
                300L,
                "Succeeded",
                "Writer",
                null,
                null,
                p,
                new ReplicaOperationStatus(URL, "2030-01-01T10:00:00Z"),
                null,
                null,
                null);
    }

    @Test
    void theLedgerRoundTripsThroughStatus() {
        PromotionLedger ledger =
                new PromotionLedger(
                        3,
                        Optional.of(
                                new PromotionInFlight(
                                        4,
                                        PromotionMode.Forced,
                                        "westeurope",
                                        "northeurope",
                                        PromotionPhase.Accepted,
                                        Optional.of(URL),
                                        true,
                                        T0,
                                        T0.plusSeconds(30))),
                        Optional.of(
                                new PromotionResult(
                                        3,
                                        PromotionMode.Planned,
                                        PromotionOutcome.Rejected,
                                        "nothing was sent",
                                        T0.minusSeconds(600))));

        ReplicationMemory read =
                PromotionLedgerCodec.read(
                        status(PromotionLedgerCodec.write(ledger), "northeurope"));

        assertThat(read.ledger()).contains(ledger);
        assertThat(read.previousSecondary()).contains("northeurope");
        assertThat(read.replicaOperation()).as("the namespace update followed").contains(URL);
    }

    @Test
    void noLedgerInStatusIsFirstSight() {
        assertThat(PromotionLedgerCodec.read(null).ledger()).isEmpty();
        assertThat(PromotionLedgerCodec.read(status(null, null)).ledger()).isEmpty();
        assertThat(
                        PromotionLedgerCodec.read(
                                        status(new PromotionStatus(null, null, null), null))
                                .ledger())
                .isEmpty();
    }

    @Test
    void anEditedInFlightWithoutPhaseReadsAsIntendedSoTheRolesDecide() {
        var inFlight =
                new dev.geodr.servicebus.api.v1alpha1.PromotionInFlight(
                        1L, null, "westeurope", "northeurope", null, null, null, null, null);

        PromotionInFlight read =
                PromotionLedgerCodec.read(status(new PromotionStatus(0L, inFlight, null), null))
                        .ledger()
                        .orElseThrow()
                        .inFlight()
                        .orElseThrow();

        assertThat(read.phase()).isEqualTo(PromotionPhase.Intended);
        assertThat(read.operationUrl()).isEmpty();
        assertThat(read.mode()).isEqualTo(PromotionMode.Planned);
    }
}
