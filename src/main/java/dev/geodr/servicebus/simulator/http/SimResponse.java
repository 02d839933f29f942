package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.ArmError;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before it is written: status, headers in order, and a body ("" means Content-Length:
 * 0).
 */
public final class SimResponse {

    public static final String JSON = "application/json; charset=utf-8";

    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    final String body;

    /** Close the connection after writing (oversized or unparseable requests). */
    boolean close;

    SimResponse(int status, String body) {
        this.status = status;
        this.body = body == null ? "" : body;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    SimResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    static SimResponse json(int status, JsonNode body) {
        return new SimResponse(status, Json.write(body)).header("Content-Type", JSON);
    }

    static SimResponse empty(int status) {
        return new SimResponse(status, "");
    }

    /**
     * The ARM error envelope: the RP puts {@code message} first and ends it with the correlation
     * id; the gateway puts {@code code} first and says so in {@code x-ms-failure-cause} (§2.10).
     */
    static SimResponse error(ArmError e, String correlationId) {
        ObjectNode body = Json.object();
        ObjectNode err = body.putObject("error");
        if (e.gateway()) {
            err.put("code", e.code());
            err.put("message", e.message());
        } else {
            err.put("message", e.message() + " CorrelationId: " + correlationId);
            err.put("code", e.code());
        }
        SimResponse r = json(e.status(), body);
        if (e.gateway()) {
            r.header("x-ms-failure-cause", "gateway");
        }
        e.headers().forEach(r::header);
        return r;
    }
}
