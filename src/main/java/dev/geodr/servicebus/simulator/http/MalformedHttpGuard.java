package dev.geodr.servicebus.simulator.http;

import dev.geodr.servicebus.simulator.state.ArmError;
import dev.geodr.servicebus.simulator.state.ErrorTemplates;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;

/**
 * Two kinds of bad input that Vert.x answers on its own before any handler runs: a request line
 * with a protocol other than HTTP/1.x (Vert.x sends a bare 501) and an unreadable chunked body
 * (Vert.x just closes the connection). This Netty handler, placed in front of Vert.x's, turns the
 * first into an invalid request (our ARM-shaped 400) and answers the second with an ARM-shaped 400
 * before closing. It reaches into Vert.x's connection implementation; if that ever changes it
 * installs nothing and Vert.x's own behaviour remains.
 */
final class MalformedHttpGuard extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = Logger.getLogger(MalformedHttpGuard.class);
    private static final String NAME = "arm-simulator-guard";

    static void install(HttpConnection conn) {
        try {
            if (conn instanceof ConnectionBase base) {
                ChannelPipeline p = base.channelHandlerContext().pipeline();
                if (p.get(NAME) == null && p.get("handler") != null) {
                    p.addBefore("handler", NAME, new MalformedHttpGuard());
                }
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.debugf("malformed-HTTP guard not installed: %s", e.toString());
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req
                && req.decoderResult().isSuccess()
                && !isHttp1(req.protocolVersion())) {
            req.setProtocolVersion(HttpVersion.HTTP_1_1);
            req.setDecoderResult(
                    DecoderResult.failure(
                            new IllegalArgumentException("unsupported protocol version")));
        } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            reject(ctx);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean isHttp1(HttpVersion v) {
        return "HTTP".equals(v.protocolName())
                && v.majorVersion() == 1
                && (v.minorVersion() == 0 || v.minorVersion() == 1);
    }

    private static void reject(ChannelHandlerContext ctx) {
        SimResponse r =
                SimResponse.error(
                        ArmError.gateway(
                                400,
                                "InvalidRequestContent",
                                ErrorTemplates.SIM
                                        + "The request body could not be read (malformed chunked encoding)."),
                        "-");
        byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
        FullHttpResponse resp =
                new DefaultFullHttpResponse(
                        HttpVersion.HTTP_1_1,
                        HttpResponseStatus.BAD_REQUEST,
                        Unpooled.wrappedBuffer(body));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, SimResponse.JSON);
        resp.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
        resp.headers().set(HttpHeaderNames.CONNECTION, "close");
        resp.headers().set("x-ms-failure-cause", "gateway");
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
    }
}
