package dev.geodr.servicebus.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One interaction of a recording slice, with the slice's shorthand resolved: {@code date} may be a
 * full RFC 1123 date, a list of times, or a range {@code "a ... b"} (polled every 5 s, as the .NET
 * test did); {@code response_body} may be JSON, an empty string, or words describing the body.
 */
record RecordedCall(
        String method,
        String uri,
        String requestBody,
        int status,
        List<ZonedDateTime> times,
        JsonNode responseJson,
        String responseText,
        String note,
        JsonNode raw) {

    private static final Pattern TIME = Pattern.compile("(\\d{2}):(\\d{2}):(\\d{2})");
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH);
    static final int POLL_SECONDS = 5;

    static List<RecordedCall> parseAll(JsonNode interactions) {
        List<RecordedCall> out = new ArrayList<>();
        LocalDate day = null;
        for (JsonNode i : interactions) {
            String date = i.path("date").asText();
            LocalDate explicit = fullDate(date);
            day = explicit != null ? explicit : day;
            if (day == null) {
                throw new IllegalStateException("the first interaction needs a full date: " + i);
            }
            out.add(of(i, times(date, day)));
        }
        return out;
    }

    private static RecordedCall of(JsonNode i, List<ZonedDateTime> times) {
        JsonNode req = i.get("request_body");
        String requestBody =
                req == null ? null : req.isTextual() ? req.textValue() : Json.write(req);
        JsonNode resp = i.get("response_body");
        JsonNode json = null;
        String text = null;
        if (resp != null && resp.isTextual()) {
            text = resp.textValue();
            try {
                json = text.isEmpty() ? null : Json.parse(text);
            } catch (Exception wordsNotJson) {
                json = null;
            }
            if (json != null) {
                text = null;
            }
        } else if (resp != null) {
            json = resp;
        }
        return new RecordedCall(
                i.path("method").asText(),
                i.path("uri").asText(),
                requestBody,
                i.path("status").asInt(),
                times,
                json,
                text,
                i.path("note").asText(null),
                i);
    }

    private static LocalDate fullDate(String date) {
        Matcher m =
                Pattern.compile("^\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT")
                        .matcher(date);
        return m.find() ? ZonedDateTime.parse(m.group(), RFC1123).toLocalDate() : null;
    }

    static List<ZonedDateTime> times(String date, LocalDate day) {
        List<LocalTime> found = new ArrayList<>();
        Matcher m = TIME.matcher(date);
        while (m.find()) {
            found.add(
                    LocalTime.of(
                            Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))));
        }
        List<ZonedDateTime> out = new ArrayList<>();
        boolean range =
                found.size() == 2
                        && date.substring(date.indexOf(found.get(0).toString().substring(0, 5)))
                                .contains("...");
        if (range) {
            for (LocalTime t = found.get(0);
                    !t.isAfter(found.get(1));
                    t = t.plusSeconds(POLL_SECONDS)) {
                out.add(ZonedDateTime.of(day, t, ZoneOffset.UTC));
            }
            if (!out.get(out.size() - 1).toLocalTime().equals(found.get(1))) {
                out.add(ZonedDateTime.of(day, found.get(1), ZoneOffset.UTC));
            }
        } else {
            found.forEach(t -> out.add(ZonedDateTime.of(day, t, ZoneOffset.UTC)));
        }
        return out;
    }

    /**
     * The header the recording saw on this response, e.g. {@code
     * x-ms-ratelimit-remaining-subscription-writes}.
     */
    String rateLimitHeader() {
        for (String kind : List.of("reads", "writes", "deletes")) {
            if (raw.has("x-ms-ratelimit-remaining-subscription-" + kind)) {
                return "x-ms-ratelimit-remaining-subscription-" + kind;
            }
        }
        return null;
    }

    boolean recordedEmptyBody() {
        JsonNode h = raw.path("response_headers");
        return "".equals(responseText)
                || "0"
                        .equals(
                                h.path("content-length")
                                        .asText(h.path("Content-Length").asText(null)));
    }

    /** What to read expectations from when the body is described in words. */
    String description() {
        return responseText != null && !responseText.isEmpty() ? responseText : note;
    }
}
