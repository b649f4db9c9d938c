package org.quorumlab.engine.net.quorum;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.quorumlab.engine.net.ChannelWriteQueue;
import org.quorumlab.engine.replication.LinkFaults;
import org.quorumlab.engine.replication.PeerAddress;
import org.quorumlab.engine.replication.QuorumTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quorum port over Netty: one outbound TCP connection per peer (opened lazily, re-opened after a
 * failure), frames length-prefixed; the first frame of a connection is the sender's id. A frame
 * sent while its connection is down is dropped, which the consensus core treats like any loss.
 */
public final class NettyQuorumTransport implements QuorumTransport {

    private static final Logger LOG = LoggerFactory.getLogger(NettyQuorumTransport.class);
    private static final int MAX_FRAME = 256 * 1024 * 1024;
    private static final byte[] EMPTY = new byte[0];
    private static final long RECONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Frames waiting for an outbound channel's event loop; set before the channel is published. */
    private static final AttributeKey<ChannelWriteQueue<OutboundFrame>> WRITE_QUEUE = AttributeKey.valueOf("quorumlab.writeQueue");

    private final long self;
    private final String bindHost;
    private final int bindPort;
    private final LinkFaults faults;
    /** Owned: shut down by {@link #close()}. */
    private final EventLoopGroup group;
    private final Map<Long, PeerAddress> peers = new ConcurrentHashMap<>();
    private final Map<Long, Channel> outbound = new ConcurrentHashMap<>();
    private final Map<Long, Long> lastAttempt = new ConcurrentHashMap<>();
    private volatile BiConsumer<Long, byte[]> onReceive;
    private volatile java.util.function.LongConsumer onDisconnect = peer -> { };
    private Channel serverChannel;
    /** TLS for both directions of every link ({@code sslQuorum}), or null for plaintext; set before {@link #start}. */
    private SslContext tlsAccepting;
    private SslContext tlsConnecting;

    public NettyQuorumTransport(long self, String bindHost, int bindPort, Map<Long, PeerAddress> peers) {
        this(self, bindHost, bindPort, peers, new NioEventLoopGroup(2));
    }

    /** @param group the NIO event loops this transport runs on; it takes ownership of them */
    public NettyQuorumTransport(long self, String bindHost, int bindPort, Map<Long, PeerAddress> peers,
            EventLoopGroup group) {
        this.group = group;
        this.self = self;
        this.bindHost = bindHost;
        this.bindPort = bindPort;
        this.faults = new LinkFaults(self, () -> ThreadLocalRandom.current().nextDouble());
        setPeers(peers);
    }

    /**
     * Every link in both directions uses TLS ({@code sslQuorum=true}): this server presents its
     * certificate and requires the peer's, checked against the quorum trust store. Call before
     * {@link #start}. A peer speaking plaintext is closed with one log line.
     */
    public void useTls(SslContext accepting, SslContext connecting) {
        if (serverChannel != null) {
            throw new IllegalStateException("TLS must be chosen before the quorum port is bound");
        }
        this.tlsAccepting = accepting;
        this.tlsConnecting = connecting;
    }

