package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an ARM operation answers: a status with a JSON body, an empty 200, or an {@link ArmError};
 * plus extra headers (the long-running-operation headers). Kept free of HTTP types so the state
 * machine can be table-tested without a server. A header value starting with {@code /} is a path on
 * the simulator; the HTTP layer makes it absolute.
 */
public record ArmResult(int status, JsonNode body, ArmError error, Map<String, String> headers) {

    public ArmResult {
        headers =
                headers == null || headers.isEmpty()
                        ? Map.of()
                        : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public ArmResult(int status, JsonNode body, ArmError error) {
        this(status, body, error, Map.of());
    }

    public static ArmResult ok(JsonNode body) {
        return new ArmResult(200, body, null);
    }

    /**
     * 200 with {@code Content-Length: 0}: what PUT-less mutations (DELETE, break, failover) answer.
     */
    public static ArmResult empty() {
        return new ArmResult(200, null, null);
    }

    /** Any status with an optional body (202 and 204 of long-running operations). */
    public static ArmResult status(int status, JsonNode body) {
        return new ArmResult(status, body, null);
    }

    public static ArmResult error(ArmError error) {
        return new ArmResult(error.status(), null, error);
    }

    public ArmResult withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ArmResult(status, body, error, h);
    }

    public boolean isError() {
        return error != null;
    }

    /** The error code, or null for a success; handy in table tests. */
    public String code() {
        return error == null ? null : error.code();
    }

    public String header(String name) {
        return headers.get(name);
    }
}
