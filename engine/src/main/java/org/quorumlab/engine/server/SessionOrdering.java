package org.quorumlab.engine.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongPredicate;
import org.quorumlab.engine.proto.OpCode;

/**
 * Per-session request order: a session's reads wait behind its writes and syncs that are still in
 * flight, so every reply (and watch event) reaches the client in the order ZooKeeper guarantees.
 * Also remembers which in-flight write or sync each reply belongs to. Pipeline thread only.
 */
final class SessionOrdering {

    /** A write this server must answer when its txn commits. */
    record InFlight(Request request, WriteOp<?> op) {
    }

    private record SessionXid(long sessionId, int xid) {
    }

    private static final class SessionQueue {
        int inflight;
        final ArrayDeque<Request> waiting = new ArrayDeque<>();
    }

    private final Map<SessionXid, InFlight> inflight = new HashMap<>();
    private final Map<Long, Request> syncs = new HashMap<>();
    private final Map<Long, SessionQueue> queues = new HashMap<>();
    private long nextSyncToken;

    static boolean isRead(OpHandler handler) {
        return handler instanceof ReadOp && handler.opCode() != OpCode.sync;
    }

    /** Queues {@code request} if something earlier of its session is still pending; returns true if queued. */
    boolean deferIfBlocked(Request request, OpHandler handler) {
        SessionQueue q = queues.computeIfAbsent(request.sessionId(), k -> new SessionQueue());
        if (!q.waiting.isEmpty() || (isRead(handler) && q.inflight > 0)) {
            q.waiting.addLast(request);
            return true;
        }
        return false;
    }

    /** A write or sync of the session was started; later reads wait for it. */
    void started(long sessionId) {
        queues.computeIfAbsent(sessionId, k -> new SessionQueue()).inflight++;
    }

    /** Undoes {@link #started} for work that was never handed on (nothing can have queued meanwhile). */
    void cancelStarted(long sessionId) {
        SessionQueue q = queues.get(sessionId);
        if (q != null && q.inflight > 0) {
            q.inflight--;
        }
    }

    void track(Request request, WriteOp<?> op) {
        if (request.connection() != null && request.type() != OpCode.createSession) {
            inflight.put(new SessionXid(request.sessionId(), request.xid()), new InFlight(request, op));
        }
    }

    InFlight takeInflight(long sessionId, int xid) {
        return inflight.remove(new SessionXid(sessionId, xid));
    }

    long newSync(Request request) {
        syncs.put(++nextSyncToken, request);
        return nextSyncToken;
    }

    /** Undoes {@link #newSync} when the replicator answered the sync at once. */
    void dropSync(long token) {
        syncs.remove(token);
    }

    Request takeSync(long token) {
        return syncs.remove(token);
    }

    /**
     * One write or sync of the session finished: dispatches the queued requests that may now run,
     * in order, stopping at a read that must still wait.
     */
    void finished(long sessionId, LongPredicate sessionActive, java.util.function.IntFunction<OpHandler> handlers,
            BiConsumer<Request, OpHandler> dispatch) {
        SessionQueue q = queues.get(sessionId);
        if (q == null) {
            return;
        }
        q.inflight = Math.max(0, q.inflight - 1);
        while (!q.waiting.isEmpty()) {
            Request next = q.waiting.peekFirst();
            OpHandler handler = handlers.apply(next.type());
            if (isRead(handler) && q.inflight > 0) {
                return;
            }
            q.waiting.removeFirst();
            dispatch.accept(next, handler);
        }
        if (q.inflight == 0 && !sessionActive.test(sessionId)) {
            queues.remove(sessionId);
        }
    }

    /**
     * Everything not finished, for a replay after a leader change: writes in flight (not committed,
     * or they would have been answered), syncs, and the requests deferred behind them. Clears all.
     */
    List<Request> takeUnfinished() {
        List<Request> out = new ArrayList<>();
        inflight.values().forEach(f -> out.add(f.request()));
        out.addAll(syncs.values());
        queues.values().forEach(q -> out.addAll(q.waiting));
        clear();
        return out;
    }

    /** Forgets everything pending (the server stopped serving; clients will re-send). */
    void clear() {
        inflight.clear();
        syncs.clear();
        queues.clear();
    }
}
