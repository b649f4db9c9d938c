package org.quorumlab.engine.server;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.quorumlab.engine.auth.AclChecker;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.ConnectRequest;
import org.quorumlab.engine.proto.ConnectResponse;
import org.quorumlab.engine.proto.DeleteRequest;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the data tree, sessions and pending changes. Network threads hand it
 * requests; it prepares writes into txns, hands them to the {@link TxnReplicator}, applies them
 * when committed and answers. Per session, replies keep request order: a read waits behind the
 * session's uncommitted writes, so every reply and watch event leaves in zxid order.
 */
public final class RequestPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private static final int PING_XID = -2;

    private record InFlight(Request request, WriteOp<?> op) {
    }

    private static final class SessionQueue {
        int inflightWrites;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
    }

    private final ServerConfig config;
    private final DataTree tree;
    private final TxnReplicator replicator;
    private final PipelineClock clock;
    private final OpRegistry registry = new OpRegistry();
    private final AclChecker acls;
    private final PendingChanges pending;
    private final SessionTracker sessions;
    private final ServerStats stats;
    private final Consumer<DataTree> snapshotter;
    private final ExecutorService owner;
    private final Map<Long, InFlight> inflight = new HashMap<>();
    private final Map<Long, SessionQueue> queues = new HashMap<>();
    private final Map<Long, ClientConnection> connections = new HashMap<>();
    private final Map<Long, ClientConnection> connecting = new HashMap<>();
    private long lastPreparedZxid;
    private long txnsSinceSnapshot;
    private long lastReapMs;
    private volatile boolean failed;

    public RequestPipeline(ServerConfig config, DataTree tree, TxnReplicator replicator, PipelineClock clock,
            ServerStats stats, Consumer<DataTree> snapshotter) {
        this.config = config;
        this.tree = tree;
        this.replicator = replicator;
        this.clock = clock;
        this.stats = stats;
        this.snapshotter = snapshotter;
        this.acls = new AclChecker(config.skipAcl());
        this.pending = new PendingChanges(tree);
        long now = clock.wallMillis();
        this.sessions = new SessionTracker(config.serverId(), config.tickTime(), now);
        this.lastPreparedZxid = tree.lastProcessedZxid();
        this.lastReapMs = now;
        tree.sessions().forEach((id, timeout) -> sessions.add(id, timeout, now));
        this.owner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "request-pipeline");
            t.setDaemon(true);
            return t;
        });
        replicator.start(rec -> owner.execute(() -> applyCommitted(rec)), this::fatal);
    }

    public AclChecker acls() {
        return acls;
    }

    public OpRegistry registry() {
        return registry;
    }

    // ------------------------------------------------------------ entry points (any thread)

    public void connect(ClientConnection conn, ConnectRequest req) {
        owner.execute(() -> handleConnect(conn, req));
    }

    public void submit(Request request) {
        stats.outstanding.incrementAndGet();
        owner.execute(() -> handleRequest(request));
    }

    public void connectionClosed(ClientConnection conn) {
        owner.execute(() -> {
            tree.removeWatcher(conn);
            connections.remove(conn.sessionId(), conn);
        });
    }

    /** Session expiry and container/TTL reaping; called every tick. */
    public void tick() {
        owner.execute(this::housekeeping);
    }

    /** Runs a read-only task on the owner thread (admin views, snapshots, dumps). */
    public <T> CompletableFuture<T> query(java.util.function.Function<DataTree, T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        owner.execute(() -> {
            try {
                f.complete(task.apply(tree));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    public CompletableFuture<Map<Long, Integer>> sessionsView() {
        return query(t -> sessions.sessions());
    }

    // ------------------------------------------------------------ connect

    private void handleConnect(ClientConnection conn, ConnectRequest req) {
        if (req.lastZxidSeen() > tree.lastProcessedZxid()) {
            LOG.info("Refusing session from {}: client has seen zxid 0x{}, ours is 0x{}", conn.remoteAddress(),
                    Long.toHexString(req.lastZxidSeen()), Long.toHexString(tree.lastProcessedZxid()));
            conn.close("client is ahead of this server");
            return;
        }
        int timeout = Math.max(config.minSessionTimeout(), Math.min(config.maxSessionTimeout(), req.timeOut()));
        long now = clock.wallMillis();
        if (req.sessionId() == 0) {
            long id = sessions.newSessionId();
            conn.setSessionId(id);
            connecting.put(id, conn);
            propose(new TxnRecord(new TxnHeader(id, 0, ++lastPreparedZxid, now, OpCode.createSession),
                    new Txn.CreateSession(timeout)));
            return;
        }
        long id = req.sessionId();
        boolean valid = sessions.isActive(id)
                && java.util.Arrays.equals(req.passwd(), SessionTracker.passwordFor(id));
        if (!valid) {
            LOG.info("Invalid session 0x{} from {}: expired or wrong password", Long.toHexString(id), conn.remoteAddress());
            conn.sendConnectResponse(new ConnectResponse(0, 0, 0, new byte[16], false));
            conn.close("session expired");
            return;
        }
        sessions.touch(id, now);
        conn.setSessionId(id);
        ClientConnection old = connections.put(id, conn);
        if (old != null && old != conn) {
            tree.removeWatcher(old);
            old.close("session moved to another connection");
        }
        conn.sendConnectResponse(new ConnectResponse(0, timeout, id, SessionTracker.passwordFor(id), false));
    }

    // ------------------------------------------------------------ requests

    private void handleRequest(Request request) {
        long sid = request.sessionId();
        if (!sessions.touch(sid, clock.wallMillis()) && request.connection() != null) {
            stats.outstanding.decrementAndGet();
            request.connection().send(new ReplyHeader(request.xid(), tree.lastProcessedZxid(),
                    ErrorCode.SESSIONEXPIRED.intValue()), null);
            request.connection().close("session expired");
            return;
        }
        OpHandler handler = registry.get(request.type());
        if (handler == null) {
            stats.outstanding.decrementAndGet();
            LOG.warn("Closing connection {}: unknown opcode {}", describe(request), request.type());
            if (request.connection() != null) {
                request.connection().close("unknown opcode " + request.type());
            }
            return;
        }
        SessionQueue q = queues.computeIfAbsent(sid, k -> new SessionQueue());
        if (!q.waiting.isEmpty() || (handler instanceof ReadOp && q.inflightWrites > 0)) {
            q.waiting.addLast(request);
            return;
        }
        dispatch(request, handler, q);
    }

    private void dispatch(Request request, OpHandler handler, SessionQueue q) {
        if (handler instanceof WriteOp<?> w) {
            if (prepareAndPropose(request, w)) {
                q.inflightWrites++;
            }
        } else {
            executeRead(request, (ReadOp<?>) handler);
        }
    }

    private void executeRead(Request request, ReadOp<?> op) {
        ClientConnection conn = request.connection();
        ReadContext ctx = new ReadContext(tree, acls, request.authInfo(), request.sessionId(), conn,
                tree.lastProcessedZxid());
        int xid = op.opCode() == OpCode.ping ? PING_XID : request.xid();
        try {
            JuteRecord body = op.handle(ctx, new JuteInput(request.body()));
            reply(request, new ReplyHeader(xid, tree.lastProcessedZxid(), 0), body);
        } catch (ZooKeeperException e) {
            reply(request, new ReplyHeader(xid, tree.lastProcessedZxid(), e.code().intValue()), null);
        } catch (MalformedRecordException e) {
            stats.outstanding.decrementAndGet();
            LOG.warn("Closing connection {}: malformed {} request: {}", describe(request),
                    OpCode.name(request.type()), e.getMessage());
            if (conn != null) {
                conn.close("malformed request");
            }
        }
    }

    /** @return true if a txn was proposed (the session now has a write in flight) */
    private <R> boolean prepareAndPropose(Request request, WriteOp<R> op) {
        R parsed;
        try {
            parsed = op.parse(new JuteInput(request.body()));
        } catch (MalformedRecordException | ZooKeeperException e) {
            stats.outstanding.decrementAndGet();
            LOG.warn("Closing connection {}: malformed {} request: {}", describe(request),
                    OpCode.name(request.type()), e.getMessage());
            if (request.connection() != null) {
                request.connection().close("malformed request");
            }
            return false;
        }
        long zxid = ++lastPreparedZxid;
        long now = clock.wallMillis();
        PrepareContext ctx = new PrepareContext(pending, acls, config, request.authInfo(), request.sessionId(),
                zxid, now, registry);
        int checkpoint = pending.checkpoint();
        Txn txn;
        try {
            txn = op.prepare(ctx, parsed);
        } catch (ZooKeeperException e) {
            pending.rollback(checkpoint);
            txn = new Txn.Error(e.code().intValue());
        }
        int type = txn instanceof Txn.Error ? OpCode.error : request.type();
        inflight.put(zxid, new InFlight(request, op));
        if (request.type() == OpCode.closeSession) {
            sessions.setClosing(request.sessionId());
        }
        propose(new TxnRecord(new TxnHeader(request.sessionId(), request.xid(), zxid, now, type), txn));
        return true;
    }

    private void propose(TxnRecord record) {
        if (failed) {
            return;
        }
        replicator.propose(record);
    }

    // ------------------------------------------------------------ commit

    private void applyCommitted(TxnRecord record) {
        TxnHeader header = record.header();
        ProcessTxnResult result = tree.processTxn(header, record.txn());
        pending.committed(header.zxid());
        if (header.zxid() > lastPreparedZxid) {
            lastPreparedZxid = header.zxid();
        }
        afterApply(record, result);
        InFlight f = inflight.remove(header.zxid());
        if (f != null) {
            replyToWrite(f, result, header);
            SessionQueue q = queues.get(header.sessionId());
            if (q != null) {
                q.inflightWrites--;
                drain(header.sessionId(), q);
            }
        }
        if (++txnsSinceSnapshot >= config.snapCount()) {
            txnsSinceSnapshot = 0;
            snapshotter.accept(tree);
        }
    }

    private void afterApply(TxnRecord record, ProcessTxnResult result) {
        long sid = record.header().sessionId();
        if (record.txn() instanceof Txn.CreateSession cs) {
            sessions.add(sid, cs.timeoutMs(), clock.wallMillis());
            ClientConnection conn = connecting.remove(sid);
            if (conn != null) {
                connections.put(sid, conn);
                conn.sendConnectResponse(new ConnectResponse(0, cs.timeoutMs(), sid, SessionTracker.passwordFor(sid), false));
            }
        } else if (record.txn() instanceof Txn.CloseSession) {
            sessions.remove(sid);
            queues.remove(sid);
            ClientConnection conn = connections.remove(sid);
            InFlight f = inflight.get(record.header().zxid());
            boolean clientClosed = f != null && f.request().connection() != null;
            if (conn != null && !clientClosed) {
                tree.removeWatcher(conn);
                conn.close("session expired");
            }
        }
    }

    private void replyToWrite(InFlight f, ProcessTxnResult result, TxnHeader header) {
        Request request = f.request();
        int err = result.type() == OpCode.multi ? 0 : result.err();
        JuteRecord body = err == 0 ? f.op().reply(result) : null;
        reply(request, new ReplyHeader(request.xid(), header.zxid(), err), body);
        if (request.type() == OpCode.closeSession && request.connection() != null) {
            request.connection().close("session closed by client");
        }
    }

    private void drain(long sid, SessionQueue q) {
        while (!q.waiting.isEmpty()) {
            Request next = q.waiting.peekFirst();
            OpHandler handler = registry.get(next.type());
            if (handler instanceof ReadOp && q.inflightWrites > 0) {
                return;
            }
            q.waiting.removeFirst();
            dispatch(next, handler, q);
        }
        if (q.inflightWrites == 0 && !sessions.isActive(sid)) {
            queues.remove(sid);
        }
    }

    private void reply(Request request, ReplyHeader header, JuteRecord body) {
        stats.outstanding.decrementAndGet();
        ClientConnection conn = request.connection();
        if (conn != null) {
            long latency = clock.nanos() - request.receivedNanos();
            stats.recordLatency(latency);
            conn.recordReply(request.type(), latency);
            conn.send(header, body);
        }
    }

    // ------------------------------------------------------------ housekeeping

    private void housekeeping() {
        long now = clock.wallMillis();
        for (long sid : sessions.expire(now)) {
            LOG.info("Expiring session 0x{}", Long.toHexString(sid));
            submitInternal(sid, OpCode.closeSession, new byte[0]);
        }
        if (now - lastReapMs >= config.containerCheckIntervalMs()) {
            lastReapMs = now;
            List<String> candidates = ContainerReaper.candidates(tree, now);
            for (String path : candidates) {
                JuteOutput out = new JuteOutput();
                new DeleteRequest(path, -1).write(out);
                submitInternal(0, OpCode.deleteContainer, out.toByteArray());
            }
        }
    }

    private void submitInternal(long sessionId, int type, byte[] body) {
        stats.outstanding.incrementAndGet();
        Request r = Request.internal(sessionId, type, body, clock.nanos());
        prepareAndPropose(r, (WriteOp<?>) registry.get(type));
    }

    private void fatal(Throwable t) {
        LOG.error("Transaction log failed; refusing further writes", t);
        failed = true;
        owner.execute(() -> {
            for (ClientConnection c : List.copyOf(connections.values())) {
                c.close("server storage failure");
            }
        });
    }

    public boolean isFailed() {
        return failed;
    }

    private static String describe(Request r) {
        return r.connection() == null ? "internal" : r.connection().remoteAddress()
                + " session 0x" + Long.toHexString(r.sessionId());
    }

    @Override
    public void close() {
        owner.shutdown();
        try {
            owner.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
