package dev.geodr.servicebus.simulator.state;

import java.util.HashMap;
import java.util.Map;

/**
 * An error answer before it is put on the wire. {@code gateway} errors come from ARM itself (code
 * first, {@code x-ms-failure-cause: gateway}, no correlation id in the text); the others come from
 * the Service Bus RP (message first, ending with {@code CorrelationId: <guid>}), per
 * docs/arm-semantics.md §2.10.
 */
public record ArmError(
        int status, String code, String message, boolean gateway, Map<String, String> headers) {

    public ArmError {
        headers = Map.copyOf(headers);
    }

    public static ArmError rp(int status, String code, String message) {
        return new ArmError(status, code, message, false, Map.of());
    }

    public static ArmError gateway(int status, String code, String message) {
        return new ArmError(status, code, message, true, Map.of());
    }

    public ArmError withHeader(String name, String value) {
        HashMap<String, String> h = new HashMap<>(headers);
        h.put(name, value);
        return new ArmError(status, code, message, gateway, h);
    }
}
