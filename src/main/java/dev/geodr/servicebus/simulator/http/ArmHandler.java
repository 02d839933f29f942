package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.clock.SimulatorClock;
import dev.geodr.servicebus.simulator.render.Json;
import dev.geodr.servicebus.simulator.state.AliasReads;
import dev.geodr.servicebus.simulator.state.AliasStateMachine;
import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.ArmResult;
import dev.geodr.servicebus.simulator.state.ErrorTemplates;
import dev.geodr.servicebus.simulator.state.GeoReplication;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The ARM side of the server: authentication (strict mode), throttling, api-version, routing,
 * faults, then the state machine. Every answer gets the standard ARM headers and lands in the call
 * log.
 */
public final class ArmHandler {

    private static final Logger LOG = Logger.getLogger(ArmHandler.class);
    private static final Pattern GUID =
            Pattern.compile("^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$");
    static final String SERVER = "Service-Bus-Resource-Provider/simulator";

    private final ArmDispatch dispatch;
    private final GeoReplication geo;
    private final Faults faults;
    private final ThrottleBuckets buckets;
    private final CallLog calls;
    private final SimulatorClock clock;
    private final boolean strictAuth;

    public ArmHandler(
            AliasStateMachine machine,
            AliasReads reads,
            GeoReplication geo,
            Faults faults,
            ThrottleBuckets buckets,
            CallLog calls,
            SimulatorClock clock,
            boolean strictAuth) {
        this.dispatch = new ArmDispatch(machine, reads, geo);
        this.geo = geo;
        this.faults = faults;
        this.buckets = buckets;
        this.calls = calls;
        this.clock = clock;
        this.strictAuth = strictAuth;
    }

    public SimResponse handle(SimRequest r) {
        String clientCorrelation = r.header("x-ms-correlation-request-id");
        String correlation =
                clientCorrelation != null && GUID.matcher(clientCorrelation).matches()
                        ? clientCorrelation
                        : UUID.randomUUID().toString();
        ArmRoute route;
        try {
            route = ArmRoute.parse(r.rawPath());
        } catch (ArmRoute.BadPathException e) {
            route = null;
        }
        String operation = route == null ? "unknown" : route.operation(r.method());
        String apiVersion = safeQuery(r, "api-version");
        SimResponse resp;
        try {
            resp =
                    route == null
                            ? SimResponse.error(
                                    ArmError.gateway(
                                            400,
                                            "InvalidRequestUri",
                                            ErrorTemplates.SIM
                                                    + "The request URI is not valid percent-encoding."),
                                    correlation)
                            : process(r, route, operation, correlation);
        } catch (RuntimeException e) {
            // A bug must not take the server down or leak a stack trace; it is logged here instead.
            LOG.errorf(e, "unexpected failure handling %s %s", r.method(), r.rawPath());
            resp =
                    SimResponse.error(
                            ArmError.gateway(
                                    500,
                                    "InternalServerError",
                                    ErrorTemplates.SIM + "Internal error; see the simulator log."),
                            correlation);
        }
        resp.header("x-ms-request-id", UUID.randomUUID().toString());
        resp.header("x-ms-correlation-request-id", correlation);
        resp.header("Cache-Control", "no-cache");
        resp.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        if (!resp.headers.containsKey("x-ms-failure-cause")) {
            resp.header("Server", SERVER);
        }
        calls.add(
                r.method(),
                r.rawPath(),
                operation,
                apiVersion,
                resp.status,
                clock.nowMillis(),
                r.header("User-Agent"));
        return resp;
    }

    private SimResponse process(
            SimRequest r, ArmRoute route, String operation, String correlation) {
        ArmError authError = strictAuth ? checkBearer(r.header("Authorization")) : null;
        if (authError != null) {
            return SimResponse.error(authError, correlation)
                    .header(
                            "WWW-Authenticate",
                            "Bearer authorization_uri=\"https://login.microsoftonline.com/common\", error=\"invalid_token\", "
                                    + "error_description=\"The authentication failed because of missing 'Authorization' header.\"");
        }
        ThrottleBuckets.Kind kind = ThrottleBuckets.Kind.of(r.method());
        ThrottleBuckets.Outcome taken = null;
        if (route.subscriptionId() != null) {
            taken = buckets.take(route.subscriptionId(), kind);
            if (!taken.allowed()) {
                return SimResponse.error(
                                throttled(kind, route.subscriptionId(), taken.retryAfterSeconds()),
                                correlation)
                        .header("Retry-After", Long.toString(taken.retryAfterSeconds()))
                        .header(kind.header(), "0");
            }
        }
        SimResponse resp = routed(r, route, operation, correlation);
        if (taken != null) {
            resp.header(kind.header(), Long.toString(taken.remaining()));
        }
        return resp;
    }

