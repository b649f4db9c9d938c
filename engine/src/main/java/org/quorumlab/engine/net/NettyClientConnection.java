package org.quorumlab.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.quorumlab.engine.auth.AclChecker;
import org.quorumlab.engine.auth.AuthProvider;
import org.quorumlab.engine.proto.AuthPacket;
import org.quorumlab.engine.proto.ConnectRequest;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.KeeperState;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.proto.RequestHeader;
import org.quorumlab.engine.proto.WatcherEvent;
import org.quorumlab.engine.server.ClientConnection;
import org.quorumlab.engine.server.Request;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.tree.WatchEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client TCP connection: decodes requests and hands them to the pipeline, encodes replies
 * and watch events. Any malformed input closes this connection only, with one log line.
 */
final class NettyClientConnection extends ChannelInboundHandlerAdapter implements ClientConnection, Admission.Parked {

    private static final Logger LOG = LoggerFactory.getLogger(NettyClientConnection.class);
    private static final int AUTH_XID = -4;
    private static final int NOTIFICATION_XID = -1;
    /** A reply buffer grown beyond this by one large reply is dropped rather than kept per connection. */
    private static final int MAX_RETAINED_REPLY_BUFFER = 64 * 1024;

    private final RequestPipeline pipeline;
    private final Admission admission;
    /** Requests admitted into the pipeline and not yet answered. */
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Requests read while admission refused them, in order; the socket is not read meanwhile. Event loop only. */
    private final java.util.ArrayDeque<Request> parked = new java.util.ArrayDeque<>();
    private final ServerView serverView;
    private final ServerStats stats;
    private final String superDigest;
    private final List<Id> authInfo = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile Channel channel;
    private volatile ChannelWriteQueue<Reply> replies;
    private volatile long sessionId;
    private volatile boolean connected;
    private final long createdMs = System.currentTimeMillis();
    private final ConnectionStats connStats = new ConnectionStats();
    /** Touched only on the channel's event loop. */
    private JuteOutput replyBuffer = new JuteOutput();

