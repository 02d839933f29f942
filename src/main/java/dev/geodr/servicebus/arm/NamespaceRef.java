package dev.geodr.servicebus.arm;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A messaging namespace (Service Bus or Event Hubs) named by its full ARM id. Equality ignores case
 * because ARM ids are case-insensitive; {@link #id()} keeps the casing the user wrote and spells
 * the provider as ARM does.
 */
public record NamespaceRef(
        String subscriptionId, String resourceGroup, String name, MessagingProvider provider) {

    /** A Service Bus namespace. */
    public NamespaceRef(String subscriptionId, String resourceGroup, String name) {
        this(subscriptionId, resourceGroup, name, MessagingProvider.SERVICE_BUS);
    }

    /**
     * The ARM id accepted at admission (the CRD's pattern, same text as {@code
     * FieldPatterns.NAMESPACE_ID}): keywords in any case, a GUID subscription, a resource group of
     * 1-90 ASCII letters, digits, {@code _ - . ( )} not ending with a period, a namespace name.
     * {@link #problem} says which of these an id breaks.
     */
    public static final String ID_REGEX =
            "^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]"
                    + "/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
                    + "/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]"
                    + "/[A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-]"
                    + "/[pP][rR][oO][vV][iI][dD][eE][rR][sS]"
                    + "/[mM][iI][cC][rR][oO][sS][oO][fF][tT]\\.[sS][eE][rR][vV][iI][cC][eE][bB][uU][sS]"
                    + "/[nN][aA][mM][eE][sS][pP][aA][cC][eE][sS]"
                    + "/[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    /**
     * The shape of a Service Bus id only, keywords in any case: what a Service Bus kind's spec must
     * name ({@link #problem}).
     */
    private static final Pattern ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.ServiceBus/namespaces/([^/]+)$",
                    Pattern.CASE_INSENSITIVE);

    /**
     * The shape of any messaging namespace id, keywords in any case. Ids that ARM or our own status
     * wrote are parsed with this: ARM already judged them, and refusing one we stored would wedge a
     * pairing.
     */
    private static final Pattern ANY_PROVIDER_ID =
            Pattern.compile(
                    "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/(Microsoft\\.ServiceBus|Microsoft\\.EventHub)/namespaces/([^/]+)$",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern GUID =
            Pattern.compile(
                    "^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$");
    private static final Pattern RESOURCE_GROUP_CHARS = Pattern.compile("^[A-Za-z0-9_().-]+$");
    private static final int RESOURCE_GROUP_MAX_LENGTH = 90;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$");

    public NamespaceRef {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provider, "provider");
    }

    /**
     * Parses the shape of a full ARM id (keywords in any case; {@link #id()} then spells them as
     * ARM does); throws {@link IllegalArgumentException} naming the expected shape. Does not judge
     * the segments: use {@link #problem} for ids a user wrote.
     */
    public static NamespaceRef parse(String armId) {
        if (armId == null) {
            throw new IllegalArgumentException("namespace id is missing");
        }
        Matcher m = ANY_PROVIDER_ID.matcher(armId.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + armId + "' is not " + ANY_SHAPE);
        }
        return new NamespaceRef(
                m.group(1),
                m.group(2),
                m.group(4),
                MessagingProvider.ofSegment(m.group(3)).orElseThrow());
    }

    private static final String SHAPE =
            "a namespace ARM id of the form "
                    + "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.ServiceBus/namespaces/{name}";

    private static final String ANY_SHAPE =
            "a namespace ARM id of the form "
                    + "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/"
                    + "{Microsoft.ServiceBus|Microsoft.EventHub}/namespaces/{name}";

    /**
     * What ARM would refuse in an id a user wrote, naming the segment and the rule ({@code
     * subscription "abc" is not a GUID}); empty exactly when {@link #ID_REGEX} matches (ModelTest
     * holds the two to the same rows). Checked in the order of the path, first problem only.
     */
    public static Optional<String> problem(String armId) {
        if (armId == null || armId.isEmpty()) {
            return Optional.of("is required");
        }
        Matcher m = ID.matcher(armId);
        if (!m.matches()) {
            return Optional.of("must be " + SHAPE);
        }
        String sub = m.group(1);
        String rg = m.group(2);
        String name = m.group(3);
        if (!GUID.matcher(sub).matches()) {
            return Optional.of(
                    "subscription \"" + sub + "\" is not a GUID (8-4-4-4-12 hexadecimal digits)");
        }
        if (rg.length() > RESOURCE_GROUP_MAX_LENGTH) {
            return Optional.of(
                    "resource group \""
                            + rg
                            + "\" is longer than "
                            + RESOURCE_GROUP_MAX_LENGTH
                            + " characters");
        }
        if (!RESOURCE_GROUP_CHARS.matcher(rg).matches()) {
            return Optional.of(
                    "resource group \""
                            + rg
                            + "\" may only contain letters, digits, '_', '-', '.', '(' and ')'");
        }
        if (rg.endsWith(".")) {
            return Optional.of("resource group \"" + rg + "\" must not end with a period");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(
                    "namespace name \""
                            + name
                            + "\" must be 6-50 letters, digits or hyphens, start with a letter and"
                            + " end with a letter or digit");
        }
        return Optional.empty();
    }

    /** True when {@code armId} has the shape of a namespace id (see {@link #parse}). */
    public static boolean isValidId(String armId) {
        return armId != null && ANY_PROVIDER_ID.matcher(armId.trim()).matches();
    }

    public String id() {
        return "/subscriptions/"
                + subscriptionId
                + "/resourceGroups/"
                + resourceGroup
                + "/providers/"
                + provider.segment()
                + "/namespaces/"
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
