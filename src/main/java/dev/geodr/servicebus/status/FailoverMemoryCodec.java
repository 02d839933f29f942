package dev.geodr.servicebus.status;

import dev.geodr.servicebus.api.v1alpha1.FailoverStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.pairing.FailoverInFlight;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.FailoverOutcome;
import dev.geodr.servicebus.pairing.FailoverPhase;
import dev.geodr.servicebus.pairing.FailoverResult;
import dev.geodr.servicebus.pairing.Memory;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads the planner's memory back from status and writes it into status; the two must round-trip.
 * The API types share their simple names with the domain types they mirror (MirroredEnumsTest keeps
 * the enum constants equal), so the API side is spelled out in full here.
 */
public final class FailoverMemoryCodec {

    private FailoverMemoryCodec() {}

    public static Memory read(ServiceBusGeoPairingStatus status) {
        if (status == null
                || status.getFailover() == null
                || status.getFailover().getLastHandledRequest() == null) {
            return Memory.firstSight();
        }
        FailoverStatus f = status.getFailover();
        Optional<FailoverInFlight> inFlight =
                Optional.ofNullable(f.getInFlight()).map(FailoverMemoryCodec::inFlight);
        Optional<FailoverResult> last =
                Optional.ofNullable(f.getLast()).map(FailoverMemoryCodec::result);
        FailoverMemory memory = new FailoverMemory(f.getLastHandledRequest(), inFlight, last);
        Optional<NamespaceRef> active =
                Optional.ofNullable(status.getActiveNamespace())
                        .filter(NamespaceRef::isValidId)
                        .map(NamespaceRef::parse);
        return new Memory(Optional.of(memory), active);
    }

    public static FailoverStatus write(FailoverMemory memory) {
        FailoverStatus out = new FailoverStatus();
        out.setLastHandledRequest(memory.lastHandledRequest());
        memory.inFlight()
                .ifPresent(
                        f -> {
                            dev.geodr.servicebus.api.v1alpha1.FailoverInFlight s =
                                    new dev.geodr.servicebus.api.v1alpha1.FailoverInFlight();
                            s.setRequest(f.request());
                            s.setMode(apiMode(f.mode()));
                            s.setFrom(f.from().id());
                            s.setTo(f.to().id());
                            s.setPhase(
                                    dev.geodr.servicebus.api.v1alpha1.FailoverPhase.valueOf(
                                            f.phase().name()));
                            s.setStartedAt(Times.format(f.startedAt()));
                            s.setPhaseSince(Times.format(f.phaseSince()));
                            out.setInFlight(s);
                        });
        memory.last()
                .ifPresent(
                        r -> {
                            dev.geodr.servicebus.api.v1alpha1.FailoverResult s =
                                    new dev.geodr.servicebus.api.v1alpha1.FailoverResult();
                            s.setRequest(r.request());
                            s.setOutcome(
                                    dev.geodr.servicebus.api.v1alpha1.FailoverOutcome.valueOf(
                                            r.outcome().name()));
                            s.setMode(apiMode(r.mode()));
                            s.setFrom(r.from() == null ? null : r.from().id());
                            s.setTo(r.to() == null ? null : r.to().id());
                            s.setStartedAt(Times.format(r.startedAt()));
                            s.setCompletedAt(Times.format(r.completedAt()));
                            s.setMessage(r.message());
                            out.setLast(s);
                        });
        return out;
    }

    private static FailoverInFlight inFlight(dev.geodr.servicebus.api.v1alpha1.FailoverInFlight s) {
        Instant started = Times.parse(s.getStartedAt());
        Instant since = s.getPhaseSince() == null ? started : Times.parse(s.getPhaseSince());
        return new FailoverInFlight(
                s.getRequest(),
                armMode(s.getMode()),
                NamespaceRef.parse(s.getFrom()),
                NamespaceRef.parse(s.getTo()),
                FailoverPhase.valueOf(s.getPhase().name()),
                started,
                since);
    }

    private static FailoverResult result(dev.geodr.servicebus.api.v1alpha1.FailoverResult s) {
        return new FailoverResult(
                s.getRequest() == null ? 0 : s.getRequest(),
                FailoverOutcome.valueOf(s.getOutcome().name()),
                armMode(s.getMode()),
                s.getFrom() == null ? null : NamespaceRef.parse(s.getFrom()),
                s.getTo() == null ? null : NamespaceRef.parse(s.getTo()),
                Times.parse(s.getStartedAt()),
                Times.parse(s.getCompletedAt()),
                s.getMessage());
    }

    static dev.geodr.servicebus.api.v1alpha1.FailoverMode apiMode(FailoverMode mode) {
        return mode == null
                ? null
                : dev.geodr.servicebus.api.v1alpha1.FailoverMode.valueOf(mode.name());
    }

    static FailoverMode armMode(dev.geodr.servicebus.api.v1alpha1.FailoverMode mode) {
        return mode == null ? FailoverMode.Safe : FailoverMode.valueOf(mode.name());
    }
}
