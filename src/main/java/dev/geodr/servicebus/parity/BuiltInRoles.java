package dev.geodr.servicebus.parity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names of the Azure built-in roles a Service Bus namespace is usually granted, by their
 * role-definition GUID (the same in every tenant), so a gap reads "Azure Service Bus Data Sender"
 * rather than a GUID. Custom roles have tenant-specific GUIDs and stay GUIDs.
 */
public final class BuiltInRoles {

    private static final Map<String, String> NAMES =
            Map.of(
                    "090c5cfd-751d-490a-894a-3ce6f1109419", "Azure Service Bus Data Owner",
                    "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Azure Service Bus Data Sender",
                    "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Azure Service Bus Data Receiver",
                    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner",
                    "b24988ac-6180-42a0-ab88-20f7382dd24c", "Contributor",
                    "acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader");

    private BuiltInRoles() {}

    /** The built-in role's name, or empty for any other GUID. */
    public static Optional<String> name(String roleDefinitionGuid) {
        return roleDefinitionGuid == null
                ? Optional.empty()
                : Optional.ofNullable(NAMES.get(roleDefinitionGuid.toLowerCase(Locale.ROOT)));
    }

    /** The built-in role's name, else the GUID itself. */
    public static String displayName(String roleDefinitionGuid) {
        return name(roleDefinitionGuid).orElse(roleDefinitionGuid);
    }
}
