package dev.geodr.servicebus.arm.azure;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Makes ARM and Azure AD error messages deterministic so they can go into Kubernetes status: strips
 * the per-request identifiers and timestamps that change on every call. Resource ids (which also
 * contain GUIDs, the subscription) are kept: only identifiers introduced by a label are removed.
 */
public final class ArmMessages {

    private static final String GUID =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String TIMESTAMP =
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?(?:Z|[+-]\\d{2}:?\\d{2})?";
    private static final String LABEL_SEP = "\\s*[:=]\\s*";

    private static final List<Pattern> VOLATILE =
            List.of(
                    // Service Bus data-plane style:
                    // "TrackingId:<guid>_G1,SystemTracker:...,Timestamp:..."
                    Pattern.compile(
                            "[,;]?\\s*Tracking\\s*Id"
                                    + LABEL_SEP
                                    + "[^\\s,]+(?:,\\s*SystemTracker"
                                    + LABEL_SEP
                                    + "[^\\s,]+)?(?:,\\s*Timestamp"
                                    + LABEL_SEP
                                    + "[^\\s,]+)?",
                            Pattern.CASE_INSENSITIVE),
                    // "CorrelationId: <guid>", "Correlation ID: <guid>", "Request ID: <guid>",
                    // "Trace ID: <guid>", ...
                    Pattern.compile(
                            "[,;]?\\s*\\(?\\b(?:x-ms-)?(?:client-)?(?:correlation|request|trace|activity|tracking|routing)"
                                    + "[\\s_-]*(?:request[\\s_-]*)?id"
                                    + LABEL_SEP
                                    + "\\[?"
                                    + GUID
                                    + "(?:_[A-Za-z0-9]+)?\\]?\\)?",
                            Pattern.CASE_INSENSITIVE),
                    // "Timestamp: 2024-01-01 10:00:00Z", "at 2024-01-01T10:00:00Z"
                    Pattern.compile(
                            "[,;]?\\s*\\b(?:time\\s*stamp|time)" + LABEL_SEP + TIMESTAMP,
                            Pattern.CASE_INSENSITIVE),
                    Pattern.compile("\\s*\\bat " + TIMESTAMP));

    private ArmMessages() {}

    /** The message without correlation/request/tracking ids and timestamps; never null. */
    public static String stripVolatile(String message) {
        if (message == null) {
            return "";
        }
        String s = message;
        for (Pattern p : VOLATILE) {
            s = p.matcher(s).replaceAll("");
        }
        s = s.replaceAll("[ \\t]{2,}", " ").replaceAll("\\s+([.,;])", "$1").strip();
        while (s.endsWith(",") || s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
