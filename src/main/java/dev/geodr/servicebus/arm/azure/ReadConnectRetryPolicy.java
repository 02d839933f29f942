package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * The only retry the adapter lets the SDK do: one more attempt of a GET whose TCP connection could
 * not be established (so ARM never saw it), after a short pause. Nothing else is retried here, not
 * 429, not 5xx, not timeouts, and never a PUT, POST or DELETE: the operator requeues with its own
 * backoff, and a hidden second failover POST must be impossible.
 */
final class ReadConnectRetryPolicy implements HttpPipelinePolicy {

    private final Duration delay;

    ReadConnectRetryPolicy(Duration delay) {
        this.delay = delay;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }

    @Override
    public Mono<HttpResponse> process(
            HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        if (context.getHttpRequest().getHttpMethod() != HttpMethod.GET) {
            return next.process();
        }
        // like azure-core's RetryPolicy: every attempt runs on a clone taken before anything
        // advanced
        HttpPipelineNextPolicy retry = next.clone();
        return next.clone()
                .process()
                .onErrorResume(
                        ReadConnectRetryPolicy::isConnectFailure,
                        e -> Mono.delay(delay).then(Mono.defer(retry::process)));
    }

    @Override
    public HttpResponse processSync(
            HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        if (context.getHttpRequest().getHttpMethod() != HttpMethod.GET) {
            return next.processSync();
        }
        HttpPipelineNextSyncPolicy retry = next.clone();
        try {
            return next.clone().processSync();
        } catch (RuntimeException e) {
            if (!isConnectFailure(e)) {
                throw e;
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw e;
            }
            return retry.processSync();
        }
    }

    static boolean isConnectFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the place of azure-core's default retry policy (3 retries on 408/429/5xx/IO errors) and
     * does nothing: no retry, and none of RetryPolicy's "Retry attempts have been exhausted" log
     * lines on every call.
     */
    static final class NoRetryPolicy extends RetryPolicy {
        @Override
        public Mono<HttpResponse> process(
                HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            return next.process();
        }

        @Override
        public HttpResponse processSync(
                HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            return next.processSync();
        }
    }
}
