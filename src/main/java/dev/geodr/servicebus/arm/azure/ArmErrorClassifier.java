package dev.geodr.servicebus.arm.azure;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpResponse;
import com.azure.core.management.exception.ManagementError;
import com.azure.core.management.exception.ManagementException;
import com.azure.identity.CredentialUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLHandshakeException;

/**
 * The one place that turns whatever the Azure SDK throws into an {@link ArmException}: the kind
 * drives the operator's condition reason and backoff, the message is ARM's own with volatile ids
 * stripped.
 *
 * <table>
 * <tr><th>failure</th><th>kind</th></tr>
 * <tr><td>404</td><td>NOT_FOUND (code NotFound = alias absent, ResourceNotFound = namespace missing)</td></tr>
 * <tr><td>400, 409, 412</td><td>CONFLICT (a precondition; retrying unchanged will not help)</td></tr>
 * <tr><td>429</td><td>THROTTLED, with Retry-After / retry-after-ms / x-ms-retry-after-ms</td></tr>
 * <tr><td>408, 5xx, timeouts, connection failures</td><td>TRANSIENT</td></tr>
 * <tr><td>401, 403, any other status, credential failures, TLS trust failures</td><td>FATAL</td></tr>
 * </table>
 */
public final class ArmErrorClassifier {

    public static final String CODE_TIMEOUT = "Timeout";
    public static final String CODE_CONNECTION_FAILED = "ConnectionFailed";
    public static final String CODE_TLS_FAILURE = "TlsFailure";
    public static final String CODE_AUTHENTICATION_FAILED = "AuthenticationFailed";
    public static final String CODE_CLIENT_ERROR = "ClientError";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final Duration throttleWithoutRetryAfter;

