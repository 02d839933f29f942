package dev.geodr.servicebus.simulator.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One HTTPS listener on its own event loop. Several instances on the same port share the incoming
 * connections (Vert.x balances them), which matters for TLS on a small machine.
 */
public final class ServerVerticle extends AbstractVerticle {

    private final HttpServerOptions options;
    private final HttpFront front;
    private volatile int actualPort;

    public ServerVerticle(HttpServerOptions options, HttpFront front) {
        this.options = new HttpServerOptions(options);
        this.front = front;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServer server = vertx.createHttpServer(options);
        server.requestHandler(front::handle);
        server.invalidRequestHandler(front::handleInvalid);
        server.connectionHandler(MalformedHttpGuard::install);
        server.listen()
                .onSuccess(
                        s -> {
                            actualPort = s.actualPort();
                            started.complete();
                        })
                .onFailure(started::fail);
    }

    public int actualPort() {
        return actualPort;
    }
}
