package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An in-memory azure-core transport: the whole SDK pipeline (auth, policies, serialization,
 * exceptions) runs for real, only the socket is replaced. Records every request that reached the
 * wire.
 */
final class FakeArmTransport implements HttpClient {

    record Sent(HttpMethod method, String url, String body, HttpHeaders headers) {
        String path() {
            String u = url.replaceFirst("^https://[^/]+", "");
            int q = u.indexOf('?');
            return q < 0 ? u : u.substring(0, q);
        }

        String query() {
            int q = url.indexOf('?');
            return q < 0 ? "" : url.substring(q + 1);
        }
    }

    /** What the fake answers: a response, or an exception to fail the send with. */
    record Reply(int status, Map<String, String> headers, String body, RuntimeException failure) {
        static Reply json(int status, String body) {
            return new Reply(
                    status, Map.of("Content-Type", "application/json; charset=utf-8"), body, null);
        }

        static Reply empty(int status) {
            return new Reply(status, Map.of("Content-Length", "0"), "", null);
        }

        static Reply fail(RuntimeException e) {
            return new Reply(0, Map.of(), "", e);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> h = new HashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, failure);
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Function<HttpRequest, Reply> responder = r -> Reply.empty(200);

    void respond(Function<HttpRequest, Reply> responder) {
        this.responder = responder;
    }

    void respondAlways(Reply reply) {
        this.responder = r -> reply;
    }

    List<Sent> sent() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendNow(request));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        return sendNow(request);
    }

    private HttpResponse sendNow(HttpRequest request) {
        BinaryData body = request.getBodyAsBinaryData();
        sent.add(
                new Sent(
                        request.getHttpMethod(),
                        request.getUrl().toString(),
                        body == null ? "" : body.toString(),
                        request.getHeaders()));
        Reply reply = responder.apply(request);
        if (reply.failure() != null) {
            throw reply.failure();
        }
        return new FakeResponse(request, reply);
    }

    static final class FakeResponse extends HttpResponse {
        private final Reply reply;
        private final HttpHeaders headers = new HttpHeaders();

        FakeResponse(HttpRequest request, Reply reply) {
            super(request);
            this.reply = reply;
            reply.headers().forEach(headers::set);
        }

        @Override
        public int getStatusCode() {
            return reply.status();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(bytes()));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(bytes());
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(reply.body());
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(bytes(), charset));
        }

        private byte[] bytes() {
            return reply.body().getBytes(StandardCharsets.UTF_8);
        }
    }
}
