package dev.geodr.servicebus.arm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One poll of an ARM long-running operation ({@code Azure-AsyncOperation} body): the planner
 * decides from it whether a promotion or replica change is still running, succeeded or failed.
 *
 * @param status ARM's {@code status} as sent: InProgress, Succeeded, Failed, Canceled (other
 *     non-terminal words such as Accepted or Running may come from other resource providers)
 * @param errorCode {@code error.code} of a failed or canceled operation
 * @param errorMessage {@code error.message}, volatile ids stripped
 * @param retryAfter ARM's {@code Retry-After}, sent while the operation runs
 */
public record OperationStatus(
        String status,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<Duration> retryAfter) {

    public OperationStatus {
        status = status == null ? "" : status;
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Succeeded, Failed or Canceled (ARM's terminal states, any case). */
    public boolean isTerminal() {
        String s = status.toLowerCase(Locale.ROOT);
        return s.equals("succeeded") || s.equals("failed") || s.equals("canceled");
    }

    public boolean succeeded() {
        return "Succeeded".equalsIgnoreCase(status);
    }
}