    @Override
    public void start(BiConsumer<Long, byte[]> onReceive) {
        this.onReceive = onReceive;
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (tlsAccepting != null) {
                            ch.pipeline().addLast(tlsAccepting.newHandler(ch.alloc()));
                        }
                        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 4),
                                new InboundHandler());
                    }
                });
        serverChannel = b.bind(new InetSocketAddress(bindHost, bindPort)).syncUninterruptibly().channel();
    }

    @Override
    public void onPeerDisconnected(java.util.function.LongConsumer listener) {
        this.onDisconnect = listener;
    }

    @Override
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public LinkFaults faults() {
        return faults;
    }

    @Override
    public void setPeers(Map<Long, PeerAddress> newPeers) {
        for (Long id : Map.copyOf(peers).keySet()) {
            PeerAddress updated = newPeers.get(id);
            if (updated == null || !updated.equals(peers.get(id))) {
                peers.remove(id);
                Channel ch = outbound.remove(id);
                if (ch != null) {
                    ch.close();
                }
            }
        }
        newPeers.forEach((id, addr) -> {
            if (id != self) {
                peers.put(id, addr);
            }
        });
    }

    @Override
    public void send(long to, byte[] frame) {
        send(to, frame, EMPTY);
    }

    /** The shared body is encoded once and copied into each follower's burst buffer on its event loop. */
    @Override
    public void send(long to, byte[] head, byte[] body) {
        if (faults.shouldDrop(to)) {
            return;
        }
        long delay = faults.delayFor(to);
        if (delay > 0) {
            group.schedule(() -> write(to, head, body), delay, TimeUnit.MILLISECONDS);
        } else {
            write(to, head, body);
        }
    }

    private void write(long to, byte[] head, byte[] body) {
        Channel ch = outbound.get(to);
        if (ch != null && ch.isActive()) {
            ch.attr(WRITE_QUEUE).get().enqueue(new OutboundFrame(head, body));
            return;
        }
        connect(to);
    }

    private void connect(long to) {
        PeerAddress addr = peers.get(to);
        if (addr == null) {
            return;
        }
        long now = System.nanoTime();
        Long last = lastAttempt.get(to);
        if (last != null && now - last < RECONNECT_BACKOFF_NANOS) {
            return;
        }
        lastAttempt.put(to, now);
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
                // outbound links only write; frames carry their length prefix (see OutboundFrame)
                .handler(tlsConnecting == null ? new ChannelInboundHandlerAdapter()
                        : new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                // Writes wait inside the handler until the handshake completes.
                                ch.pipeline().addLast(tlsConnecting.newHandler(ch.alloc(), addr.host(), addr.port()),
                                        new OutboundTlsFailures(to));
                            }
                        });
        b.connect(addr.host(), addr.port()).addListener(f -> {
            if (!f.isSuccess()) {
                return;
            }
            Channel ch = ((io.netty.channel.ChannelFuture) f).channel();
            ch.writeAndFlush(ch.alloc().ioBuffer(Integer.BYTES + Long.BYTES).writeInt(Long.BYTES).writeLong(self));
            // proposals, commits and acks of one pipeline turn leave in one buffer and one socket write
            ch.attr(WRITE_QUEUE).set(new ChannelWriteQueue<>(ch, OutboundFrame::writeTo));
            Channel old = outbound.put(to, ch);
            if (old != null && old != ch) {
                old.close();
            }
            ch.closeFuture().addListener(c -> outbound.remove(to, ch));
        });
    }

    /**
     * Reads the sender id from the first frame, then hands every frame to the consumer. A consumer
     * that throws rejects the frame, which closes this connection (see {@link #exceptionCaught}).
     */
    private final class InboundHandler extends SimpleChannelInboundHandler<ByteBuf> {
        private long peer = -1;

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
            if (!ctx.channel().isActive()) {
                // Closed while frames of the same read were still being split off: they are dropped.
                return;
            }
            if (peer < 0) {
                if (msg.readableBytes() != 8) {
                    LOG.warn("Closing quorum connection from {}: bad handshake", ctx.channel().remoteAddress());
                    ctx.close();
                    return;
                }
                peer = msg.readLong();
                return;
            }
            byte[] frame = new byte[msg.readableBytes()];
            msg.readBytes(frame);
            BiConsumer<Long, byte[]> consumer = onReceive;
            if (consumer != null) {
                consumer.accept(peer, frame);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (peer >= 0) {
                onDisconnect.accept(peer);
            }
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("Closing quorum connection from {}{}: {}", peer < 0 ? "" : "server " + peer + " at ",
                    ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    /** One log line when a TLS link to a peer cannot be set up (certificate refused, plaintext peer). */
    private static final class OutboundTlsFailures extends ChannelInboundHandlerAdapter {
        private final long peer;

        OutboundTlsFailures(long peer) {
            this.peer = peer;
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.warn("Closing TLS quorum link to server {}: {}", peer,
                    cause.getCause() != null ? cause.getCause().toString() : cause.toString());
            ctx.close();
        }
    }

    /** A quorum frame as the peer's {@link LengthFieldBasedFrameDecoder} reads it: 4-byte length, head, body. */
    private record OutboundFrame(byte[] head, byte[] body) {
        void writeTo(ByteBuf out) {
            out.writeInt(head.length + body.length);
            out.writeBytes(head);
            out.writeBytes(body);
        }
    }

    /**
     * Two hops per event loop: a task executed on the loop schedules a zero-delay task, which a
     * Netty loop only picks up at the start of its next task run, i.e. after its next select and
     * the reads of every socket that was readable then. A plain task could instead run in the
     * batch the loop is in the middle of, before it reads again.
     */
    @Override
    public void afterPendingReceives(Runnable then) {
        List<EventExecutor> loops = new ArrayList<>();
        group.forEach(loops::add);
        AtomicInteger remaining = new AtomicInteger(loops.size());
        Runnable arrived = () -> {
            if (remaining.decrementAndGet() == 0) {
                then.run();
            }
        };
        try {
            for (EventExecutor loop : loops) {
                loop.execute(() -> scheduleOn(loop, arrived));
            }
        } catch (RejectedExecutionException closing) {
            // The transport is shutting down: there is nothing left to read and no tick to deliver.
        }
    }

    private static void scheduleOn(EventExecutor loop, Runnable task) {
        try {
            loop.schedule(task, 0, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // Shut down between the two hops; see afterPendingReceives.
        }
    }

    @Override
    public void close() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        outbound.values().forEach(Channel::close);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
