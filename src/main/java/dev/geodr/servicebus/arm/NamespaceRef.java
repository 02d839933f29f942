package dev.geodr.servicebus.arm;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Service Bus namespace named by its full ARM id. Equality ignores case because ARM ids are
 * case-insensitive; {@link #id()} keeps the casing the user wrote.
 */
public record NamespaceRef(String subscriptionId, String resourceGroup, String name) {

    /** The ARM id shape accepted everywhere (CRD pattern, simulator, adapter). */
    public static final String ID_REGEX =
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ServiceBus/namespaces/[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    private static final Pattern ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ServiceBus/namespaces/([^/]+)$",
                    Pattern.CASE_INSENSITIVE);

    public NamespaceRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
    }

    /** Parses a full ARM id; throws {@link IllegalArgumentException} naming the expected shape. */
    public static NamespaceRef parse(String armId) {
        if (armId == null) {
            throw new IllegalArgumentException("namespace id is missing");
        }
        Matcher m = ID.matcher(armId.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'"
                            + armId
                            + "' is not a namespace ARM id of the form "
                            + "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ServiceBus/namespaces/{name}");
        }
        return new NamespaceRef(m.group(1), m.group(2), m.group(3));
    }

    public static boolean isValidId(String armId) {
        return armId != null && ID.matcher(armId.trim()).matches();
    }

    public String id() {
        return "/subscriptions/"
                + subscriptionId
                + "/resourceGroups/"
                + resourceGroup
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + name;
    }

    /** True when both name the same namespace, ignoring case as ARM does. */
    public boolean sameAs(NamespaceRef other) {
        return other != null && id().equalsIgnoreCase(other.id());
    }

    /** True when {@code armId} names this namespace (ARM ids compare case-insensitively). */
    public boolean sameAs(String armId) {
        return armId != null && isValidId(armId) && sameAs(parse(armId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceRef other && sameAs(other);
    }

    @Override
    public int hashCode() {
        return id().toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public String toString() {
        return id();
    }
}
