package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.CallPriority;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The first thing every ARM request meets in the SDK pipeline (per call, before retry and
 * authentication): asks the subscription's rate limiter, refuses the request without sending it
 * when no token is left, tells the limiter what ARM says of the subscription's remaining quota (its
 * {@code x-ms-ratelimit-remaining-subscription-*} headers, and 429 with a Retry-After), and reports
 * the call to the listener. Sitting in the pipeline, it also sees the follow-up requests of paged
 * lists.
 */
final class ArmCallPolicy implements HttpPipelinePolicy {

    /** Context key under which the adapter names the port operation of a request. */
    static final String OPERATION_KEY = "dev.geodr.arm.operation";

    /** Context key under which the adapter ranks a request ({@link CallPriority}). */
    static final String PRIORITY_KEY = "dev.geodr.arm.priority";

    static final String CODE_CLIENT_THROTTLED = "ClientThrottled";

    private final String subscriptionId;
    private final SubscriptionRateLimiter limiter;
    private final ArmCallListener listener;
    private final ArmErrorClassifier classifier;

    ArmCallPolicy(
            String subscriptionId,
            SubscriptionRateLimiter limiter,
            ArmCallListener listener,
            ArmErrorClassifier classifier) {
        this.subscriptionId = subscriptionId;
        this.limiter = limiter;
        this.listener = listener;
        this.classifier = classifier;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }

    @Override
    public Mono<HttpResponse> process(
            HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        String operation = operation(context);
        ArmCallKind kind = kind(context);
        ArmException refused = admit(context, kind, operation);
        if (refused != null) {
            return Mono.error(refused);
        }
        long start = System.nanoTime();
        return next.process()
                .doOnNext(response -> completed(operation, kind, response, start))
                .doOnError(e -> report(operation, 0, start));
    }

    @Override
    public HttpResponse processSync(
            HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        String operation = operation(context);
        ArmCallKind kind = kind(context);
        ArmException refused = admit(context, kind, operation);
        if (refused != null) {
            throw refused;
        }
        long start = System.nanoTime();
        HttpResponse response;
        try {
            response = next.processSync();
        } catch (RuntimeException e) {
            report(operation, 0, start);
            throw e;
        }
        completed(operation, kind, response, start);
        return response;
    }

    private static ArmCallKind kind(HttpPipelineCallContext context) {
        return ArmCallKind.ofMethod(context.getHttpRequest().getHttpMethod().name());
    }

    private ArmException admit(
            HttpPipelineCallContext context, ArmCallKind kind, String operation) {
        Optional<Duration> wait = limiter.tryAcquire(subscriptionId, kind, priority(context));
        if (wait.isEmpty()) {
            return null;
        }
        notifyListener(new ArmCall(operation, subscriptionId, 0, Duration.ZERO, false));
        boolean paused = limiter.pausedFor(subscriptionId, kind).isPresent();
        String why =
                paused
                        ? "ARM answered 429 to "
                                + (kind == ArmCallKind.READ ? "reads" : "writes")
                                + " for subscription "
                                + subscriptionId
                                + "; its Retry-After has not elapsed"
                        : "the client-side ARM "
                                + (kind == ArmCallKind.READ ? "read" : "write")
                                + " budget for subscription "
                                + subscriptionId
                                + " is used up";
        return new ArmException(
                ArmErrorKind.THROTTLED,
                0,
                CODE_CLIENT_THROTTLED,
                "Request not sent: " + why + ".",
                wait.get(),
                null);
    }

    private void completed(String operation, ArmCallKind kind, HttpResponse response, long start) {
        int status = response.getStatusCode();
        if (status == 429) {
            // only an explicit wait pauses the subscription; a bare 429 (e.g. "Disaster recovery
            // operation in progress") concerns one pairing and is left to the operator's backoff
            classifier
                    .retryAfter(response.getHeaders())
                    .ifPresent(d -> limiter.throttled(subscriptionId, kind, d));
        } else {
            remainingQuota(response, kind)
                    .ifPresent(left -> limiter.remaining(subscriptionId, kind, left));
        }
        report(operation, status, start);
    }

    /**
     * ARM's count of requests of this kind the subscription has left. A DELETE reports the deletes
     * bucket, which the operator folds into writes but ARM counts apart: it does not cap writes.
     */
    static Optional<Long> remainingQuota(HttpResponse response, ArmCallKind kind) {
        if ("DELETE".equalsIgnoreCase(response.getRequest().getHttpMethod().name())) {
            return Optional.empty();
        }
        String header =
                kind == ArmCallKind.READ
                        ? "x-ms-ratelimit-remaining-subscription-reads"
                        : "x-ms-ratelimit-remaining-subscription-writes";
        String value = response.getHeaderValue(HttpHeaderName.fromString(header));
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static CallPriority priority(HttpPipelineCallContext context) {
        return context.getData(PRIORITY_KEY)
                .filter(CallPriority.class::isInstance)
                .map(CallPriority.class::cast)
                .orElse(CallPriority.ROUTINE);
    }

    private void report(String operation, int status, long start) {
        notifyListener(
                new ArmCall(
                        operation,
                        subscriptionId,
                        status,
                        Duration.ofNanos(System.nanoTime() - start),
                        true));
    }

    private void notifyListener(ArmCall call) {
        try {
            listener.onArmCall(call);
        } catch (RuntimeException ignored) {
            // metrics must never break a reconcile
        }
    }

    static String operation(HttpPipelineCallContext context) {
        return context.getData(OPERATION_KEY)
                .map(Object::toString)
                .orElseGet(
                        () ->
                                operationFromRequest(
                                        context.getHttpRequest().getHttpMethod().name(),
                                        context.getHttpRequest().getUrl().getPath()));
    }

    /**
     * Names a request from its method and path, for requests the adapter did not label (paged
     * follow-ups).
     */
    static String operationFromRequest(String method, String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        String m = method.toUpperCase(Locale.ROOT);
        if (p.endsWith("/failover")) {
            return "failover";
        }
        if (p.endsWith("/breakpairing")) {
            return "breakPairing";
        }
        if (p.endsWith("/listkeys")) {
            return "listKeys";
        }
        if (p.endsWith("/disasterrecoveryconfigs")) {
            return "listAliases";
        }
        if (p.contains("/disasterrecoveryconfigs/")) {
            return switch (m) {
                case "PUT" -> "createOrUpdatePairing";
                case "DELETE" -> "deleteAlias";
                default -> "getAlias";
            };
        }
        if (p.endsWith("/queues")) {
            return "listQueues";
        }
        if (p.endsWith("/topics")) {
            return "listTopics";
        }
        if (p.endsWith("/privateendpointconnections")) {
            return "listPrivateEndpointConnections";
        }
        if (p.matches(".*/namespaces/[^/]+/?")) {
            return "getNamespace";
        }
        return "other";
    }
}
