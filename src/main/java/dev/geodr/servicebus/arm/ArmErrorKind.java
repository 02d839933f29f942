package dev.geodr.servicebus.arm;

/** The one classification of ARM failures; it drives the condition reason and the backoff. */
public enum ArmErrorKind {
    /** 404: the alias (code NotFound) or the namespace (code ResourceNotFound) is not there. */
    NOT_FOUND,
    /**
     * 400/409/412 precondition failures: retrying unchanged will not help until something else
     * changes.
     */
    CONFLICT,
    /** 429: wait for {@link ArmException#retryAfter()} before the next call. */
    THROTTLED,
    /** 5xx, timeouts, connection failures: retry with backoff. */
    TRANSIENT,
    /** 401/403 and anything else: a person must act. */
    FATAL
}
