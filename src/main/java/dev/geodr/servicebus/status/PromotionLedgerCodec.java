package dev.geodr.servicebus.status;

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

/**
 * Reads the Geo-Replication planner's memory back from status and writes the promotion ledger into
 * status; the two must round-trip. The API types share their simple names with the domain types
 * they mirror (MirroredEnumsTest keeps the enum constants equal), so the API side is spelled out in
 * full here.
 */
public final class PromotionLedgerCodec {

    private PromotionLedgerCodec() {}

    public static ReplicationMemory read(ServiceBusGeoReplicationStatus status) {
        if (status == null
                || status.promotion() == null
                || status.promotion().lastHandledRequest() == null) {
            return ReplicationMemory.firstSight();
        }
        PromotionStatus p = status.promotion();
        PromotionLedger ledger =
                new PromotionLedger(
                        p.lastHandledRequest(),
                        Optional.ofNullable(p.inFlight()).map(PromotionLedgerCodec::inFlight),
                        Optional.ofNullable(p.last()).map(PromotionLedgerCodec::result));
        return new ReplicationMemory(
                Optional.of(ledger),
                Optional.ofNullable(status.secondaryLocation()),
                Optional.ofNullable(status.replicaOperation())
                        .map(ReplicaOperationStatus::operationUrl)
                        .filter(url -> !url.isBlank()));
    }

    public static PromotionStatus write(PromotionLedger ledger) {
        return new PromotionStatus(
                ledger.lastHandledRequest(),
                ledger.inFlight()
                        .map(
                                f ->
                                        new dev.geodr.servicebus.api.v1alpha1.PromotionInFlight(
                                                f.request(),
                                                apiMode(f.mode()),
                                                f.from(),
                                                f.to(),
                                                dev.geodr.servicebus.api.v1alpha1.PromotionPhase
                                                        .valueOf(f.phase().name()),
                                                f.operationUrl().orElse(null),
                                                f.forcedIntended(),
                                                Times.format(f.startedAt()),
                                                Times.format(f.phaseSince())))
                        .orElse(null),
                ledger.last()
                        .map(
                                r ->
                                        new dev.geodr.servicebus.api.v1alpha1.PromotionResult(
                                                r.request(),
                                                apiMode(r.mode()),
                                                dev.geodr.servicebus.api.v1alpha1.PromotionOutcome
                                                        .valueOf(r.outcome().name()),
                                                r.message(),
                                                Times.format(r.finishedAt())))
                        .orElse(null));
    }

    private static PromotionInFlight inFlight(
            dev.geodr.servicebus.api.v1alpha1.PromotionInFlight s) {
        Instant started = orEpoch(s.startedAt());
        return new PromotionInFlight(
                s.request() == null ? 0 : s.request(),
                domainMode(s.mode()),
                s.from() == null ? "" : s.from(),
                s.to() == null ? "" : s.to(),
                // A missing phase reads as Intended, the cautious choice: the namespace's roles
                // then decide whether a POST was sent, so an edited status never causes a second.
                s.phase() == null
                        ? PromotionPhase.Intended
                        : PromotionPhase.valueOf(s.phase().name()),
                Optional.ofNullable(s.operationUrl()).filter(u -> !u.isBlank()),
                Boolean.TRUE.equals(s.forcedIntended()),
                started,
                s.phaseSince() == null ? started : orEpoch(s.phaseSince()));
    }

    private static PromotionResult result(dev.geodr.servicebus.api.v1alpha1.PromotionResult s) {
        return new PromotionResult(
                s.request() == null ? 0 : s.request(),
                domainMode(s.mode()),
                s.outcome() == null
                        ? PromotionOutcome.Failed
                        : PromotionOutcome.valueOf(s.outcome().name()),
                s.message() == null ? "" : s.message(),
                orEpoch(s.finishedAt()));
    }

    private static Instant orEpoch(String time) {
        Instant at = Times.parse(time);
        return at == null ? Instant.EPOCH : at;
    }

    private static PromotionMode domainMode(dev.geodr.servicebus.api.v1alpha1.PromotionMode m) {
        return m == null ? PromotionMode.Planned : PromotionMode.valueOf(m.name());
    }

    private static dev.geodr.servicebus.api.v1alpha1.PromotionMode apiMode(PromotionMode m) {
        return dev.geodr.servicebus.api.v1alpha1.PromotionMode.valueOf(m.name());
    }
}
