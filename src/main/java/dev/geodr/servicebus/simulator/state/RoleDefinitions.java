package dev.geodr.servicebus.simulator.state;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Role names to role-definition GUIDs: Azure's real ids for the built-in roles a Service Bus
 * namespace is usually granted, so ids the simulator serves look like the ones clients will meet.
 */
final class RoleDefinitions {

    private static final Map<String, String> BUILT_IN =
            Map.of(
                    "azure service bus data owner", "090c5cfd-751d-490a-894a-3ce6f1109419",
                    "azure service bus data sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
                    "azure service bus data receiver", "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0",
                    "owner", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
                    "contributor", "b24988ac-6180-42a0-ab88-20f7382dd24c",
                    "reader", "acdd72a7-3385-48ef-bd42-f606fba81ae7");

    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");

    private RoleDefinitions() {}

    /**
     * The GUID of a built-in role by name (case-insensitive), a GUID given as the name itself, or
     * else a UUID derived from the name: stable across runs, so tests can predict it.
     */
    static String guidOf(String roleName) {
        String key = roleName.trim().toLowerCase(Locale.ROOT);
        if (GUID.matcher(key).matches()) {
            return key;
        }
        String known = BUILT_IN.get(key);
        return known != null
                ? known
                : UUID.nameUUIDFromBytes(("role:" + key).getBytes(StandardCharsets.UTF_8))
                        .toString();
    }
}
