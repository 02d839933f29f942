package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Secret's values as text: {@code data} decoded, with {@code stringData} (if a client left it) on
 * top.
 */
final class SecretData {

    private SecretData() {}

    static Map<String, String> of(Secret secret) {
        Map<String, String> out = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach(
                            (k, v) ->
                                    out.put(
                                            k,
                                            new String(
                                                    Base64.getDecoder().decode(v),
                                                    StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            out.putAll(secret.getStringData());
        }
        return out;
    }
}
