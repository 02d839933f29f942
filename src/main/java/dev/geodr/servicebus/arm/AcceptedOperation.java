package dev.geodr.servicebus.arm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * ARM's answer to a Geo-Replication write (replica change or promotion): where to poll the
 * long-running operation it started, and how long ARM asks to wait first. The operator stores the
 * URL in status so a restarted operator polls the same operation instead of writing again.
 *
 * @param asyncOperationUrl the {@code Azure-AsyncOperation} URL (else {@code Location}); empty when
 *     ARM finished at once (a PUT that changed nothing geo-related answers 200 without LRO headers)
 * @param retryAfter ARM's {@code Retry-After}, when sent
 */
public record AcceptedOperation(Optional<String> asyncOperationUrl, Optional<Duration> retryAfter) {

    public AcceptedOperation {
        Objects.requireNonNull(asyncOperationUrl, "asyncOperationUrl");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** True when ARM started a long-running operation the caller has to poll. */
    public boolean isLongRunning() {
        return asyncOperationUrl.isPresent();
    }
}
