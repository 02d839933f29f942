package dev.geodr.servicebus.arm.azure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how long ARM asks us to wait, from the headers azure-core also honours: {@code
 * retry-after-ms}, {@code x-ms-retry-after-ms} (milliseconds) and {@code Retry-After}
 * (delta-seconds or an HTTP date).
 */
final class RetryAfter {

    private RetryAfter() {}

    /**
     * @param header looks a header up by name (case-insensitively), null when absent
     * @param now the current time, to turn an HTTP date into a delay
     */
    static Optional<Duration> fromHeaders(Function<String, String> header, Instant now) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            Optional<Duration> ms =
                    number(header.apply(name)).map(v -> Duration.ofNanos((long) (v * 1_000_000d)));
            if (ms.isPresent()) {
                return ms;
            }
        }
        String retryAfter = header.apply("Retry-After");
        if (retryAfter == null || retryAfter.isBlank()) {
            return Optional.empty();
        }
        Optional<Duration> seconds =
                number(retryAfter).map(v -> Duration.ofNanos((long) (v * 1_000_000_000d)));
        if (seconds.isPresent()) {
            return seconds;
        }
        try {
            Instant at =
                    ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> number(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double v = Double.parseDouble(value.trim());
            return Double.isFinite(v) && v >= 0 ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
