package org.quorumlab.engine.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes admin HTTP requests: {@code GET /commands[/<name>]}, {@code GET /metrics},
 * {@code GET /faults}, {@code POST /faults/<partition|drop|delay|heal>}, {@code GET /teaching},
 * {@code POST /teaching/<speed|pause|resume|step|release|drop>}. Parameters come from the
 * query string, a form body, or a flat JSON object body. Work that needs the pipeline thread
 * completes asynchronously, so the event loop never waits.
 */
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final NodeView view;
    private final EventHub hub;
    private final AdminCommands commands;
    private final FaultController faults;
    private final TeachingController teaching;

    AdminHttpHandler(NodeView view, EventHub hub, AdminCommands commands, FaultController faults,
            TeachingController teaching) {
        this.view = view;
        this.hub = hub;
        this.commands = commands;
        this.faults = faults;
        this.teaching = teaching;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        QueryStringDecoder qs = new QueryStringDecoder(req.uri());
        String path = qs.path().length() > 1 && qs.path().endsWith("/")
                ? qs.path().substring(0, qs.path().length() - 1) : qs.path();
        Map<String, String> params;
        try {
            params = params(qs, req.content().toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            json(ctx, HttpResponseStatus.BAD_REQUEST, error(path, e.getMessage()));
            return;
        }
        boolean post = req.method().equals(HttpMethod.POST);
        if (path.equals("/") || path.equals("/commands")) {
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("commands", commands.names().stream().map(n -> "/commands/" + n).toList());
            index.put("other", List.of("/metrics", "/faults", "/faults/partition", "/faults/drop", "/faults/delay",
                    "/faults/heal", "/teaching", "/teaching/speed", "/teaching/pause", "/teaching/resume",
                    "/teaching/step", "/teaching/release", "/teaching/drop", AdminServer.EVENTS_PATH + " (WebSocket)"));
            json(ctx, HttpResponseStatus.OK, index);
        } else if (path.startsWith("/commands/")) {
            String name = path.substring("/commands/".length());
            CompletableFuture<Map<String, Object>> f = commands.run(name);
            if (f == null) {
                json(ctx, HttpResponseStatus.NOT_FOUND, error(name, "unknown command '" + name + "'"));
            } else {
                complete(ctx, name, f.thenApply(m -> m), HttpResponseStatus.OK);
            }
        } else if (path.equals("/metrics")) {
            NodeProbe.capture(view).orTimeout(NodeProbe.TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((s, e) -> {
                if (e != null) {
                    text(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "text/plain", "# unavailable: " + e + "\n");
                } else {
                    text(ctx, HttpResponseStatus.OK, PrometheusMetrics.CONTENT_TYPE,
                            PrometheusMetrics.render(view, s, hub));
                }
            });
        } else if (path.equals("/faults") || path.startsWith("/faults/")) {
            String action = path.equals("/faults") ? "" : path.substring("/faults/".length());
            if (!action.isEmpty() && !post) {
                json(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, error(path, "use POST " + path));
                return;
            }
            try {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("server", view.config().serverId());
                out.putAll(faults.apply(action, params));
                json(ctx, HttpResponseStatus.OK, out);
            } catch (IllegalArgumentException e) {
                json(ctx, HttpResponseStatus.BAD_REQUEST, error(path, e.getMessage()));
            } catch (IllegalStateException e) {
                json(ctx, HttpResponseStatus.CONFLICT, error(path, e.getMessage()));
            }
        } else if (path.equals("/teaching") || path.startsWith("/teaching/")) {
            String action = path.equals("/teaching") ? "" : path.substring("/teaching/".length());
            if (!action.isEmpty() && !post) {
                json(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, error(path, "use POST " + path));
                return;
            }
            try {
                json(ctx, HttpResponseStatus.OK, teaching.apply(action, params));
            } catch (TeachingController.Refused e) {
                json(ctx, HttpResponseStatus.valueOf(e.status()), error(path, e.getMessage()));
            }
        } else {
            json(ctx, HttpResponseStatus.NOT_FOUND, error(path, "no such endpoint; see /commands"));
        }
    }

    private void complete(ChannelHandlerContext ctx, String name, CompletableFuture<Object> f,
            HttpResponseStatus ok) {
        f.orTimeout(NodeProbe.TIMEOUT_MS, TimeUnit.MILLISECONDS).whenComplete((body, e) -> {
            if (e == null) {
                json(ctx, ok, body);
            } else {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                String msg = cause instanceof TimeoutException ? "the server did not answer in time" : cause.toString();
                json(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, error(name, msg));
            }
        });
    }

    private static Map<String, String> params(QueryStringDecoder qs, String body) {
        Map<String, String> out = new LinkedHashMap<>();
        qs.parameters().forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
        String trimmed = body.trim();
        if (trimmed.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(trimmed);
                node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("body is not valid JSON: " + e.getMessage());
            }
        } else if (!trimmed.isEmpty()) {
            new QueryStringDecoder(trimmed, false).parameters().forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
        }
        return out;
    }

    static Map<String, Object> error(String command, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("error", message);
        return m;
    }

    private static void json(ChannelHandlerContext ctx, HttpResponseStatus status, Object body) {
        json(ctx, status, body, false);
    }

    /** Sends {@code body} as JSON and closes; {@code bearerChallenge} adds {@code WWW-Authenticate: Bearer}. */
    static void json(ChannelHandlerContext ctx, HttpResponseStatus status, Object body, boolean bearerChallenge) {
        String text;
        try {
            text = JSON.writeValueAsString(body) + "\n";
        } catch (java.io.IOException e) {
            status = HttpResponseStatus.INTERNAL_SERVER_ERROR;
            text = "{\"error\":\"cannot encode response\"}\n";
        }
        FullHttpResponse resp = response(status, JSON_TYPE, text);
        if (bearerChallenge) {
            resp.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"quorumlab-admin\"");
        }
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
    }

    private static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String type, String body) {
        ctx.writeAndFlush(response(status, type, body)).addListener(ChannelFutureListener.CLOSE);
    }

    /** No CORS header: only this server's own origin may read its answers (see {@link AdminAccess}). */
    private static FullHttpResponse response(HttpResponseStatus status, String type, String body) {
        FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, type)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        return resp;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("Admin connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
