package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.azure.resourcemanager.servicebus.fluent.ServiceBusManagementClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.arm.AcceptedOperation;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.GeoNamespace;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import dev.geodr.servicebus.arm.LagReading;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.OperationStatus;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.arm.ReplicaRole;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one adapter of {@link GeoReplicationPort}. The released {@code
 * azure-resourcemanager-servicebus} (api-version 2021-11-01) has neither {@code geoDataReplication}
 * nor the namespace failover, so every call is a plain REST request at {@link #API_VERSION} sent
 * through the SDK's own {@code HttpPipeline} of the subscription: the same bearer-token policy,
 * client-side limiter and priority ({@link ArmCallPolicy}), call listener, proxy, TLS trust and
 * (absence of) retries as the Geo-DR adapter. Obtain it from {@link
 * AzureSdkArmPortFactory#geoReplication}.
 *
 * <p>Nothing is logged: requests carry a bearer token, and bodies are never echoed.
 */
final class AzureSdkGeoReplicationPort implements GeoReplicationPort {

    /** The first stable Service Bus api-version with {@code geoDataReplication} and failover. */
    static final String API_VERSION = "2026-01-01";

    /** Azure Monitor's metrics api-version (the one azure-monitor-query sends). */
    static final String METRICS_API_VERSION = "2018-01-01";

    static final String LAG_METRIC = "ReplicationLagDuration";

    /** How far back {@link #replicationLag} looks for the newest data point. */
    static final Duration LAG_WINDOW = Duration.ofMinutes(5);

    /** Code of a refused operation URL (nothing sent). */
    static final String CODE_UNTRUSTED_URL = "UntrustedOperationUrl";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUBSCRIPTION_IN_PATH =
            Pattern.compile("^/subscriptions/([^/]+)/", Pattern.CASE_INSENSITIVE);
    private static final HttpHeaderName AZURE_ASYNC_OPERATION =
            HttpHeaderName.fromString("Azure-AsyncOperation");

    private final Function<String, ServiceBusManagementClient> clients;
    private final ArmErrorClassifier classifier;
    private final CallPriority priority;
    private final URI armEndpoint;
    private final URI metricsEndpoint;
    private final Clock clock;

    AzureSdkGeoReplicationPort(
            Function<String, ServiceBusManagementClient> clients,
            ArmErrorClassifier classifier,
            CallPriority priority,
            URI armEndpoint,
            URI metricsEndpoint,
            Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.priority = Objects.requireNonNull(priority, "priority");
        this.armEndpoint = Objects.requireNonNull(armEndpoint, "armEndpoint");
        this.metricsEndpoint = Objects.requireNonNull(metricsEndpoint, "metricsEndpoint");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- the port -------------------------------------------------------------------------------

    @Override
    public GeoNamespace getNamespace(NamespaceRef ns) {
        return toNamespace(ns, readNamespace(ns));
    }

    @Override
    public AcceptedOperation setReplicas(
            NamespaceRef ns,
            String primaryLocation,
            Optional<String> secondaryLocation,
            long maxReplicationLagSeconds) {
        requireText(primaryLocation, "primaryLocation");
        Objects.requireNonNull(secondaryLocation, "secondaryLocation");
        secondaryLocation.ifPresent(s -> requireText(s, "secondaryLocation"));
        if (maxReplicationLagSeconds < 0) {
            throw new IllegalArgumentException("maxReplicationLagSeconds must not be negative");
        }
        ObjectNode body = readNamespace(ns);
        ObjectNode properties =
                body.get("properties") instanceof ObjectNode p ? p : body.putObject("properties");
        ObjectNode geo = JSON.createObjectNode();
        geo.put("maxReplicationLagDurationInSeconds", maxReplicationLagSeconds);
        ArrayNode locations = geo.putArray("locations");
        locations.addObject().put("locationName", primaryLocation).put("roleType", "Primary");
        secondaryLocation.ifPresent(
                s -> locations.addObject().put("locationName", s).put("roleType", "Secondary"));
        // only geoDataReplication changes; everything else (tags, sku, other tools' properties,
        // read-only fields, which ARM ignores on PUT) goes back as read
        properties.set("geoDataReplication", geo);
        HttpRequest put =
                new HttpRequest(HttpMethod.PUT, namespaceUrl(ns))
                        .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                        .setBody(write(body));
        // the namespace schema has no etag today; should ARM add one, a concurrent writer's change
        // makes this PUT fail (412, CONFLICT) instead of being overwritten
        String etag = body.path("etag").asText("");
        if (!etag.isEmpty()) {
            put.setHeader(HttpHeaderName.IF_MATCH, etag);
        }
        return accepted(send(ns.subscriptionId(), put, "setReplicas", 200, 201, 202));
    }

    @Override
    public AcceptedOperation promote(NamespaceRef ns, String primaryLocation, boolean force) {
        requireText(primaryLocation, "primaryLocation");
        ObjectNode body = JSON.createObjectNode();
        body.putObject("properties").put("primaryLocation", primaryLocation).put("force", force);
        HttpRequest post =
                new HttpRequest(
                                HttpMethod.POST,
                                nsPath(armEndpoint, ns) + "/failover?api-version=" + API_VERSION)
                        .setHeader(HttpHeaderName.CONTENT_TYPE, "application/json")
                        .setBody(write(body));
        return accepted(send(ns.subscriptionId(), post, "promote", 200, 202));
    }

    @Override
    public OperationStatus operationStatus(String asyncOperationUrl) {
        URI url = trustedOperationUrl(asyncOperationUrl);
        Matcher m = SUBSCRIPTION_IN_PATH.matcher(url.getRawPath());
        // trustedOperationUrl already required the subscription segment
        m.find();
        HttpRequest get =
                new HttpRequest(HttpMethod.GET, url.toString())
                        .setHeader(HttpHeaderName.ACCEPT, "application/json");
        Answer answer = send(m.group(1), get, "getOperationStatus", 200);
        JsonNode json = parse(answer.body(), "operation status");
        JsonNode error = json.path("error");
        return new OperationStatus(
                json.path("status").asText(""),
                text(error, "code"),
                text(error, "message").map(ArmMessages::stripVolatile),
                classifier.retryAfter(answer.headers()));
    }

    @Override
    public Optional<LagReading> replicationLag(NamespaceRef ns) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant start = end.minus(LAG_WINDOW);
        String url =
                nsPath(metricsEndpoint, ns)
                        + "/providers/Microsoft.Insights/metrics?api-version="
                        + METRICS_API_VERSION
                        + "&metricnames="
                        + LAG_METRIC
                        + "&aggregation=Maximum&interval=PT1M&timespan="
                        + start
                        + "/"
                        + end
                        + "&%24filter=EntityName%20eq%20%27%2A%27";
        HttpRequest get =
                new HttpRequest(HttpMethod.GET, url)
                        .setHeader(HttpHeaderName.ACCEPT, "application/json");
        Answer answer = send(ns.subscriptionId(), get, "getReplicationLag", 200);
        return worstLag(parse(answer.body(), "metrics"));
    }

    @Override
    public List<String> largeMessageEntities(NamespaceRef ns) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("queues", "topics")) {
            HttpRequest get =
                    new HttpRequest(
                                    HttpMethod.GET,
                                    nsPath(armEndpoint, ns)
                                            + "/"
                                            + kind
                                            + "?api-version="
                                            + API_VERSION)
                            .setHeader(HttpHeaderName.ACCEPT, "application/json");
            String operation = kind.equals("queues") ? "listQueues" : "listTopics";
            JsonNode list = parse(send(ns.subscriptionId(), get, operation, 200).body(), kind);
            for (JsonNode entity : list.path("value")) {
                if (entity.path("properties").path("maxMessageSizeInKilobytes").asLong(0)
                        > MAX_STANDARD_MESSAGE_KB) {
                    out.add(entity.path("name").asText(""));
                }
            }
        }
        return out;
    }

    /** Premium's default maximum message size; more is a "large message" entity. */
    static final long MAX_STANDARD_MESSAGE_KB = 1024;

    // ---- reading ARM's bodies -------------------------------------------------------------------

    private ObjectNode readNamespace(NamespaceRef ns) {
        HttpRequest get =
                new HttpRequest(HttpMethod.GET, namespaceUrl(ns))
                        .setHeader(HttpHeaderName.ACCEPT, "application/json");
        JsonNode json =
                parse(send(ns.subscriptionId(), get, "getGeoNamespace", 200).body(), "namespace");
        if (!(json instanceof ObjectNode object)) {
            throw unreadable("namespace", null);
        }
        return object;
    }

    static GeoNamespace toNamespace(NamespaceRef ns, JsonNode body) {
        JsonNode properties = body.path("properties");
        return new GeoNamespace(
                ns,
                body.path("location").asText(""),
                body.path("sku").path("name").asText(""),
                properties.path("provisioningState").asText(""),
                geoReplication(properties.path("geoDataReplication")),
                properties.path("premiumMessagingPartitions").asInt(0));
    }

    /**
     * {@code geoDataReplication}, present when it lists at least one location. A roleType other
     * than Primary (any case) counts as a secondary: ARM knows only those two.
     */
    static Optional<GeoReplication> geoReplication(JsonNode geo) {
        JsonNode locations = geo.path("locations");
        if (!locations.isArray() || locations.isEmpty()) {
            return Optional.empty();
        }
        List<Replica> replicas = new ArrayList<>();
        for (JsonNode l : locations) {
            String name = l.path("locationName").asText("");
            if (name.isBlank()) {
                continue;
            }
            ReplicaRole role =
                    "primary".equalsIgnoreCase(l.path("roleType").asText(""))
                            ? ReplicaRole.Primary
                            : ReplicaRole.Secondary;
            replicas.add(new Replica(name, role, text(l, "replicaState")));
        }
        if (replicas.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new GeoReplication(
                        geo.path("maxReplicationLagDurationInSeconds").asLong(0), replicas));
    }

    /**
     * The newest data point of each entity's series, and the largest of those. A point without a
     * {@code maximum} (Azure Monitor sends bare time stamps for minutes without data) is skipped.
     */
    static Optional<LagReading> worstLag(JsonNode metrics) {
        LagReading worst = null;
        for (JsonNode metric : metrics.path("value")) {
            if (!LAG_METRIC.equalsIgnoreCase(metric.path("name").path("value").asText(""))) {
                continue;
            }
            for (JsonNode series : metric.path("timeseries")) {
                String entity = "";
                for (JsonNode meta : series.path("metadatavalues")) {
                    if ("entityname".equalsIgnoreCase(meta.path("name").path("value").asText(""))) {
                        entity = meta.path("value").asText("");
                    }
                }
                LagReading newest = null;
                for (JsonNode point : series.path("data")) {
                    JsonNode max = point.path("maximum");
                    if (!max.isNumber()) {
                        continue;
                    }
                    Instant at;
                    try {
                        at = Instant.parse(point.path("timeStamp").asText(""));
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (newest == null || !at.isBefore(newest.asOf())) {
                        newest =
                                new LagReading(
                                        Duration.ofMillis(Math.round(max.asDouble() * 1000)),
                                        entity,
                                        at);
                    }
                }
                if (newest != null
                        && (worst == null || newest.worst().compareTo(worst.worst()) > 0)) {
                    worst = newest;
                }
            }
        }
        return Optional.ofNullable(worst);
    }

    private AcceptedOperation accepted(Answer answer) {
        String async = answer.headers().getValue(AZURE_ASYNC_OPERATION);
        if (async == null || async.isBlank()) {
            async = answer.headers().getValue(HttpHeaderName.LOCATION);
        }
        return new AcceptedOperation(
                Optional.ofNullable(async).filter(s -> !s.isBlank()).map(String::trim),
                classifier.retryAfter(answer.headers()));
    }

    // ---- the URL check --------------------------------------------------------------------------

    /**
     * The operation URL, if it points at the configured ARM endpoint (same scheme, host and port,
     * no user info) under a subscription; otherwise FATAL without sending anything.
     */
    URI trustedOperationUrl(String url) {
        if (url == null || url.isBlank()) {
            throw untrusted("the operation URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw untrusted("the operation URL is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw untrusted("the operation URL is not an absolute URL with a host");
        }
        if (!armEndpoint.getScheme().equalsIgnoreCase(uri.getScheme())) {
            throw untrusted(
                    "the operation URL's scheme '"
                            + uri.getScheme()
                            + "' is not the ARM endpoint's '"
                            + armEndpoint.getScheme()
                            + "'");
        }
        if (!armEndpoint.getHost().equalsIgnoreCase(uri.getHost())) {
            throw untrusted(
                    "the operation URL's host '"
                            + uri.getHost()
                            + "' is not the ARM endpoint's '"
                            + armEndpoint.getHost()
                            + "'");
        }
        if (port(uri) != port(armEndpoint)) {
            throw untrusted(
                    "the operation URL's port "
                            + port(uri)
                            + " is not the ARM endpoint's "
                            + port(armEndpoint));
        }
        if (uri.getRawUserInfo() != null) {
            throw untrusted("the operation URL carries user information");
        }
        if (uri.getRawPath() == null || !SUBSCRIPTION_IN_PATH.matcher(uri.getRawPath()).find()) {
            throw untrusted("the operation URL's path does not start with /subscriptions/{id}/");
        }
        return uri;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static ArmException untrusted(String problem) {
        return new ArmException(
                ArmErrorKind.FATAL,
                0,
                CODE_UNTRUSTED_URL,
                "Request not sent: "
                        + problem
                        + "; the operator sends its ARM token only to the configured ARM endpoint.",
                null,
                null);
    }

    // ---- sending --------------------------------------------------------------------------------

    private record Answer(int status, HttpHeaders headers, String body) {}

    /**
     * One request through the subscription's SDK pipeline; a status outside {@code expected} is
     * classified (404 NOT_FOUND, 429 THROTTLED with Retry-After, 403 FATAL, ...).
     */
    private Answer send(
            String subscriptionId, HttpRequest request, String operation, int... expected) {
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException(
                    "the ARM port blocks; do not call it from a Vert.x event-loop thread");
        }
        Context context =
                new Context(ArmCallPolicy.OPERATION_KEY, operation)
                        .addData(ArmCallPolicy.PRIORITY_KEY, priority);
        try (HttpResponse response =
                clients.apply(subscriptionId).getHttpPipeline().send(request, context).block()) {
            String body =
                    response.getBodyAsBinaryData() == null
                            ? ""
                            : response.getBodyAsBinaryData().toString();
            int status = response.getStatusCode();
            for (int ok : expected) {
                if (status == ok) {
                    return new Answer(status, response.getHeaders(), body == null ? "" : body);
                }
            }
            throw classifier.fromStatus(status, response.getHeaders(), body, null);
        } catch (ArmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classifier.classify(e);
        }
    }

    private static JsonNode parse(String body, String what) {
        try {
            JsonNode node = JSON.readTree(body == null ? "" : body);
            if (node == null || node.isMissingNode() || !node.isObject()) {
                throw unreadable(what, null);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw unreadable(what, e);
        }
    }

    private static ArmException unreadable(String what, Throwable cause) {
        return new ArmException(
                ArmErrorKind.TRANSIENT,
                0,
                ArmErrorClassifier.CODE_CONNECTION_FAILED,
                "ARM sent an unreadable " + what + " body",
                null,
                cause);
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String namespaceUrl(NamespaceRef ns) {
        return nsPath(armEndpoint, ns) + "?api-version=" + API_VERSION;
    }

    private static String nsPath(URI endpoint, NamespaceRef ns) {
        AzureSdkArmPort.requireServiceBus(ns);
        String base = endpoint.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base
                + "/subscriptions/"
                + segment(ns.subscriptionId())
                + "/resourceGroups/"
                + segment(ns.resourceGroup())
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + segment(ns.name());
    }

    private static String segment(String value) {
        try {
            return new URI(null, null, "/" + value, null).getRawPath().substring(1);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not usable in an ARM path: " + value, e);
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.asText("").isBlank()
                ? Optional.of(v.asText())
                : Optional.empty();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    @Override
    public String toString() {
        return "AzureSdkGeoReplicationPort[" + armEndpoint + ", " + priority + "]";
    }
}
