package dev.geodr.servicebus.simulator.http;

import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.ErrorTemplates;
import io.netty.handler.codec.TooLongFrameException;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Where Vert.x hands requests over: reads the body under a size cap, applies the latency fault with
 * a timer (never by blocking the event loop), sends admin paths to the admin API's {@link Router}
 * and everything else to ARM, and writes the answer.
 */
public final class HttpFront {

    private static final Logger LOG = Logger.getLogger(HttpFront.class);

    private final Vertx vertx;
    private final ArmHandler arm;
    private final Router admin;
    private final Faults faults;
    private final CallLog calls;
    private final int maxBodyBytes;
    private final LongSupplier virtualNow;

    public HttpFront(
            Vertx vertx,
            ArmHandler arm,
            AdminHandler admin,
            Faults faults,
            CallLog calls,
            int maxBodyBytes,
            LongSupplier virtualNow) {
        this.vertx = vertx;
        this.arm = arm;
        this.admin = admin.router(vertx, this::readBody);
        this.faults = faults;
        this.calls = calls;
        this.maxBodyBytes = maxBodyBytes;
        this.virtualNow = virtualNow;
    }

    public void handle(HttpServerRequest req) {
        if (AdminHandler.isAdminPath(req.path() == null ? "" : req.path())) {
            // the admin router reads the body itself (its first route calls readBody)
            admin.handle(req);
            return;
        }
        readBody(req, r -> arm(req, r));
    }

    private void arm(HttpServerRequest req, SimRequest r) {
        long latency = faults.latencyMs();
        if (latency > 0) {
            vertx.setTimer(latency, id -> write(req, arm.handle(r)));
        } else {
            write(req, arm.handle(r));
        }
    }

    /**
     * Reads the whole body under the size cap and hands the request on; an oversized or unreadable
     * body is answered here (413 / 400, then close) and never handed on.
     */
    void readBody(HttpServerRequest req, Consumer<SimRequest> then) {
        String declared = req.getHeader("Content-Length");
        long length = parseLength(declared);
        if (length > maxBodyBytes) {
            tooLarge(req);
            return;
        }
        if ("100-continue".equalsIgnoreCase(req.getHeader("Expect"))) {
            req.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] aborted = {false};
        req.handler(
                chunk -> {
                    if (aborted[0]) {
                        return;
                    }
                    if (body.length() + chunk.length() > maxBodyBytes) {
                        aborted[0] = true;
                        tooLarge(req);
                        return;
                    }
                    body.appendBuffer(chunk);
                });
        req.exceptionHandler(
                e -> {
                    // e.g. a malformed chunk: the headers were fine but the body cannot be read
                    LOG.debugf("request stream failed: %s", e.toString());
                    if (!aborted[0]) {
                        aborted[0] = true;
                        SimResponse r =
                                SimResponse.error(
                                        ArmError.gateway(
                                                400,
                                                "InvalidRequestContent",
                                                ErrorTemplates.SIM
                                                        + "The request body could not be read."),
                                        "-");
                        r.close = true;
                        write(req, r);
                    }
                });
        req.endHandler(
                v -> {
                    if (!aborted[0]) {
                        then.accept(simRequest(req, body.toString(StandardCharsets.UTF_8)));
                    }
                });
    }

    private static SimRequest simRequest(HttpServerRequest req, String body) {
        Map<String, String> headers = new HashMap<>();
        req.headers().forEach(e -> headers.putIfAbsent(e.getKey(), e.getValue()));
        return new SimRequest(
                req.method().name(),
                req.path() == null ? "" : req.path(),
                req.query(),
                headers,
                body);
    }

    /**
     * Requests Vert.x could not parse (line or headers too long, garbage): an ARM-shaped 4xx, then
     * close.
     */
    public void handleInvalid(HttpServerRequest req) {
        int status = 400;
        String code = "BadRequest";
        String message = "The request could not be parsed as HTTP.";
        Throwable cause = req.decoderResult() == null ? null : req.decoderResult().cause();
        if (cause instanceof TooLongFrameException) {
            String m = String.valueOf(cause.getMessage());
            if (m.contains("header")) {
                status = 431;
                code = "RequestHeaderFieldsTooLarge";
                message = "The request headers are too large.";
            } else {
                status = 414;
                code = "RequestUriTooLong";
                message = "The request line is too long.";
            }
        }
        SimResponse r =
                SimResponse.error(
                        ArmError.gateway(status, code, ErrorTemplates.SIM + message), "-");
        r.close = true;
        write(req, r);
    }

    private void tooLarge(HttpServerRequest req) {
        SimResponse r =
                SimResponse.error(
                        ArmError.gateway(
                                413,
                                "RequestEntityTooLarge",
                                ErrorTemplates.SIM
                                        + "The request body exceeds "
                                        + maxBodyBytes
                                        + " bytes."),
                        "-");
        r.close = true;
        if (!AdminHandler.isAdminPath(req.path() == null ? "" : req.path())) {
            calls.add(
                    req.method().name(),
                    String.valueOf(req.path()),
                    "unknown",
                    null,
                    413,
                    virtualNow.getAsLong(),
                    req.getHeader("User-Agent"));
        }
        write(req, r);
    }

    static void write(HttpServerRequest req, SimResponse r) {
        HttpServerResponse resp = req.response();
        if (resp.ended() || resp.closed()) {
            return;
        }
        resp.setStatusCode(r.status);
        r.headers.forEach(resp::putHeader);
        if (r.close) {
            resp.putHeader("Connection", "close");
        }
        // a 204 carries no Content-Length at all (RFC 9110 §8.6)
        if (r.body.isEmpty() && r.status != 204) {
            resp.putHeader("Content-Length", "0");
        }
        resp.end(r.body)
                .onComplete(
                        ar -> {
                            if (r.close) {
                                req.connection().close();
                            }
                        });
    }

    private static long parseLength(String declared) {
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
