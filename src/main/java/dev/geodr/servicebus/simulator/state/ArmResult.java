package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an ARM operation answers: a status with a JSON body, an empty 200, or an {@link ArmError}.
 * Kept free of HTTP types so the state machine can be table-tested without a server.
 */
public record ArmResult(int status, JsonNode body, ArmError error) {

    public static ArmResult ok(JsonNode body) {
        return new ArmResult(200, body, null);
    }

    /**
     * 200 with {@code Content-Length: 0}: what PUT-less mutations (DELETE, break, failover) answer.
     */
    public static ArmResult empty() {
        return new ArmResult(200, null, null);
    }

    public static ArmResult error(ArmError error) {
        return new ArmResult(error.status(), null, error);
    }

    public boolean isError() {
        return error != null;
    }

    /** The error code, or null for a success; handy in table tests. */
    public String code() {
        return error == null ? null : error.code();
    }
}
