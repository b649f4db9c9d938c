package org.quorumlab.engine.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client port: Netty server that speaks ZooKeeper's client protocol. */
public final class ClientServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClientServer.class);

    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final Set<NettyClientConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, Integer> perIp = new ConcurrentHashMap<>();
    private final Channel serverChannel;
    private volatile Channel secureChannel;
    private final int juteMaxBuffer;
    private final int maxClientCnxns;
    private final String superDigest;
    private volatile RequestPipeline pipeline;
    private volatile ServerView view;
    private volatile ServerStats stats;
    private volatile Admission admission;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final int globalOutstandingLimit;
    private final int outstandingPerConnection;

    /**
     * Binds the client port without accepting yet: connections wait in the kernel's backlog until
     * {@link #open}. A server binds first thing at start-up, as ZooKeeper does, so a client that
     * reconnects while the server recovers gets a TCP connection instead of a refusal (the 3.9
     * client expires its own session after 4/3 of the timeout without one, ZOOKEEPER-4508).
     *
     * @param maxClientCnxns concurrent connections allowed from one IP address (ZooKeeper's
     *                       {@code maxClientCnxns}); 0 means unlimited
     * @param globalOutstandingLimit requests read and not yet answered, server-wide, before the
     *                       client sockets stop being read ({@link Admission})
     * @param outstandingPerConnection the same bound for one connection
     */
    public ClientServer(String host, int port, int juteMaxBuffer, int maxClientCnxns, int globalOutstandingLimit,
            int outstandingPerConnection, String superDigest) throws InterruptedException {
        this.globalOutstandingLimit = globalOutstandingLimit;
        this.outstandingPerConnection = outstandingPerConnection;
        this.juteMaxBuffer = juteMaxBuffer;
        this.maxClientCnxns = maxClientCnxns;
        this.superDigest = superDigest;
        try {
            serverChannel = bind(host, port, null);
        } catch (InterruptedException | RuntimeException e) {
            shutdownGroups();
            throw e;
        }
    }

    /**
     * Binds ZooKeeper's {@code secureClientPort} as well: the same protocol and server behind TLS.
     * A client that speaks plaintext to it is closed with one log line.
     */
    public void bindSecure(String host, int port, SslContext tls) throws InterruptedException {
        secureChannel = bind(host, port, tls);
    }

    private Channel bind(String host, int port, SslContext tls) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.AUTO_READ, pipeline != null)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        InetAddress ip = ch.remoteAddress().getAddress();
                        int fromIp = perIp.merge(ip, 1, Integer::sum);
                        ch.closeFuture().addListener(f -> perIp.computeIfPresent(ip, (k, v) -> v > 1 ? v - 1 : null));
                        if (maxClientCnxns > 0 && fromIp > maxClientCnxns) {
                            LOG.warn("Too many connections from {} - max is {}", ip, maxClientCnxns);
                            ch.close();
                            return;
                        }
                        NettyClientConnection conn = new NettyClientConnection(pipeline, admission, view, stats, superDigest);
                        connections.add(conn);
                        ch.closeFuture().addListener(f -> connections.remove(conn));
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new FrameDecoder(juteMaxBuffer), conn);
                    }
                });
        return b.bind(new InetSocketAddress(host, port)).sync().channel();
    }
    /** Starts accepting connections (also those that waited since the bind) and hands them to {@code pipeline}. */
    public void open(RequestPipeline pipeline, ServerView view, ServerStats stats) {
        this.stats = stats;
        this.view = view;
        this.admission = new Admission(globalOutstandingLimit, outstandingPerConnection, stats.requestsInFlight,
                stats.requestsInFlightPeak, stats.admissionThrottles);
        this.pipeline = pipeline;
        serverChannel.config().setAutoRead(true);
        if (secureChannel != null) {
            secureChannel.config().setAutoRead(true);
        }
    }

    /** Whether {@link #open} was called. */
    public boolean isOpen() {
        return pipeline != null;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The secure client port, or -1 when there is none. */
    public int securePort() {
        Channel c = secureChannel;
        return c == null ? -1 : ((InetSocketAddress) c.localAddress()).getPort();
    }

    public int connectionCount() {
        return connections.size();
    }

    /** Snapshot of live connections for cons/admin. */
    public java.util.List<ConnectionInfo> connectionInfos() {
        return connections.stream()
                .map(c -> {
                    ConnectionStats s = c.connectionStats();
                    return new ConnectionInfo(c.remoteAddress(), c.sessionId(), c.receivedCount(), c.sentCount(),
                            c.createdMs(), s.lastOp(), s.lastLatencyMs(), s.minLatencyMs(), s.avgLatencyMs(),
                            s.maxLatencyMs(), s.lastResponseMs());
                })
                .toList();
    }

    /** crst: resets every connection's packet and latency counters. */
    public void resetConnectionStats() {
        connections.forEach(NettyClientConnection::resetStats);
    }

    /** Public, immutable description of one connection (fields of ZooKeeper's cons output). */
    public record ConnectionInfo(String remote, long sessionId, long received, long sent, long establishedMs,
            String lastOp, long lastLatencyMs, long minLatencyMs, double avgLatencyMs, long maxLatencyMs,
            long lastResponseMs) {
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // a server that failed to start is closed by it and by its caller
        }
        serverChannel.close().syncUninterruptibly();
        if (secureChannel != null) {
            secureChannel.close().syncUninterruptibly();
        }
        for (NettyClientConnection c : connections) {
            c.close("server shutting down");
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        workers.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }
}
