package dev.geodr.servicebus.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fully read request, independent of Vert.x so the routers can be exercised directly.
 *
 * @param headers first value per header name, looked up case-insensitively
 */
public record SimRequest(
        String method, String rawPath, String rawQuery, Map<String, String> headers, String body) {

    public SimRequest {
        method = method.toUpperCase(Locale.ROOT);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = h;
        body = body == null ? "" : body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /**
     * A query parameter (first occurrence, name case-insensitive as ARM treats {@code
     * api-version}); null when absent; throws {@link IllegalArgumentException} for malformed
     * percent-encoding.
     */
    public String query(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (k.equalsIgnoreCase(name)) {
                return eq < 0
                        ? ""
                        : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
