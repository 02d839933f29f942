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
     * Full ARM id of a Service Bus namespace, judged as ARM judges it. Same text as {@code
     * dev.geodr.servicebus.arm.NamespaceRef.ID_REGEX} (a test keeps them equal).
     *
     * <ul>
     *   <li>The keywords {@code subscriptions}, {@code resourceGroups}, {@code providers}, {@code
     *       Microsoft.ServiceBus} and {@code namespaces} match in any case, as ARM's do. Spelled as
     *       {@code [sS][uU]...} classes because the API server's {@code pattern} engine (Go RE2 /
     *       ECMA-262) has no portable case-insensitive flag.
     *   <li>Subscription: a GUID (8-4-4-4-12 hex digits, any case).
     *   <li>Resource group: 1-90 of letters, digits, {@code _ - . ( )}, not ending with a period.
     *       ARM also allows Unicode letters; only ASCII is accepted here.
     *   <li>Namespace name: {@link #NAMESPACE_NAME}.
     * </ul>
     */
    public static final String NAMESPACE_ID =
            "^/[sS][uU][bB][sS][cC][rR][iI][pP][tT][iI][oO][nN][sS]"
                    + "/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
                    + "/[rR][eE][sS][oO][uU][rR][cC][eE][gG][rR][oO][uU][pP][sS]"
                    + "/[A-Za-z0-9_().-]{0,89}[A-Za-z0-9_()-]"
                    + "/[pP][rR][oO][vV][iI][dD][eE][rR][sS]"
                    + "/[mM][iI][cC][rR][oO][sS][oO][fF][tT]\\.[sS][eE][rR][vV][iI][cC][eE][bB][uU][sS]"
                    + "/[nN][aA][mM][eE][sS][pP][aA][cC][eE][sS]"
                    + "/[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    /**
     * Far above the longest valid id (about 250 chars with a 90-char resource group); bounded so
     * that the API server's CEL cost estimate for the rules that read these fields stays small.
     */
    public static final int NAMESPACE_ID_MAX_LENGTH = 512;

    /** A Service Bus namespace name, the last segment of {@link #NAMESPACE_ID}: 6–50 chars. */
    public static final String NAMESPACE_NAME = "^[A-Za-z][A-Za-z0-9-]{4,48}[A-Za-z0-9]$";

    public static final int NAMESPACE_NAME_MAX_LENGTH = 50;

    /**
     * A cluster's name as {@code spec.writerCluster} and the operator setting {@code
     * geodr.cluster-name} give it: a lowercase DNS label (1-63 letters, digits, hyphens).
     */
    public static final String CLUSTER_NAME = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$";

    public static final int CLUSTER_NAME_MAX_LENGTH = 63;

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

    /**
     * An Azure region as ARM writes it, in either spelling ("westeurope", "West Europe"): letters,
     * digits and single spaces, 2-64 characters, starting with a letter.
     */
    public static final String LOCATION = "^[A-Za-z][A-Za-z0-9]*( [A-Za-z0-9]+)*$";

    public static final int LOCATION_MAX_LENGTH = 64;
}
