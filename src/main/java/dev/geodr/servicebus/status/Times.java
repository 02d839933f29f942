package dev.geodr.servicebus.status;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** RFC 3339 timestamps in UTC at second precision, as Kubernetes writes them. */
public final class Times {

    private Times() {}

    public static String format(Instant instant) {
        return instant == null
                ? null
                : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static Instant parse(String text) {
        return text == null || text.isBlank() ? null : Instant.parse(text);
    }
}
