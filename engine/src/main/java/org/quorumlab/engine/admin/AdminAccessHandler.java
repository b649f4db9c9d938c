package org.quorumlab.engine.admin;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@link AdminAccess} to every HTTP request before anything else sees it, the
 * {@code /events} WebSocket handshake included: a refused request is answered with its 401 or 403
 * JSON error and never reaches a handler. WebSocket frames after an accepted handshake pass through.
 */
final class AdminAccessHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccessHandler.class);

    private final AdminAccess access;

    AdminAccessHandler(AdminAccess access) {
        this.access = access;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpHeaders h = req.headers();
        String path = new QueryStringDecoder(req.uri()).path();
        AdminAccess.Refusal refusal = access.check(req.method().name(), path, h.get(HttpHeaderNames.HOST),
                h.get(HttpHeaderNames.ORIGIN), h.get(HttpHeaderNames.AUTHORIZATION));
        if (refusal == null) {
            ctx.fireChannelRead(msg);
            return;
        }
        req.release();
        LOG.info("Admin request {} {} from {} refused ({}): {}", req.method(), path, ctx.channel().remoteAddress(),
                refusal.status(), refusal.message());
        AdminHttpHandler.json(ctx, HttpResponseStatus.valueOf(refusal.status()),
                AdminHttpHandler.error(path, refusal.message()), refusal.status() == 401);
    }
}
