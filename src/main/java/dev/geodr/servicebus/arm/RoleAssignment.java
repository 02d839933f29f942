package dev.geodr.servicebus.arm;

import java.util.Locale;
import java.util.Objects;

/**
 * One Azure RBAC role assignment on a namespace or one of its entities. Geo-DR does not copy role
 * assignments to the partner: a principal granted only on the primary loses access after a
 * failover.
 *
 * @param principalId the object id of the user, group or service principal
 * @param roleDefinitionId the role definition's GUID only, lower-case
 * @param relativeScope where it applies, relative to the namespace and lower-case: {@code ""} for
 *     the namespace itself, {@code queues/orders}, {@code topics/t1}
 */
public record RoleAssignment(String principalId, String roleDefinitionId, String relativeScope) {

    public RoleAssignment {
        principalId = Objects.requireNonNull(principalId, "principalId").toLowerCase(Locale.ROOT);
        roleDefinitionId =
                Objects.requireNonNull(roleDefinitionId, "roleDefinitionId")
                        .toLowerCase(Locale.ROOT);
        relativeScope = relativeScope == null ? "" : relativeScope.toLowerCase(Locale.ROOT);
    }
}
