package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a plan changes when its one ARM call failed; the error class drives the reason and the
 * backoff.
 */
final class ActionFailures {

    private ActionFailures() {}

    static Plan after(
            Plan plan,
            ArmErrorKind kind,
            String message,
            Optional<Duration> retryAfter,
            Instant now,
            PlannerSettings settings) {
        Requeue requeue = requeueFor(kind, retryAfter, settings);
        if (plan.action() instanceof Action.Failover failover && plan.intent().isPresent()) {
            return afterFailover(plan, failover, kind, message, requeue, now);
        }
        String what = describe(plan.action());
        Verdict verdict =
                switch (kind) {
                    case THROTTLED ->
                            Verdict.progressing(
                                    Reasons.THROTTLED,
                                    "ARM is throttling requests; "
                                            + what
                                            + " will be retried: "
                                            + message);
                    case TRANSIENT, NOT_FOUND ->
                            Verdict.progressing(
                                    Reasons.AZURE_ERROR,
                                    what
                                            + " failed and will be "
                                            + "retried after a fresh observation: "
                                            + message);
                    case CONFLICT, FATAL ->
                            Verdict.stalled(
                                    Reasons.AZURE_ERROR, what + " was refused by ARM: " + message);
                };
        return new Plan(
                new Action.None(),
                Optional.empty(),
                plan.memory(),
                verdict,
                requeue,
                plan.active(),
                plan.notices());
    }

    private static Plan afterFailover(
            Plan plan,
            Action.Failover failover,
            ArmErrorKind kind,
            String message,
            Requeue requeue,
            Instant now) {
        FailoverMemory intent = plan.intent().get();
        FailoverInFlight inFlight = intent.inFlight().orElseThrow();
        switch (kind) {
            case THROTTLED, TRANSIENT -> {
                // The POST may or may not have reached ARM: stay Intended, the next observation
                // decides.
                String reason =
                        kind == ArmErrorKind.THROTTLED ? Reasons.THROTTLED : Reasons.AZURE_ERROR;
                return new Plan(
                        new Action.None(),
                        Optional.empty(),
                        intent,
                        Verdict.progressing(
                                reason,
                                "failover request "
                                        + inFlight.request()
                                        + " POST did not complete ("
                                        + message
                                        + "); ARM's state decides on the next pass whether it was applied"),
                        requeue,
                        plan.active(),
                        plan.notices());
            }
            case CONFLICT -> {
                if (failover.mode() == FailoverMode.Safe) {
                    // ARM refused a Safe failover (e.g. replication still in progress): back to the
                    // gate,
                    // bounded by the Safe timeout that counts from when the request was taken.
                    FailoverMemory waiting =
                            intent.withInFlight(inFlight.inPhase(FailoverPhase.Waiting, now));
                    return new Plan(
                            new Action.None(),
                            Optional.empty(),
                            waiting,
                            Verdict.progressing(
                                    Reasons.REPLICATION_PENDING,
                                    "Safe failover request "
                                            + inFlight.request()
                                            + " was refused by ARM and waits: "
                                            + message),
                            requeue,
                            plan.active(),
                            plan.notices());
                }
                return failed(plan, intent, inFlight, "refused by ARM: " + message, now);
            }
            default -> {
                return failed(plan, intent, inFlight, "failed in ARM: " + message, now);
            }
        }
    }

    private static Plan failed(
            Plan plan, FailoverMemory intent, FailoverInFlight inFlight, String why, Instant now) {
        String message = "failover request " + inFlight.request() + " " + why;
        FailoverResult result =
                new FailoverResult(
                        inFlight.request(),
                        FailoverOutcome.Failed,
                        inFlight.mode(),
                        inFlight.from(),
                        inFlight.to(),
                        inFlight.startedAt(),
                        now,
                        message);
        return new Plan(
                        new Action.None(),
                        Optional.empty(),
                        intent.finished(result),
                        Verdict.progressing(Reasons.FAILOVER_FAILED, message),
                        plan.requeue(),
                        plan.active(),
                        plan.notices())
                .withNotice(Notice.warning(Reasons.FAILOVER_FAILED, "Failover " + message));
    }

    private static Requeue requeueFor(
            ArmErrorKind kind, Optional<Duration> retryAfter, PlannerSettings settings) {
        return switch (kind) {
            case THROTTLED ->
                    new Requeue(Backoff.throttled(retryAfter, settings.fastPoll(), 0), true);
            case TRANSIENT, NOT_FOUND -> new Requeue(settings.fastPoll(), false);
            case CONFLICT, FATAL -> new Requeue(settings.steadyPoll(), true);
        };
    }

    static String describe(Action action) {
        if (action instanceof Action.CreatePairing a) {
            return "creating the pairing on " + a.primary().name();
        }
        if (action instanceof Action.BreakPairing a) {
            return "breaking the pairing on " + a.primary().name();
        }
        if (action instanceof Action.Failover a) {
            return "failing over on " + a.secondary().name();
        }
        if (action instanceof Action.DeleteAlias a) {
            return "deleting the alias on " + a.holder().name();
        }
        return "the ARM call";
    }
}
