package dev.geodr.servicebus.status;

import dev.geodr.servicebus.api.v1alpha1.Conditions;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Verdict;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every kind's status projection shares: the kstatus conditions a {@link Verdict} becomes
 * (Ready, and the abnormal-true Reconciling and Stalled), a condition that keeps its
 * lastTransitionTime while its status holds, and when a steady status's lastObservedTime is due.
 * Pure.
 */
public final class Kstatus {

    /**
     * The longest a steady resource's {@code lastObservedTime} lags behind its last read of ARM:
     * one status write per resource per 10 minutes at most, for 1,000 resources under two a second.
     */
    public static final Duration OBSERVED_REFRESH = Duration.ofMinutes(10);

    private Kstatus() {}

    /** Ready, Reconciling and Stalled from the verdict, then {@code extra} (a kind's own). */
    public static List<Condition> conditions(
            List<Condition> previous,
            long generation,
            Verdict v,
            Instant now,
            List<Condition> extra) {
        List<Condition> out = new ArrayList<>();
        out.add(
                condition(
                        previous,
                        generation,
                        Conditions.READY,
                        v.health() == Health.READY,
                        v.reason(),
                        v.message(),
                        now));
        out.add(
                condition(
                        previous,
                        generation,
                        Conditions.RECONCILING,
                        v.health() == Health.PROGRESSING,
                        v.reason(),
                        v.health() == Health.PROGRESSING ? v.message() : "",
                        now));
        out.add(
                condition(
                        previous,
                        generation,
                        Conditions.STALLED,
                        v.health() == Health.STALLED,
                        v.reason(),
                        v.health() == Health.STALLED ? v.message() : "",
                        now));
        out.addAll(extra);
        return out;
    }

    /** One condition; its lastTransitionTime moves only when its status does. */
    public static Condition condition(
            List<Condition> previous,
            long generation,
            String type,
            boolean isTrue,
            String reason,
            String message,
            Instant now) {
        return condition(
                previous,
                generation,
                type,
                isTrue ? Conditions.TRUE : Conditions.FALSE,
                reason,
                message,
                now);
    }

    /** One condition that may also be Unknown; its lastTransitionTime moves with its status. */
    public static Condition condition(
            List<Condition> previous,
            long generation,
            String type,
            String status,
            String reason,
            String message,
            Instant now) {
        Condition c = new Condition();
        c.setType(type);
        c.setStatus(status);
        c.setReason(reason);
        c.setMessage(message);
        c.setObservedGeneration(generation);
        Optional<Condition> before = find(previous, type);
        boolean transitioned = before.map(b -> !Objects.equals(b.getStatus(), status)).orElse(true);
        c.setLastTransitionTime(
                transitioned || before.get().getLastTransitionTime() == null
                        ? Times.format(now)
                        : before.get().getLastTransitionTime());
        return c;
    }

    /** True when writing {@code next} would change nothing a user or tool can see. */
    public static boolean unchanged(Object previous, Object next) {
        return previous != null && previous.equals(next);
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    /** Whether a steady status's {@code lastObservedTime} is due to move (absent or unreadable). */
    public static boolean observationIsOld(String lastObserved, Instant now) {
        try {
            Instant at = Times.parse(lastObserved);
            return at == null || !at.plus(OBSERVED_REFRESH).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }

    /**
     * Whether {@code conditions} already say Stalled for this reason and message: a Warning Event
     * goes out when a Stalled situation first appears, not on every poll.
     */
    public static boolean stalledWith(List<Condition> conditions, String reason, String message) {
        return find(conditions, Conditions.STALLED)
                .filter(
                        c ->
                                Conditions.TRUE.equals(c.getStatus())
                                        && reason.equals(c.getReason())
                                        && message.equals(c.getMessage()))
                .isPresent();
    }
}
