package dev.geodr.servicebus.api.v1alpha1;

/**
 * The regular expressions and lengths written into the CRD. They are compile-time constants because
 * annotations need them; tests check them against examples and against the ARM port's own patterns,
 * which this package may not import.
 */
public final class FieldPatterns {

    /**
     * Geo-DR alias name: 1–50 chars, starts with a letter, ends with a letter or digit, hyphens
     * inside.
     */
    public static final String ALIAS = "^[A-Za-z]([A-Za-z0-9-]{0,48}[A-Za-z0-9])?$";

    public static final int ALIAS_MAX_LENGTH = 50;

    /**
     * Full ARM id of a Service Bus namespace. Same text as {@code
     * dev.geodr.servicebus.arm.NamespaceRef.ID_REGEX} (a test keeps them equal).
     */
    public static final String NAMESPACE_ID =
            "^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.ServiceBus/namespaces/[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    /**
     * Far above the longest valid id (about 250 chars with a 90-char resource group); bounded so
     * that the API server's CEL cost estimate for the rules that read these fields stays small.
     */
    public static final int NAMESPACE_ID_MAX_LENGTH = 512;

    /** A Service Bus namespace name, the last segment of {@link #NAMESPACE_ID}: 6–50 chars. */
    public static final String NAMESPACE_NAME = "^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    public static final int NAMESPACE_NAME_MAX_LENGTH = 50;

    /** A Kubernetes Secret name (DNS-1123 subdomain). */
    public static final String SECRET_NAME =
            "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    public static final int SECRET_NAME_MAX_LENGTH = 253;

    /**
     * A Service Bus shared access authorization rule name: letters, digits, periods, hyphens,
     * underscores.
     */
    public static final String AUTHORIZATION_RULE = "^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$";

    public static final int AUTHORIZATION_RULE_MAX_LENGTH = 256;

    private FieldPatterns() {}
}
