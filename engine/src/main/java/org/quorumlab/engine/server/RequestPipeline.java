package org.quorumlab.engine.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quorumlab.engine.auth.AclChecker;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.ConnectRequest;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the data tree, sessions and pending changes (one thread). Network threads
 * hand it requests; writes are prepared into txns here (standalone or leader) or forwarded to the
 * leader (learner) and handed to the {@link TxnReplicator}; its {@link CommitApplier} applies them
 * when committed and the {@link ReplySender} answers (encoding happens on the connections' threads).
 * Per session, replies keep request order: a read waits behind the session's uncommitted writes
 * and syncs, so replies and watch events leave in zxid order.
 */
public final class RequestPipeline implements ReplicationPort, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPipeline.class);
    private static final int PING_XID = -2;
    /** Internal opcode: a learner tells the leader which sessions its clients kept alive. */
    public static final int TOUCH_SESSIONS = -100;

    private final ServerConfig config;
    private final TxnReplicator replicator;
    private final PipelineClock clock;
    private final OpRegistry registry = new OpRegistry();
    private final AclChecker acls;
    private final SessionTracker sessions;
    private final SessionHandshake handshake;
    private final ServerStats stats;
    private final OwnerThread owner;
    private final SessionOrdering ordering = new SessionOrdering();
    private final Housekeeping housekeeping;
    private final List<Consumer<SessionEvent>> eventSinks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ReplySender replies;
    private final CommitApplier applier;
    private DataTree tree;
    private PendingChanges pending;
    private volatile boolean serving = true;
    /** Set once this server has served as part of an ensemble; until then losing a leader drops clients. */
    private boolean everServed;
    private final LeaderWait leaderWait;

    public RequestPipeline(ServerConfig config, DataTree tree, TxnReplicator replicator, PipelineClock clock,
            ServerStats stats, Consumer<DataTree> snapshotter) {
        this.config = config;
        this.tree = tree;
        this.replicator = replicator;
        this.clock = clock;
        this.stats = stats;
        this.acls = new AclChecker(config.skipAcl());
        this.pending = new PendingChanges(tree);
        long now = clock.wallMillis();
        this.sessions = new SessionTracker(config.serverId(), config.tickTime(), now);
        this.handshake = new SessionHandshake(config, sessions);
        this.housekeeping = new Housekeeping(config, sessions, now);
        this.replies = new ReplySender(stats, clock);
        this.leaderWait = new LeaderWait(2L * config.syncLimit() * config.tickTime());
        this.applier = new CommitApplier(this, config, ordering, sessions, handshake, replies, stats, clock, snapshotter);
        tree.sessions().forEach((id, timeout) -> sessions.add(id, timeout, now));
        this.owner = new OwnerThread("request-pipeline-" + config.serverId(), stats.quorumQueueDelay,
                stats.quorumQueueDelayMaxNanos);
    }

    /** Starts the replicator on the pipeline thread; call once, after wiring is complete. */
    public void start() {
        CompletableFuture.runAsync(() -> replicator.start(applier), owner).join();
    }

    public AclChecker acls() {
        return acls;
    }

    public OpRegistry registry() {
        return registry;
    }

    /**
     * Runs quorum work on the pipeline thread ahead of every queued client task (the replication
     * host posts ticks, durability reports and its own follow-ups here).
     */
    @Override
    public void execute(Runnable task) {
        owner.executePriority(task, false);
    }

    /** {@link #execute} for a received quorum message: its wait is recorded as the quorum queue delay. */
    @Override
    public void executeQuorumMessage(Runnable task) {
        owner.executePriority(task, true);
    }

    // ------------------------------------------------------------ entry points (any thread)

    public void connect(ClientConnection conn, ConnectRequest req) {
        owner.execute(() -> {
            if (leaderWait.isWaiting()) {
                leaderWait.holdConnect(() -> connectNow(conn, req));
                return;
            }
            if (!serving) {
                conn.close("this server is not serving: no quorum");
                return;
            }
            connectNow(conn, req);
        });
    }

    private void connectNow(ClientConnection conn, ConnectRequest req) {
        if (!conn.isOpen()) {
            return;
        }
        Request create = handshake.connect(conn, req, tree, clock.wallMillis(), clock.nanos());
        if (create != null) {
            stats.outstanding.incrementAndGet();
            route(create, registry.get(OpCode.createSession));
        }
    }

    public void submit(Request request) {
        stats.outstanding.incrementAndGet();
        owner.execute(() -> handleRequest(request));
    }

    public void connectionClosed(ClientConnection conn) {
        owner.execute(() -> {
            tree.removeWatcher(conn);
            handshake.connectionClosed(conn);
        });
    }

    /**
     * Session expiry, container/TTL reaping and session keep-alives to the leader; called every tick.
     * It runs in the priority lane: a learner's keep-alives and the leader's expiry must not wait
     * behind client work, or a busy server would let the leader expire sessions its clients use.
     */
    public void tick() {
        owner.executePriority(this::housekeeping, false);
    }

    /** Runs a read-only task on the pipeline thread (admin views, four-letter words, dumps). */
    public <T> CompletableFuture<T> query(Function<DataTree, T> task) {
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

    /** Registers an observer of session events; it is called on the pipeline thread and must not block. */
    public void addEventSink(Consumer<SessionEvent> sink) {
        eventSinks.add(sink);
    }

    public CompletableFuture<Map<Long, Integer>> sessionsView() {
        return query(t -> sessions.sessions());
    }

    /** Expiry time (ms) → session ids, as this server's tracker schedules them. */
    public CompletableFuture<java.util.SortedMap<Long, Set<Long>>> sessionExpiryView() {
        return query(t -> sessions.expiryBuckets());
    }

    // ------------------------------------------------------------ replication host hooks (pipeline thread)

    /** Leader: a learner forwarded a client write (or its sessions' keep-alives). */
    @Override
    public void handleForwarded(Request request) {
        if (request.type() == TOUCH_SESSIONS) {
            JuteInput in = new JuteInput(request.body());
            for (Long sid : in.readVector(JuteInput::readLong)) {
                sessions.touch(sid, clock.wallMillis());
            }
            return;
        }
        OpHandler handler = registry.get(request.type());
        if (handler instanceof WriteOp<?> w) {
            stats.outstanding.incrementAndGet();
            prepareAndPropose(request, w, false);
        } else {
            LOG.warn("Ignoring forwarded request with opcode {}", request.type());
        }
    }

    /**
     * Serving state changed (replicated mode). A server that loses its leader keeps its client
     * connections and holds their requests ({@link LeaderWait}) until {@link #resumeWhenApplied};
     * its uncommitted prepared state is forgotten. A leader restarts every session's timer.
     */
    @Override
    public void setServing(boolean nowServing, boolean leader) {
        if (serving && !nowServing) {
            pending = new PendingChanges(tree);
            if (everServed) {
                leaderWait.begin(clock.wallMillis());
            } else {
                dropClients("server lost its leader");
            }
        }
        if (nowServing && leader) {
            long now = clock.wallMillis();
            tree.sessions().forEach((id, timeout) -> sessions.add(id, timeout, now));
        }
        everServed |= nowServing;
        serving = nowServing;
    }

    /**
     * A leader is established again and this server is in sync with it up to {@code lastLoggedZxid}:
     * the held requests run once everything up to there is applied.
     */
    @Override
    public void resumeWhenApplied(long lastLoggedZxid) {
        leaderWait.resumeWhenApplied(lastLoggedZxid);
        replayIfReady();
    }

    /** After each applied txn (and on resume): replays what waited for the leader, once in sync. */
    void replayIfReady() {
        if (serving) {
            leaderWait.replayIfReady(tree.lastProcessedZxid(), clock.wallMillis(), ordering, r -> {
                if (r.connection().isOpen()) {
                    handleRequest(r);
                } else {
                    stats.outstanding.decrementAndGet();
                }
            });
        }
    }

    /** Closes every client connection and forgets their pending work (the old way of losing a leader). */
    private void dropClients(String reason) {
        handshake.closeAll(reason);
        leaderWait.abandon();
        ordering.clear();
        pending = new PendingChanges(tree);
        stats.outstanding.set(0);
    }

    /**
     * SNAP sync installed a new tree. Watches were set on the old one, so connected clients are
     * disconnected (they re-register their watches when they reconnect).
     */
    @Override
    public void replaceTree(DataTree newTree) {
        if (leaderWait.isWaiting() || handshake.connectionCount() > 0) {
            dropClients("this server installed a snapshot from its leader");
        }
        tree = newTree;
        pending = new PendingChanges(newTree);
        long now = clock.wallMillis();
        for (Long sid : sessions.sessions().keySet()) {
            if (!newTree.sessions().containsKey(sid)) {
                sessions.remove(sid);
            }
        }
        newTree.sessions().forEach((id, timeout) -> sessions.add(id, timeout, now));
    }

    @Override
    public byte[] appliedConfigData() {
        byte[] data = tree.requireNode(DataTree.CONFIG).data();
        return data == null ? new byte[0] : data;
    }

    public DataTree tree() {
        return tree;
    }

    // ------------------------------------------------------------ requests

    private void handleRequest(Request request) {
        long sid = request.sessionId();
        ClientConnection conn = request.connection();
        if (leaderWait.isWaiting()) {
            housekeeping.touched(sid);
            if (request.type() == OpCode.ping && sessions.touch(sid, clock.wallMillis())) {
                // answered at once, so the client's read timeout does not fire while it waits
                executeRead(request, (ReadOp<?>) registry.get(OpCode.ping));
            } else {
                leaderWait.hold(request);
            }
            return;
        }
        if (!serving) {
            stats.outstanding.decrementAndGet();
            conn.close("this server is not serving");
            return;
        }
        if (!sessions.touch(sid, clock.wallMillis())) {
            stats.outstanding.decrementAndGet();
            conn.send(new ReplyHeader(request.xid(), tree.lastProcessedZxid(), ErrorCode.SESSIONEXPIRED.intValue()), null);
            conn.close("session expired");
            return;
        }
        housekeeping.touched(sid);
        OpHandler handler = registry.get(request.type());
        if (handler == null || request.type() == OpCode.createSession || request.type() == OpCode.deleteContainer) {
            stats.outstanding.decrementAndGet();
            LOG.warn("Closing connection {}: unknown opcode {}", describe(request), request.type());
            conn.close("unknown opcode " + request.type());
            return;
        }
        if (!ordering.deferIfBlocked(request, handler)) {
            route(request, handler);
        }
    }

    /**
     * Runs a request whose turn has come. Writes and syncs are counted as started before they are
     * handed on, because a replicator may complete them before returning.
     */
    private void route(Request request, OpHandler handler) {
        long sid = request.sessionId();
        if (handler.opCode() == OpCode.sync) {
            long token = ordering.newSync(request);
            ordering.started(sid);
            if (replicator.sync(token)) {
                return;
            }
            ordering.dropSync(token);
            ordering.cancelStarted(sid);
        }
        if (handler instanceof WriteOp<?> w) {
            ordering.started(sid);
            boolean handedOn;
            if (replicator.prepareLocally()) {
                handedOn = prepareAndPropose(request, w, true);
            } else {
                ordering.track(request, w);
                handedOn = replicator.forward(ForwardedRequestCodec.encode(request));
                if (!handedOn) {
                    ordering.takeInflight(sid, request.xid());
                    stats.outstanding.decrementAndGet();
                    request.connection().close("no leader to forward the write to");
                }
            }
            if (!handedOn) {
                ordering.cancelStarted(sid);
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
            replies.reply(request, new ReplyHeader(xid, tree.lastProcessedZxid(), 0), body);
        } catch (ZooKeeperException e) {
            replies.reply(request, new ReplyHeader(xid, tree.lastProcessedZxid(), e.code().intValue()), null);
        } catch (MalformedRecordException e) {
            rejectMalformed(request, e);
        }
    }

    private void rejectMalformed(Request request, RuntimeException e) {
        stats.outstanding.decrementAndGet();
        LOG.warn("Closing connection {}: malformed {} request: {}", describe(request), OpCode.name(request.type()),
                e.getMessage());
        if (request.connection() != null) {
            request.connection().close("malformed request");
        }
    }

    /** @return true if a txn was proposed */
    private <R> boolean prepareAndPropose(Request request, WriteOp<R> op, boolean local) {
        R parsed;
        try {
            parsed = op.parse(new JuteInput(request.body()));
        } catch (MalformedRecordException | ZooKeeperException e) {
            rejectMalformed(request, e);
            return false;
        }
        if (applier.isFailed()) {
            stats.outstanding.decrementAndGet();
            return false;
        }
        long zxid = replicator.nextZxid();
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
        if (local) {
            ordering.track(request, op);
        }
        if (request.type() == OpCode.closeSession) {
            sessions.setClosing(request.sessionId());
        }
        replicator.propose(new TxnRecord(new TxnHeader(request.sessionId(), request.xid(), zxid, now, type), txn));
        return true;
    }

    // ------------------------------------------------------------ shared with CommitApplier (pipeline thread)

    void finishInflight(long sid) {
        ordering.finished(sid, sessions::isActive, registry::get, this::route);
    }

    PendingChanges pendingChanges() {
        return pending;
    }

    boolean preparesLocally() {
        return replicator.prepareLocally();
    }

    void publish(SessionEvent event) {
        for (Consumer<SessionEvent> sink : eventSinks) {
            sink.accept(event);
        }
    }

    // ------------------------------------------------------------ housekeeping

    private void housekeeping() {
        closeConnectionsWaitingTooLong();
        housekeeping.run(clock.wallMillis(), clock.nanos(), replicator.prepareLocally(), serving,
                replicator.sessionExpirySuspended(), tree,
                new Housekeeping.Actions() {
                    @Override
                    public void expire(long sid) {
                        LOG.info("Expiring session 0x{}", Long.toHexString(sid));
                        publish(new SessionEvent.Expired(sid));
                        submitInternal(sid, OpCode.closeSession, new byte[0]);
                    }

                    @Override
                    public void submitInternal(long sessionId, int type, byte[] body) {
                        RequestPipeline.this.submitInternal(sessionId, type, body);
                    }

                    @Override
                    public void forwardToLeader(Request request) {
                        replicator.forward(ForwardedRequestCodec.encode(request));
                    }

                    @Override
                    public java.util.Collection<Long> connectedSessions() {
                        return handshake.connectedSessions();
                    }
                });
    }

    /** Without a leader for too long: each session's connection closes at its bound, so its client moves on. */
    private void closeConnectionsWaitingTooLong() {
        long now = clock.wallMillis();
        if (leaderWait.closeOverdue(now, handshake, sessions)) {
            LOG.info("No leader for {} ms: closed {} client connection(s) that cannot wait longer (all)",
                    leaderWait.waitedMillis(now), handshake.connectionCount());
            dropClients("no leader within " + leaderWait.waitedMillis(now) + " ms");
        }
    }

    private void submitInternal(long sessionId, int type, byte[] body) {
        stats.outstanding.incrementAndGet();
        prepareAndPropose(Request.internal(sessionId, type, body, clock.nanos()), (WriteOp<?>) registry.get(type),
                false);
    }

    void onOwner(Runnable task) {
        if (owner.isOwner()) {
            task.run();
        } else {
            owner.execute(task);
        }
    }

    public boolean isFailed() {
        return applier.isFailed();
    }

    public boolean isServing() {
        return serving;
    }

    private static String describe(Request r) {
        return r.connection() == null ? "internal"
                : r.connection().remoteAddress() + " session 0x" + Long.toHexString(r.sessionId());
    }

    @Override
    public void close() {
        try {
            owner.shutdown(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
