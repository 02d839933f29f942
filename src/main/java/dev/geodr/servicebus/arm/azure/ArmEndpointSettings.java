package dev.geodr.servicebus.arm.azure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the adapter reaches ARM. Build it with {@link #builder()}; every setting has a
 * default.
 *
 * @param cloud AzureCloud (default), AzureChinaCloud or AzureUSGovernment; picks the default ARM
 *     endpoint, AAD authority host and token scope
 * @param armEndpoint overrides the cloud's ARM endpoint (the simulator, Azure Stack); must be https
 *     because the SDK's bearer-token policy refuses anything else
 * @param authorityHost overrides the cloud's Azure AD authority host
 * @param trustedCertificatePem a PEM file with the certificate(s) to trust for ARM calls, instead
 *     of the JVM's trust store (the simulator's self-signed certificate); Azure AD calls keep the
 *     JVM trust store
 * @param simulatorMode every identity gets a static fake bearer token (the simulator accepts any
 *     token); requires {@code armEndpoint} so a fake token is never sent to real Azure
 * @param tenantId the tenant of the operator's own identity; empty = whatever
 *     DefaultAzureCredential finds (AZURE_TENANT_ID)
 * @param connectTimeout TCP/TLS connect timeout for ARM calls
 * @param responseTimeout how long to wait for ARM's response headers
 * @param rateLimits the client-side per-subscription budget
 * @param proxy the forward proxy for ARM and Azure AD calls (see {@link ArmProxy#fromEnvironment});
 *     empty = direct
 * @param metricsEndpoint where Azure Monitor metrics are read (Geo-Replication lag); empty = the
 *     ARM endpoint, which serves {@code Microsoft.Insights/metrics} under every resource id. Must
 *     be https: the ARM bearer token goes there
 * @param userAgent the product token put in front of the SDK's User-Agent on every ARM call, naming
 *     the operator and its cluster (see {@link #userAgentFor})
 */
public record ArmEndpointSettings(
        String cloud,
        Optional<URI> armEndpoint,
        Optional<URI> authorityHost,
        Optional<Path> trustedCertificatePem,
        boolean simulatorMode,
        Optional<String> tenantId,
        Duration connectTimeout,
        Duration responseTimeout,
        RateLimitSettings rateLimits,
        Optional<ArmProxy> proxy,
        Optional<URI> metricsEndpoint,
        String userAgent) {

    public static final String AZURE_CLOUD = "AzureCloud";
    public static final String AZURE_CHINA_CLOUD = "AzureChinaCloud";
    public static final String AZURE_US_GOVERNMENT = "AzureUSGovernment";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    public static final String PRODUCT = "servicebus-geodr-operator";

    public ArmEndpointSettings {
        cloud = canonicalCloud(cloud);
        Objects.requireNonNull(armEndpoint, "armEndpoint");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(trustedCertificatePem, "trustedCertificatePem");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(metricsEndpoint, "metricsEndpoint");
        if (userAgent == null || userAgent.isBlank()) {
            userAgent = PRODUCT;
        }
        metricsEndpoint.ifPresent(u -> requireHttps(u, "metrics endpoint"));
        armEndpoint.ifPresent(u -> requireHttps(u, "ARM endpoint"));
        authorityHost.ifPresent(u -> requireHttps(u, "authority host"));
        if (simulatorMode && armEndpoint.isEmpty()) {
            throw new IllegalArgumentException(
                    "simulator mode needs an explicit ARM endpoint (the simulator's https URL); refusing to send fake tokens to Azure");
        }
        if (connectTimeout.isNegative()
                || connectTimeout.isZero()
                || responseTimeout.isNegative()
                || responseTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Azure public cloud, DefaultAzureCredential, default timeouts and rate limits. */
    public static ArmEndpointSettings defaults() {
        return builder().build();
    }

    /** The simulator at {@code baseUri}, trusting its self-signed certificate, with fake tokens. */
    public static ArmEndpointSettings forSimulator(URI baseUri, Path certificatePem) {
        return builder()
                .armEndpoint(baseUri)
                .trustedCertificatePem(certificatePem)
                .simulatorMode(true)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code servicebus-geodr-operator/0.1.0 (cluster east)}: the operator, its version and, when
     * {@code geodr.cluster-name} is set, its cluster.
     */
    public static String userAgentFor(String version, Optional<String> cluster) {
        String product = version == null || version.isBlank() ? PRODUCT : PRODUCT + "/" + version;
        return cluster.map(c -> product + " (cluster " + c + ")").orElse(product);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.cloud = cloud;
        b.armEndpoint = armEndpoint.orElse(null);
        b.authorityHost = authorityHost.orElse(null);
        b.trustedCertificatePem = trustedCertificatePem.orElse(null);
        b.simulatorMode = simulatorMode;
        b.tenantId = tenantId.orElse(null);
        b.connectTimeout = connectTimeout;
        b.responseTimeout = responseTimeout;
        b.rateLimits = rateLimits;
        b.proxy = proxy.orElse(null);
        b.metricsEndpoint = metricsEndpoint.orElse(null);
        b.userAgent = userAgent;
        return b;
    }

    /** The ARM endpoint actually used: the override or the cloud's, always ending with '/'. */
    public URI resolvedArmEndpoint() {
        URI uri =
                armEndpoint.orElseGet(
                        () ->
                                URI.create(
                                        switch (cloud) {
                                            case AZURE_CHINA_CLOUD ->
                                                    "https://management.chinacloudapi.cn/";
                                            case AZURE_US_GOVERNMENT ->
                                                    "https://management.usgovcloudapi.net/";
                                            default -> "https://management.azure.com/";
                                        }));
        String s = uri.toString();
        return s.endsWith("/") ? uri : URI.create(s + "/");
    }

    /** The metrics endpoint actually used: the override or the ARM endpoint, ending with '/'. */
    public URI resolvedMetricsEndpoint() {
        if (metricsEndpoint.isEmpty()) {
            return resolvedArmEndpoint();
        }
        String s = metricsEndpoint.get().toString();
        return s.endsWith("/") ? metricsEndpoint.get() : URI.create(s + "/");
    }

    /** The Azure AD authority host actually used: the override or the cloud's. */
    public URI resolvedAuthorityHost() {
        return authorityHost.orElseGet(
                () ->
                        URI.create(
                                switch (cloud) {
                                    case AZURE_CHINA_CLOUD -> "https://login.chinacloudapi.cn/";
                                    case AZURE_US_GOVERNMENT -> "https://login.microsoftonline.us/";
                                    default -> "https://login.microsoftonline.com/";
                                }));
    }

    private static void requireHttps(URI uri, String what) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    what
                            + " must be an https URL (the Azure SDK sends bearer tokens "
                            + "only over https), got '"
                            + uri
                            + "'");
        }
    }

    static String canonicalCloud(String name) {
        if (name == null || name.isBlank()) {
            return AZURE_CLOUD;
        }
        return switch (name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "azurecloud", "azurepubliccloud", "azure", "public" -> AZURE_CLOUD;
            case "azurechinacloud", "azurechina", "china" -> AZURE_CHINA_CLOUD;
            case "azureusgovernment",
                    "azureusgovernmentcloud",
                    "azureusgov",
                    "usgov",
                    "usgovernment" ->
                    AZURE_US_GOVERNMENT;
            default ->
                    throw new IllegalArgumentException(
                            "unknown Azure cloud '"
                                    + name
                                    + "'; expected one of "
                                    + AZURE_CLOUD
                                    + ", "
                                    + AZURE_CHINA_CLOUD
                                    + ", "
                                    + AZURE_US_GOVERNMENT);
        };
    }

    public static final class Builder {
        private String cloud = AZURE_CLOUD;
        private URI armEndpoint;
        private URI authorityHost;
        private Path trustedCertificatePem;
        private boolean simulatorMode;
        private String tenantId;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private RateLimitSettings rateLimits = RateLimitSettings.defaults();
        private ArmProxy proxy;
        private URI metricsEndpoint;
        private String userAgent = PRODUCT;

        private Builder() {}

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder metricsEndpoint(URI metricsEndpoint) {
            this.metricsEndpoint = metricsEndpoint;
            return this;
        }

        public Builder cloud(String cloud) {
            this.cloud = cloud;
            return this;
        }

        public Builder armEndpoint(URI armEndpoint) {
            this.armEndpoint = armEndpoint;
            return this;
        }

        public Builder authorityHost(URI authorityHost) {
            this.authorityHost = authorityHost;
            return this;
        }

        public Builder trustedCertificatePem(Path pem) {
            this.trustedCertificatePem = pem;
            return this;
        }

        public Builder simulatorMode(boolean simulatorMode) {
            this.simulatorMode = simulatorMode;
            return this;
        }

        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId == null || tenantId.isBlank() ? null : tenantId;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = responseTimeout;
            return this;
        }

        public Builder rateLimits(RateLimitSettings rateLimits) {
            this.rateLimits = rateLimits;
            return this;
        }

        public Builder proxy(ArmProxy proxy) {
            this.proxy = proxy;
            return this;
        }

        public ArmEndpointSettings build() {
            return new ArmEndpointSettings(
                    cloud,
                    Optional.ofNullable(armEndpoint),
                    Optional.ofNullable(authorityHost),
                    Optional.ofNullable(trustedCertificatePem),
                    simulatorMode,
                    Optional.ofNullable(tenantId),
                    connectTimeout,
                    responseTimeout,
                    rateLimits,
                    Optional.ofNullable(proxy),
                    Optional.ofNullable(metricsEndpoint),
                    userAgent);
        }
    }
}