    private SimResponse routed(SimRequest r, ArmRoute route, String operation, String correlation) {
        String apiVersion;
        try {
            apiVersion = r.query("api-version");
        } catch (IllegalArgumentException e) {
            return SimResponse.error(
                    ArmError.gateway(
                            400,
                            "InvalidRequestUri",
                            ErrorTemplates.SIM + "The query string is not valid percent-encoding."),
                    correlation);
        }
        if (apiVersion == null || apiVersion.isEmpty()) {
            return SimResponse.error(
                    ArmError.gateway(
                            400,
                            "MissingApiVersionParameter",
                            ErrorTemplates.SIM
                                    + "The api-version query parameter (?api-version=) is required for all requests."),
                    correlation);
        }
        // metrics are Azure Monitor's and role assignments Authorization's, with versions of
        // their own; the rest are Service Bus's
        boolean metrics = route.kind() == ArmRoute.Kind.METRICS;
        List<String> family = ApiVersions.family(route.kind());
        if (!ApiVersions.contains(family, apiVersion)) {
            return badApiVersion(apiVersion, family, correlation);
        }
        if (route.kind() == ArmRoute.Kind.UNKNOWN || route.kind() == ArmRoute.Kind.UNKNOWN_TYPE) {
            return SimResponse.error(
                    ArmError.gateway(
                            404,
                            route.kind() == ArmRoute.Kind.UNKNOWN
                                    ? "NotFound"
                                    : "InvalidResourceType",
                            ErrorTemplates.SIM
                                    + "No resource type served by the simulator matches '"
                                    + r.rawPath()
                                    + "'."),
                    correlation);
        }
        List<String> methods = ApiVersions.methods(route.kind(), apiVersion);
        if (!methods.contains(r.method())) {
            return SimResponse.error(
                            ArmError.gateway(
                                    405,
                                    "MethodNotAllowed",
                                    ErrorTemplates.SIM
                                            + "The HTTP method '"
                                            + r.method()
                                            + "' is not supported on this resource; allowed: "
                                            + String.join(", ", methods)
                                            + "."),
                            correlation)
                    .header("Allow", String.join(", ", methods));
        }
        List<String> versions = ApiVersions.supported(route.kind(), r.method());
        if (!ApiVersions.contains(versions, apiVersion)) {
            return badApiVersion(apiVersion, versions, correlation);
        }
        if (route.namespace() != null && faults.isUnreachable(route.namespace().key())) {
            return SimResponse.error(
                    ErrorTemplates.namespaceUnreachable(route.namespace().name()), correlation);
        }
        if (metrics && faults.metricsForbidden()) {
            return SimResponse.error(
                    ErrorTemplates.metricsForbidden(route.namespace().id()), correlation);
        }
        if (route.kind() == ArmRoute.Kind.ROLE_ASSIGNMENTS && faults.roleAssignmentsForbidden()) {
            return SimResponse.error(
                    ErrorTemplates.roleAssignmentsForbidden(route.namespace().id()), correlation);
        }
        JsonNode body;
        String bodyError = null;
        try {
            body = r.body().isBlank() ? null : Json.parse(r.body());
        } catch (JsonProcessingException e) {
            body = null;
            bodyError = "the body is not valid JSON.";
        }
        if (route.namespace() != null && !metrics) {
            boolean forced = route.kind() == ArmRoute.Kind.NAMESPACE_FAILOVER && isForced(body);
            ArmError down = geo.namespaces().regionOutage(route.namespace(), forced);
            if (down != null) {
                return SimResponse.error(down, correlation);
            }
        }
        ArmError injected = faults.takeFailure(operation);
        if (injected != null) {
            return SimResponse.error(injected, correlation);
        }
        if (bodyError != null) {
            return SimResponse.error(ErrorTemplates.invalidContent(bodyError), correlation);
        }
        ArmResult result =
                dispatch.call(route, r.method(), apiVersion, body, name -> safeQuery(r, name));
        if (result.isError()) {
            return SimResponse.error(result.error(), correlation);
        }
        SimResponse resp =
                result.body() == null
                        ? SimResponse.empty(result.status())
                        : SimResponse.json(result.status(), result.body());
        for (Map.Entry<String, String> h : result.headers().entrySet()) {
            resp.header(h.getKey(), absolute(r, h.getValue()));
        }
        return resp;
    }

    /** Operation URLs are paths on this simulator; clients follow them as absolute URLs. */
    private static String absolute(SimRequest r, String value) {
        if (!value.startsWith("/")) {
            return value;
        }
        String host = r.header("Host");
        return "https://" + (host == null || host.isBlank() ? "127.0.0.1" : host) + value;
    }

    private static boolean isForced(JsonNode body) {
        JsonNode force = body == null ? null : body.path("properties").get("force");
        return force != null && force.isBoolean() && force.booleanValue();
    }

    private static SimResponse badApiVersion(
            String apiVersion, List<String> versions, String correlation) {
        return SimResponse.error(
                ArmError.gateway(
                        400,
                        "InvalidApiVersionParameter",
                        ErrorTemplates.SIM
                                + "The api-version '"
                                + apiVersion
                                + "' is invalid. The supported versions are '"
                                + String.join(",", versions)
                                + "'."),
                correlation);
    }

    /**
     * ARM's own answers for a missing or malformed token (strict mode only; any bearer token is
     * accepted).
     */
    private static ArmError checkBearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return ArmError.gateway(
                    401,
                    "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is missing.");
        }
        String[] parts = authorization.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer") || parts[1].isBlank()) {
            return ArmError.gateway(
                    401,
                    "AuthenticationFailed",
                    "Authentication failed. The 'Authorization' header is provided in an invalid format.");
        }
        return null;
    }

    private static ArmError throttled(
            ThrottleBuckets.Kind kind, String subscription, long retryAfter) {
        return ArmError.gateway(
                429,
                "SubscriptionRequestsThrottled",
                ErrorTemplates.SIM
                        + "Number of '"
                        + kind.singular()
                        + "' requests for subscription '"
                        + subscription
                        + "' exceeded. Please try again after '"
                        + retryAfter
                        + "' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.");
    }

    private static String safeQuery(SimRequest r, String name) {
        try {
            return r.query(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
