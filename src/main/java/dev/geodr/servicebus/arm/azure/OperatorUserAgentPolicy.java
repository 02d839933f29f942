package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/**
 * Puts the operator's own product token, naming its cluster, in front of the SDK's User-Agent on
 * every ARM call, so a log that keeps it (the simulator's call log, a forward proxy's) says which
 * operator wrote. Azure's Activity Log records the caller's identity, not the User-Agent. The SDK's
 * {@code applicationId} cannot carry it: it refuses spaces and more than 24 characters. Per retry,
 * so it runs after the SDK's own User-Agent policy has set the header.
 */
final class OperatorUserAgentPolicy implements HttpPipelinePolicy {

    private final String product;

    /**
     * @param product e.g. {@code servicebus-geodr-operator/0.1.0 (cluster east)}
     */
    OperatorUserAgentPolicy(String product) {
        this.product = product;
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_RETRY;
    }

    @Override
    public Mono<HttpResponse> process(
            HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        String sdk = context.getHttpRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT);
        if (sdk == null || !sdk.startsWith(product)) {
            context.getHttpRequest()
                    .setHeader(
                            HttpHeaderName.USER_AGENT,
                            sdk == null || sdk.isBlank() ? product : product + " " + sdk);
        }
        return next.process();
    }
}
