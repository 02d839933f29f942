package dev.geodr.servicebus.arm.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading ARM's role assignment list at a namespace scope into the port's {@link RoleAssignment}:
 * which items belong to the namespace, and which nextLink may be followed.
 */
final class RoleAssignments {

    private RoleAssignments() {}

    /**
     * The assignment when its scope is the namespace or below it; empty for one inherited from the
     * resource group, subscription or a management group (ARM lists those at every scope under
     * them, and they apply to both namespaces of a pairing or to neither for reasons that have
     * nothing to do with Geo-DR), and for an item without the fields the port needs.
     */
    static Optional<RoleAssignment> fromArm(NamespaceRef namespace, JsonNode item) {
        JsonNode p = item.path("properties");
        String scope = p.path("scope").asText("");
        String principal = p.path("principalId").asText("");
        String roleDefinition = p.path("roleDefinitionId").asText("");
        if (scope.isEmpty() || principal.isEmpty() || roleDefinition.isEmpty()) {
            return Optional.empty();
        }
        String ns = namespace.id().toLowerCase(Locale.ROOT);
        String s = stripSlash(scope.toLowerCase(Locale.ROOT));
        String relative;
        if (s.equals(ns)) {
            relative = "";
        } else if (s.startsWith(ns + "/")) {
            relative = s.substring(ns.length() + 1);
        } else {
            return Optional.empty();
        }
        String guid = roleDefinition.substring(roleDefinition.lastIndexOf('/') + 1);
        return Optional.of(new RoleAssignment(principal, guid, relative));
    }

    /**
     * The next page's URL, or null at the end. The request carries the ARM bearer token, so a link
     * to another scheme, host or port than the ARM endpoint is refused rather than followed.
     */
    static String nextLink(JsonNode page, String endpoint) {
        String next = page.path("nextLink").asText(null);
        if (next == null || next.isBlank()) {
            return null;
        }
        URI link;
        URI arm = URI.create(endpoint);
        try {
            link = URI.create(next);
        } catch (IllegalArgumentException e) {
            throw untrusted("it is not a URL");
        }
        if (!arm.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
                || !arm.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
                || port(arm) != port(link)
                || link.getUserInfo() != null) {
            throw untrusted("it does not point at the ARM endpoint " + arm.getHost());
        }
        return next;
    }

    private static int port(URI uri) {
        return uri.getPort() == -1 ? 443 : uri.getPort();
    }

    private static ArmException untrusted(String why) {
        return new ArmException(
                ArmErrorKind.FATAL,
                0,
                "UntrustedNextLink",
                "Request not sent: the role assignment list's nextLink was not followed because "
                        + why,
                null,
                null);
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