    public ArmErrorClassifier(Clock clock, Duration throttleWithoutRetryAfter) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.throttleWithoutRetryAfter =
                Objects.requireNonNull(throttleWithoutRetryAfter, "throttleWithoutRetryAfter");
    }

    public ArmErrorClassifier(Clock clock) {
        this(clock, RateLimitSettings.DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER);
    }

    /** The kind for an HTTP status ARM answered with. */
    public static ArmErrorKind kindForStatus(int status) {
        if (status == 404) {
            return ArmErrorKind.NOT_FOUND;
        }
        if (status == 400 || status == 409 || status == 412) {
            return ArmErrorKind.CONFLICT;
        }
        if (status == 429) {
            return ArmErrorKind.THROTTLED;
        }
        if (status == 408 || (status >= 500 && status <= 599)) {
            return ArmErrorKind.TRANSIENT;
        }
        return ArmErrorKind.FATAL;
    }

    /**
     * Classifies any failure of an SDK call. Never throws; an {@link ArmException} passes through
     * unchanged.
     */
    public ArmException classify(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof ArmException arm) {
                return arm;
            }
            if (t instanceof HttpResponseException hre && hre.getResponse() != null) {
                return fromResponse(hre);
            }
            if (t instanceof CredentialUnavailableException) {
                return new ArmException(
                        ArmErrorKind.FATAL,
                        0,
                        CODE_AUTHENTICATION_FAILED,
                        "No Azure credential is available: "
                                + ArmMessages.stripVolatile(t.getMessage()),
                        null,
                        failure);
            }
            if (t instanceof ClientAuthenticationException) {
                ArmErrorKind kind = hasIoCause(t) ? ArmErrorKind.TRANSIENT : ArmErrorKind.FATAL;
                return new ArmException(
                        kind,
                        0,
                        CODE_AUTHENTICATION_FAILED,
                        "Azure AD authentication failed: "
                                + ArmMessages.stripVolatile(t.getMessage()),
                        null,
                        failure);
            }
        }
        return fromTransportFailure(failure);
    }

    /** Classifies an ARM error response that did not come wrapped in an SDK exception. */
    ArmException fromStatus(int status, HttpHeaders headers, String body, Throwable cause) {
        ErrorBody error = ErrorBody.parse(body);
        return build(status, headers, error.code(), error.message(), cause);
    }

    private ArmException fromResponse(HttpResponseException e) {
        HttpResponse response = e.getResponse();
        String code = null;
        String message = null;
        if (e instanceof ManagementException me && me.getValue() != null) {
            ManagementError value = me.getValue();
            code = value.getCode();
            message = value.getMessage();
        }
        if (code == null && message == null) {
            ErrorBody parsed = ErrorBody.parse(bodyOf(e));
            code = parsed.code();
            message = parsed.message();
        }
        return build(response.getStatusCode(), response.getHeaders(), code, message, e);
    }

    private ArmException build(
            int status, HttpHeaders headers, String code, String message, Throwable cause) {
        ArmErrorKind kind = kindForStatus(status);
        String text = ArmMessages.stripVolatile(message);
        if (text.isEmpty()) {
            text = "ARM answered HTTP " + status + " without an error message";
        }
        Duration retryAfter = null;
        if (kind == ArmErrorKind.THROTTLED) {
            retryAfter = retryAfter(headers).orElse(throttleWithoutRetryAfter);
        }
        return new ArmException(kind, status, code, text, retryAfter, cause);
    }

    /** The wait ARM asked for in these headers, if any. */
    Optional<Duration> retryAfter(HttpHeaders headers) {
        if (headers == null) {
            return Optional.empty();
        }
        return RetryAfter.fromHeaders(headers::getValue, clock.instant());
    }

    private static ArmException fromTransportFailure(Throwable failure) {
        Throwable timeout =
                find(
                        failure,
                        t ->
                                t instanceof TimeoutException
                                        || t instanceof SocketTimeoutException
                                        || t.getClass().getName().contains("Timeout"));
        if (timeout != null) {
            return new ArmException(
                    ArmErrorKind.TRANSIENT,
                    0,
                    CODE_TIMEOUT,
                    "ARM request timed out: " + describe(timeout),
                    null,
                    failure);
        }
        Throwable tls =
                find(
                        failure,
                        t ->
                                t instanceof SSLHandshakeException
                                        || t instanceof CertificateException);
        if (tls != null) {
            return new ArmException(
                    ArmErrorKind.FATAL,
                    0,
                    CODE_TLS_FAILURE,
                    "TLS handshake with ARM failed (is the endpoint's certificate trusted?): "
                            + describe(tls),
                    null,
                    failure);
        }
        Throwable io = find(failure, ArmErrorClassifier::isIo);
        if (io != null) {
            return new ArmException(
                    ArmErrorKind.TRANSIENT,
                    0,
                    CODE_CONNECTION_FAILED,
                    "Could not reach ARM: " + describe(io),
                    null,
                    failure);
        }
        return new ArmException(
                ArmErrorKind.FATAL,
                0,
                CODE_CLIENT_ERROR,
                "Unexpected error calling ARM: " + describe(failure),
                null,
                failure);
    }

    private static boolean hasIoCause(Throwable t) {
        return find(t.getCause(), ArmErrorClassifier::isIo) != null
                || find(t.getCause(), c -> c.getClass().getName().contains("Timeout")) != null;
    }

    private static boolean isIo(Throwable t) {
        return t instanceof IOException
                || t instanceof UncheckedIOException
                || t instanceof ConnectException
                || t instanceof UnknownHostException
                || t instanceof NoRouteToHostException
                // Vert.x reports a dropped connection as HttpClosedException / VertxException, not
                // an IOException
                || t.getClass().getName().equals("io.vertx.core.http.HttpClosedException")
                || (t.getClass().getName().equals("io.vertx.core.VertxException")
                        && t.getMessage() != null
                        && t.getMessage().toLowerCase(Locale.ROOT).contains("connection"));
    }

    private static Throwable find(Throwable start, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = start; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return t;
            }
        }
        return null;
    }

    private static String describe(Throwable t) {
        String message = ArmMessages.stripVolatile(t.getMessage());
        return message.isEmpty()
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
    }

    private static String bodyOf(HttpResponseException e) {
        Object value = e.getValue();
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Map<?, ?> map) {
            try {
                return JSON.writeValueAsString(map);
            } catch (IOException ignored) {
                return null;
            }
        }
        String message = e.getMessage();
        int brace = message == null ? -1 : message.indexOf('{');
        if (brace < 0) {
            return null;
        }
        String json = message.substring(brace);
        // ManagementException's message is: Status code 404, "{...}" - drop the closing quote
        return json.endsWith("\"") ? json.substring(0, json.length() - 1) : json;
    }

    /** ARM's {@code {"error":{"code","message"}}} (or an unwrapped {@code {"code","message"}}). */
    record ErrorBody(String code, String message) {
        static ErrorBody parse(String body) {
            if (body == null || body.isBlank()) {
                return new ErrorBody(null, null);
            }
            try {
                JsonNode root = JSON.readTree(body);
                JsonNode error = root.has("error") ? root.get("error") : root;
                return new ErrorBody(text(error, "code"), text(error, "message"));
            } catch (IOException | RuntimeException e) {
                return new ErrorBody(null, null);
            }
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node == null ? null : node.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }
    }
}
