package org.quorumlab.engine.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.config.AdminToken;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.replication.ZabHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin and observability surface of one server. Create it before the server starts
 * replicating and call {@link #observe} so no event is missed, then {@link #start} to bind the
 * HTTP port: {@code /commands/<name>}, {@code /metrics}, {@code /faults[/action]},
 * {@code /teaching[/action]} and the
 * {@code /events} WebSocket, every request (handshakes too) first passing {@link AdminAccess}. Runs on
 * its own Netty event loop, never on the pipeline thread.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    static final String EVENTS_PATH = "/events";

    private final NodeView view;
    private final EventHub hub;
    private EventLoopGroup group;
    private Channel channel;
    private ScheduledExecutorService sampler;

    public AdminServer(NodeView view, long serverId) {
        this.view = view;
        this.hub = new EventHub(serverId);
    }

    /** Registers the event sinks; call before the pipeline starts the replicator. */
    public void observe() {
        view.pipeline().addEventSink(hub::publish);
        ZabHost zab = view.zab();
        if (zab != null) {
            zab.addEventSink(hub::publish);
        }
    }

    /**
     * Binds the admin port ({@code 0} = ephemeral) on {@code address} ({@code admin.serverAddress})
     * and starts the 1 s load sampler.
     */
    public void start(String address, int port) throws InterruptedException {
        AdminCommands commands = new AdminCommands(view, hub);
        FaultController faults = new FaultController(view, hub);
        TeachingController teaching = new TeachingController(view);
        InetSocketAddress bindTo = new InetSocketAddress(address, port);
        if (bindTo.isUnresolved()) {
            throw new ConfigException("admin.serverAddress '" + address + "' does not resolve");
        }
        AdminToken token = view.config().adminToken();
        AdminAccess access = new AdminAccess(token, bindTo.getAddress().isLoopbackAddress(), address);
        group = new NioEventLoopGroup(2, r -> {
            Thread t = new Thread(r, "admin-http-" + view.config().serverId());
            t.setDaemon(true);
            return t;
        });
        ServerBootstrap b = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new AdminAccessHandler(access),
                                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath(EVENTS_PATH).checkStartsWith(true).build()),
                                new EventSocketHandler(hub, AdminServer.this::hello),
                                new AdminHttpHandler(view, hub, commands, faults, teaching));
                    }
                });
        try {
            channel = b.bind(bindTo).sync().channel();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // a BindException, thrown by Netty without being declared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            group = null;
            throw new ConfigException("cannot bind the admin server to " + address + ":" + port + " (admin.serverAddress,"
                    + " admin.serverPort): " + e.getMessage());
        }
        LoadSampler load = new LoadSampler(view, hub);
        sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "admin-load-sampler-" + view.config().serverId());
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(load, 1, 1, TimeUnit.SECONDS);
        LOG.info("Admin server of {} on {}:{}: /commands, /metrics, /faults, /teaching, {}; {}",
                view.config().serverId(), address, port(), EVENTS_PATH, token == null
                        ? "no admin.tokenFile, so it changes nothing" : "changes need the " + token);
        if (token == null && !bindTo.getAddress().isLoopbackAddress()) {
            LOG.warn("Admin server bound to {} without admin.tokenFile: it refuses every request", address);
        }
    }

    /** Bound port, or -1 if not started. */
    public int port() {
        return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public EventHub events() {
        return hub;
    }

    /** First line every new subscriber gets: who this server is and its role now. */
    private Map<String, Object> hello() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "Hello");
        m.put("mode", view.mode());
        m.put("clientPort", view.port());
        ZabHost zab = view.zab();
        if (zab != null) {
            m.put("epoch", zab.epoch());
            m.put("leaderId", zab.leaderId());
            m.put("members", zab.membership().servers().keySet());
        }
        return m;
    }

    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
        }
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        hub.close();
    }
}
