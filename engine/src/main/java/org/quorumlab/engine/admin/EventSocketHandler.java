package org.quorumlab.engine.admin;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Subscribes a WebSocket to the {@link EventHub} once its handshake completes; one JSON object
 * per text frame. Frames from the client are ignored. A socket whose outbound buffer is above the
 * high water mark loses events instead of slowing anyone down.
 */
final class EventSocketHandler extends ChannelInboundHandlerAdapter {

    private final EventHub hub;
    private final Supplier<Map<String, Object>> hello;

    EventSocketHandler(EventHub hub, Supplier<Map<String, Object>> hello) {
        this.hub = hub;
        this.hello = hello;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ChannelSubscriber s = new ChannelSubscriber(ctx.channel());
            hub.subscribe(s, hello.get());
            ctx.channel().closeFuture().addListener(f -> hub.unsubscribe(s));
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame) {
            ReferenceCountUtil.release(msg);
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /** Non-blocking writer to one WebSocket. */
    private record ChannelSubscriber(Channel channel) implements EventSubscriber {

        @Override
        public boolean offer(String jsonLine) {
            if (!channel.isActive() || !channel.isWritable()) {
                return false;
            }
            channel.writeAndFlush(new TextWebSocketFrame(jsonLine));
            return true;
        }

        @Override
        public String toString() {
            return String.valueOf(channel.remoteAddress());
        }
    }
}
