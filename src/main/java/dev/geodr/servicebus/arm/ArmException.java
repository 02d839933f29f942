package dev.geodr.servicebus.arm;

import java.time.Duration;
import java.util.Optional;

/**
 * A classified ARM failure. The message is ARM's, with request and correlation ids stripped so it
 * can go into a deterministic status message.
 */
public class ArmException extends RuntimeException {

    private final ArmErrorKind kind;
    private final int httpStatus;
    private final String code;
    private final Duration retryAfter;

    public ArmException(
            ArmErrorKind kind,
            int httpStatus,
            String code,
            String message,
            Duration retryAfter,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.code = code == null ? "" : code;
        this.retryAfter = retryAfter;
    }

    public ArmErrorKind kind() {
        return kind;
    }

    /** 0 when no HTTP response was received (connection refused, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** ARM's {@code error.code}, e.g. NotFound, ResourceNotFound, BadRequest. */
    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * True for a 404 on the namespace itself (ARM gateway {@code ResourceNotFound}), not on the
     * alias.
     */
    public boolean isNamespaceNotFound() {
        return kind == ArmErrorKind.NOT_FOUND && "ResourceNotFound".equalsIgnoreCase(code);
    }
}