    NettyClientConnection(RequestPipeline pipeline, Admission admission, ServerView serverView, ServerStats stats,
            String superDigest) {
        this.pipeline = pipeline;
        this.admission = admission;
        this.serverView = serverView;
        this.stats = stats;
        this.superDigest = superDigest;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        replies = new ChannelWriteQueue<>(channel, this::encode);
        if (channel.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null) {
            authInfo.add(new Id("ip", a.getAddress().getHostAddress()));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FrameDecoder.FourLetterWord w) {
            // Answering may wait for the pipeline thread; never block this event loop's other clients.
            java.util.concurrent.CompletableFuture.supplyAsync(() -> serverView.fourLetterWord(w.command()))
                    .thenAccept(reply -> ctx.writeAndFlush(Unpooled.copiedBuffer(reply, StandardCharsets.UTF_8))
                            .addListener(ChannelFutureListener.CLOSE));
            return;
        }
        byte[] frame = (byte[]) msg;
        received.incrementAndGet();
        stats.packetsReceived.increment();
        JuteInput in = new JuteInput(frame);
        if (!connected) {
            connected = true;
            pipeline.connect(this, ConnectRequest.read(in));
            return;
        }
        RequestHeader header = RequestHeader.read(in);
        byte[] body = new byte[in.remaining()];
        System.arraycopy(frame, frame.length - body.length, body, 0, body.length);
        if (header.type() == OpCode.auth) {
            handleAuth(header, AuthPacket.read(new JuteInput(body)));
            return;
        }
        if (header.type() == OpCode.sasl) {
            throw new IllegalArgumentException("SASL is not supported");
        }
        Request request = new Request(this, sessionId, header.xid(), header.type(), body, List.copyOf(authInfo),
                System.nanoTime());
        if (!parked.isEmpty() || !admission.tryAdmit(inFlight, this)) {
            parked.addLast(request);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        pipeline.submit(request);
    }

    /** Admission may let parked requests in again: retry on this channel's event loop. */
    @Override
    public void wake() {
        Channel ch = channel;
        if (ch != null) {
            ch.eventLoop().execute(this::admitParked);
        }
    }

    private void admitParked() {
        if (closed.get()) {
            return;
        }
        while (!parked.isEmpty()) {
            if (!admission.tryAdmit(inFlight, this)) {
                return;
            }
            pipeline.submit(parked.pollFirst());
        }
        channel.config().setAutoRead(true);
    }

    /** One admitted request was answered; a no-op once the connection closed and released them all. */
    private void releaseOne() {
        while (true) {
            int n = inFlight.get();
            if (n <= 0) {
                return;
            }
            if (inFlight.compareAndSet(n, n - 1)) {
                admission.released(1);
                return;
            }
        }
    }

    private void handleAuth(RequestHeader header, AuthPacket packet) {
        AclChecker acls = pipeline.acls();
        AuthProvider provider = acls.provider(packet.scheme());
        String id = provider == null ? null : provider.authenticate(packet.auth());
        if (id == null) {
            LOG.info("Authentication failed for scheme {} from {}", packet.scheme(), remoteAddress());
            send(new ReplyHeader(AUTH_XID, 0, ErrorCode.AUTHFAILED.intValue()), null);
            close("authentication failed");
            return;
        }
        authInfo.add(new Id(packet.scheme(), id));
        if ("digest".equals(packet.scheme()) && id.equals(superDigest)) {
            authInfo.add(AclChecker.SUPER);
        }
        send(new ReplyHeader(AUTH_XID, 0, 0), null);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.warn("Closing connection {} (session 0x{}): {}", remoteAddress(), Long.toHexString(sessionId),
                cause.getCause() != null && cause instanceof io.netty.handler.codec.DecoderException
                        ? cause.getCause().toString() : cause.toString());
        close("bad input");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed.set(true);
        parked.clear();
        admission.forget(this);
        admission.released(inFlight.getAndSet(0));
        pipeline.connectionClosed(this);
    }

    // ------------------------------------------------------------ ClientConnection

    @Override
    public void send(ReplyHeader header, JuteRecord body) {
        if (header.xid() != NOTIFICATION_XID && header.xid() != AUTH_XID) {
            releaseOne();
        }
        writeFrame(header, body);
    }

    @Override
    public void sendConnectResponse(JuteRecord response) {
        writeFrame(response, null);
    }

    /**
     * Hands the reply to the channel's event loop, which encodes it (records are immutable), so the
     * pipeline thread does no encoding; replies queued together leave in one write and one flush.
     */
    private void writeFrame(JuteRecord first, JuteRecord second) {
        ChannelWriteQueue<Reply> queue = replies;
        if (queue == null || closed.get()) {
            return;
        }
        queue.enqueue(new Reply(first, second));
    }

    /**
     * On the event loop: encodes into this connection's reused buffer and appends the frame to the
     * burst. A reply queued before {@link #close} still goes out: the close task runs after it.
     */
    private void encode(Reply reply, ByteBuf burst) {
        JuteOutput out = replyBuffer;
        out.reset();
        out.writeInt(0);
        reply.first().write(out);
        if (reply.second() != null) {
            reply.second().write(out);
        }
        out.writeIntAt(0, out.size() - 4);
        sent.incrementAndGet();
        stats.packetsSent.increment();
        burst.writeBytes(out.array(), 0, out.size());
        if (out.size() > MAX_RETAINED_REPLY_BUFFER) {
            replyBuffer = new JuteOutput();
        }
    }

    private record Reply(JuteRecord first, JuteRecord second) {
    }

    @Override
    public void process(WatchEvent event, List<org.quorumlab.engine.proto.Acl> nodeAcl) {
        if (!pipeline.acls().allows(nodeAcl, Perms.READ, authInfo)) {
            return;
        }
        stats.watchEventsSent.increment();
        send(new ReplyHeader(NOTIFICATION_XID, event.zxid(), 0),
                new WatcherEvent(event.type().intValue(), KeeperState.SyncConnected.intValue(), event.path()));
    }

    @Override
    public void close(String reason) {
        Channel ch = channel;
        if (ch != null && !closed.getAndSet(true)) {
            LOG.debug("Closing connection {}: {}", remoteAddress(), reason);
            ch.eventLoop().execute(() -> ch.flush().close());
        }
    }

    @Override
    public boolean isOpen() {
        return !closed.get();
    }

    @Override
    public List<Id> authInfo() {
        return List.copyOf(authInfo);
    }

    @Override
    public String remoteAddress() {
        Channel ch = channel;
        return ch == null ? "?" : String.valueOf(ch.remoteAddress());
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public void setSessionId(long sessionId) {
        this.sessionId = sessionId;
    }

    @Override
    public void recordReply(int opCode, long latencyNanos) {
        connStats.record(opCode, latencyNanos);
    }

    ConnectionStats connectionStats() {
        return connStats;
    }

    void resetStats() {
        received.set(0);
        sent.set(0);
        connStats.reset();
    }

    long receivedCount() {
        return received.get();
    }

    long sentCount() {
        return sent.get();
    }

    long createdMs() {
        return createdMs;
    }
}
