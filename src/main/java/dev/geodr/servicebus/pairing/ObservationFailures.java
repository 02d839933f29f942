package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import java.util.Optional;

/**
 * The plan when reading the namespaces failed, so nothing is known of ARM this pass: no action, the
 * failover memory kept as it was (first sight still adopts the request), the active namespace as
 * last reported, and the error class deciding the reason and the wait.
 */
final class ObservationFailures {

    private ObservationFailures() {}

    /**
     * @param spread in [0, 1): where in the throttle window this pairing comes back. An input, not
     *     a random call, so the decision stays a function; the caller draws it.
     */
    static Plan after(
            Desired desired,
            Memory memory,
            ArmErrorKind kind,
            String message,
            Optional<Duration> retryAfter,
            double spread,
            PlannerSettings settings) {
        FailoverMemory kept =
                memory.failover()
                        .orElseGet(() -> FailoverMemory.adopted(desired.failoverRequested()));
        String failed = "reading the alias failed: " + message;
        return switch (kind) {
            case THROTTLED ->
                    Plan.waitFor(
                            kept,
                            Verdict.progressing(
                                    Reasons.THROTTLED,
                                    "ARM is throttling reads; waiting before observing again"),
                            new Requeue(
                                    Backoff.throttled(retryAfter, settings.fastPoll(), spread),
                                    false),
                            memory.previousActive());
            // A refusal that repeats on every read (no access, an id ARM rejects): polling fast
            // would only spend the budget.
            case FATAL, CONFLICT ->
                    Plan.waitFor(
                            kept,
                            Verdict.stalled(Reasons.AZURE_ERROR, failed),
                            new Requeue(settings.steadyPoll(), true),
                            memory.previousActive());
            case TRANSIENT, NOT_FOUND ->
                    Plan.waitFor(
                            kept,
                            Verdict.progressing(Reasons.AZURE_ERROR, failed),
                            new Requeue(settings.fastPoll(), false),
                            memory.previousActive());
        };
    }
}
