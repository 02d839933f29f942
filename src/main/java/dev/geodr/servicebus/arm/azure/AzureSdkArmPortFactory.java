package dev.geodr.servicebus.arm.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.HttpLogDetailLevel;
import com.azure.core.http.policy.HttpLogOptions;
import com.azure.core.http.vertx.VertxHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.servicebus.ServiceBusManager;
import com.azure.resourcemanager.servicebus.fluent.ServiceBusManagementClient;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link AzureSdkArmPort}s on the Azure SDK over Vert.x (never Netty), with one {@link
 * ServiceBusManager} per (identity, subscription), one client-side rate limiter shared by all of
 * them, and the SDK's own retries replaced by {@link ReadConnectRetryPolicy}.
 */
public final class AzureSdkArmPortFactory implements ArmPortFactory {

    /** Pause before the single retry of a GET whose connection could not be established. */
    static final Duration CONNECT_RETRY_DELAY = Duration.ofMillis(200);

    private static final int MAX_CACHED_IDENTITIES = 64;

    private final ArmEndpointSettings settings;
    private final HttpClient armHttpClient;
    private final ArmCredentials credentials;
    private final ArmCallListener listener;
    private final SubscriptionRateLimiter rateLimiter;
    private final ArmErrorClassifier classifier;
    private final AzureEnvironment environment;
    private final Clock clock;
    private final Clock metricsClock;
    private final Map<ArmIdentity, AzureSdkArmPort> ports =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(
                        Map.Entry<ArmIdentity, AzureSdkArmPort> eldest) {
                    // rotated per-CR secrets create new identities; forget the oldest ones
                    return size() > MAX_CACHED_IDENTITIES;
                }
            };

    /** The operator's factory: Vert.x from Quarkus, no metrics listener. */
    public AzureSdkArmPortFactory(Vertx vertx, ArmEndpointSettings settings) {
        this(vertx, settings, ArmCallListener.NONE, Clock.systemUTC());
    }

    public AzureSdkArmPortFactory(
            Vertx vertx, ArmEndpointSettings settings, ArmCallListener listener) {
        this(vertx, settings, listener, Clock.systemUTC());
    }

    /**
     * @param vertx the Vert.x instance whose HTTP client carries every ARM and Azure AD call
     * @param listener told about every ARM request (metrics)
     * @param clock drives the rate limiter and Retry-After dates
     */
    public AzureSdkArmPortFactory(
            Vertx vertx, ArmEndpointSettings settings, ArmCallListener listener, Clock clock) {
        this(vertx, settings, listener, clock, clock);
    }

    /**
     * @param metricsClock "now" for the replication lag's metrics window: Azure's time, which is
     *     this machine's, except with an embedded simulator whose clock runs apart from it
     */
    public AzureSdkArmPortFactory(
            Vertx vertx,
            ArmEndpointSettings settings,
            ArmCallListener listener,
            Clock clock,
            Clock metricsClock) {
        this(
                armHttpClient(Objects.requireNonNull(vertx, "vertx"), settings),
                identityHttpClient(vertx, settings),
                settings,
                listener,
                clock,
                metricsClock);
    }

    /** For tests: any azure-core HTTP client (e.g. an in-memory fake) instead of Vert.x. */
    AzureSdkArmPortFactory(
            HttpClient armHttpClient,
            HttpClient identityHttpClient,
            ArmEndpointSettings settings,
            ArmCallListener listener,
            Clock clock) {
        this(armHttpClient, identityHttpClient, settings, listener, clock, clock);
    }

    private AzureSdkArmPortFactory(
            HttpClient armHttpClient,
            HttpClient identityHttpClient,
            ArmEndpointSettings settings,
            ArmCallListener listener,
            Clock clock,
            Clock metricsClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.armHttpClient = Objects.requireNonNull(armHttpClient, "armHttpClient");
        this.listener = listener == null ? ArmCallListener.NONE : listener;
        this.rateLimiter = new SubscriptionRateLimiter(settings.rateLimits(), clock);
        this.classifier =
                new ArmErrorClassifier(clock, settings.rateLimits().throttleWithoutRetryAfter());
        this.credentials = new ArmCredentials(settings, identityHttpClient);
        this.environment = environment(settings);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metricsClock = Objects.requireNonNull(metricsClock, "metricsClock");
    }

    @Override
    public ArmGeoDrPort forIdentity(ArmIdentity identity, CallPriority priority) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(priority, "priority");
        synchronized (ports) {
            AzureSdkArmPort port = ports.get(identity);
            if (port == null) {
                port = newPort(identity);
                ports.put(identity, port);
            }
            return port.withPriority(priority);
        }
    }

    /**
     * A Geo-Replication port for {@code identity}: the same per-subscription SDK pipelines as
     * {@link #forIdentity} (credential, limiter, listener, proxy, TLS trust, no retries), so both
     * kinds draw from one budget per subscription.
     */
    @Override
    public GeoReplicationPort geoReplication(ArmIdentity identity, CallPriority priority) {
        AzureSdkArmPort port = (AzureSdkArmPort) forIdentity(identity, priority);
        return new AzureSdkGeoReplicationPort(
                port.clients(),
                classifier,
                priority,
                settings.resolvedArmEndpoint(),
                settings.resolvedMetricsEndpoint(),
                metricsClock);
    }

    /** The limiter shared by every port of this factory (e.g. to show a paused subscription). */
    public SubscriptionRateLimiter rateLimiter() {
        return rateLimiter;
    }

    public ArmEndpointSettings settings() {
        return settings;
    }

    private AzureSdkArmPort newPort(ArmIdentity identity) {
        TokenCredential credential = credentials.resolve(identity);
        String tenant =
                identity instanceof ArmIdentity.ServicePrincipal sp
                        ? sp.tenantId()
                        : settings.tenantId().orElse(null);
        Map<String, ServiceBusManagementClient> bySubscription = new ConcurrentHashMap<>();
        return new AzureSdkArmPort(
                subscription ->
                        bySubscription.computeIfAbsent(
                                subscription.toLowerCase(Locale.ROOT),
                                s -> manager(credential, tenant, subscription).serviceClient()),
                classifier);
    }

    private ServiceBusManager manager(
            TokenCredential credential, String tenant, String subscription) {
        return ServiceBusManager.configure()
                .withHttpClient(armHttpClient)
                // explicit NONE: azure-core would otherwise honour AZURE_HTTP_LOG_DETAIL_LEVEL and
                // could log listKeys bodies
                .withLogOptions(new HttpLogOptions().setLogLevel(HttpLogDetailLevel.NONE))
                .withRetryPolicy(new ReadConnectRetryPolicy.NoRetryPolicy())
                .withPolicy(new ArmCallPolicy(subscription, rateLimiter, listener, classifier))
                .withPolicy(new ReadConnectRetryPolicy(CONNECT_RETRY_DELAY))
                .withPolicy(new OperatorUserAgentPolicy(settings.userAgent()))
                .authenticate(credential, new AzureProfile(tenant, subscription, environment));
    }

    static AzureEnvironment environment(ArmEndpointSettings settings) {
        AzureEnvironment cloud =
                switch (settings.cloud()) {
                    case ArmEndpointSettings.AZURE_CHINA_CLOUD -> AzureEnvironment.AZURE_CHINA;
                    case ArmEndpointSettings.AZURE_US_GOVERNMENT ->
                            AzureEnvironment.AZURE_US_GOVERNMENT;
                    default -> AzureEnvironment.AZURE;
                };
        if (settings.armEndpoint().isEmpty()) {
            return cloud;
        }
        // a copied map: the SDK's AzureEnvironment constants are shared and must not be mutated
        Map<String, String> endpoints = new HashMap<>(cloud.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", settings.resolvedArmEndpoint().toString());
        return new AzureEnvironment(endpoints);
    }

    private static HttpClient armHttpClient(Vertx vertx, ArmEndpointSettings settings) {
        return new VertxHttpClientBuilder()
                .vertx(vertx)
                .httpClientOptions(armClientOptions(settings))
                .responseTimeout(settings.responseTimeout())
                .build();
    }

    /** The ARM client's options: the base ones, a pool sized for the budget, the PEM trust. */
    static HttpClientOptions armClientOptions(ArmEndpointSettings settings) {
        HttpClientOptions options =
                baseOptions(settings).setMaxPoolSize(settings.rateLimits().connectionPoolSize());
        settings.trustedCertificatePem()
                .ifPresent(
                        pem -> {
                            if (!Files.isReadable(pem)) {
                                throw new IllegalArgumentException(
                                        "trusted certificate file is not readable: " + pem);
                            }
                            options.setTrustOptions(
                                    new PemTrustOptions().addCertPath(pem.toString()));
                        });
        return options;
    }

    private static HttpClient identityHttpClient(Vertx vertx, ArmEndpointSettings settings) {
        return new VertxHttpClientBuilder()
                .vertx(vertx)
                .httpClientOptions(baseOptions(settings))
                .responseTimeout(settings.responseTimeout())
                .build();
    }

    private static HttpClientOptions baseOptions(ArmEndpointSettings settings) {
        // VertxHttpClientBuilder ignores its own timeout and proxy setters once options are given,
        // so set them here
        int idleSeconds = (int) Math.max(1, settings.responseTimeout().toSeconds());
        HttpClientOptions options =
                new HttpClientOptions()
                        .setConnectTimeout((int) settings.connectTimeout().toMillis())
                        .setReadIdleTimeout(idleSeconds)
                        .setWriteIdleTimeout(idleSeconds)
                        .setVerifyHost(true);
        settings.proxy()
                .ifPresent(
                        proxy -> {
                            ProxyOptions vertxProxy =
                                    new ProxyOptions()
                                            .setHost(proxy.host())
                                            .setPort(proxy.port())
                                            .setType(
                                                    proxy.type() == ArmProxy.Type.SOCKS5
                                                            ? ProxyType.SOCKS5
                                                            : ProxyType.HTTP);
                            proxy.username().ifPresent(vertxProxy::setUsername);
                            proxy.password().ifPresent(vertxProxy::setPassword);
                            options.setProxyOptions(vertxProxy).setNonProxyHosts(proxy.bypass());
                        });
        return options;
    }
}
