package org.quorumlab.engine.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server does for its clients between losing its leader and serving again: it keeps their
 * connections and sessions and holds their requests instead of dropping everything (ZooKeeper closes
 * every connection, and its clients' reconnect back-off costs them seconds). Pipeline thread only.
 *
 * <p>Phases: {@link #begin} when the server stops serving; {@link #resumeWhenApplied} once a leader
 * is established again, with the last zxid this server logged from the sync; {@link #readyToReplay}
 * once everything up to there is applied. From then on a write still in flight was not committed
 * in the new epoch (every entry the leader had when it synced this server is in that prefix, and a
 * request reaching it later on the old learner connection is ignored), so it can be run again
 * without running twice. The held requests are replayed in arrival order, so each session's order
 * is kept. A session's connection is closed if no leader comes within {@link #holdLimitMillis};
 * after {@link #maxHoldMillis} the server gives up and closes everything, so clients move on.
 */
final class LeaderWait {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderWait.class);

    private final long maxHoldMillis;
    private final List<Request> held = new ArrayList<>();
    private final List<Runnable> heldConnects = new ArrayList<>();
    private boolean waiting;
    private long sinceMs;
    private long resumeAtZxid = -1;

    /** @param maxHoldMillis the longest any request is held (2 × syncLimit × tickTime) */
    LeaderWait(long maxHoldMillis) {
        this.maxHoldMillis = maxHoldMillis;
    }

    /** The server stopped serving (again: a leader found meanwhile was lost before the replay). */
    void begin(long nowMs) {
        if (!waiting) {
            waiting = true;
            sinceMs = nowMs;
        }
        resumeAtZxid = -1;
    }

    boolean isWaiting() {
        return waiting;
    }

    long waitedMillis(long nowMs) {
        return waiting ? nowMs - sinceMs : 0;
    }

    /** How long a session with {@code timeoutMs} may wait: a third of its timeout, at most the server's bound. */
    long holdLimitMillis(int timeoutMs) {
        return Math.min(timeoutMs / 3, maxHoldMillis);
    }

    /**
     * Closes the connections of the sessions that waited longer than their bound; returns true once
     * the server's own bound is over and the caller should give up on every client.
     */
    boolean closeOverdue(long nowMs, SessionHandshake handshake, SessionTracker sessions) {
        if (!waiting) {
            return false;
        }
        if (pastMaxHold(nowMs)) {
            return true;
        }
        long waited = nowMs - sinceMs;
        int closed = handshake.closeWhere(sid -> {
            Integer timeout = sessions.timeoutOf(sid);
            return timeout == null || waited > holdLimitMillis(timeout);
        }, "no leader within " + waited + " ms");
        if (closed > 0) {
            // Benchmarks and tests count these: each one costs its client the requests in flight.
            LOG.info("No leader for {} ms: closed {} client connection(s) that cannot wait longer", waited, closed);
        }
        return false;
    }

    boolean pastMaxHold(long nowMs) {
        return waiting && nowMs - sinceMs > maxHoldMillis;
    }

    void hold(Request request) {
        held.add(request);
    }

    void holdConnect(Runnable connect) {
        heldConnects.add(connect);
    }

    /** A leader is established; replay once everything up to {@code lastLoggedZxid} is applied. */
    void resumeWhenApplied(long lastLoggedZxid) {
        if (waiting) {
            resumeAtZxid = lastLoggedZxid;
        }
    }

    boolean readyToReplay(long appliedZxid) {
        return waiting && resumeAtZxid >= 0 && appliedZxid >= resumeAtZxid;
    }

    /**
     * Once in sync ({@link #readyToReplay}): runs the held connection attempts, then hands every
     * request to replay (in flight, deferred and held, in arrival order) to {@code handle}.
     */
    void replayIfReady(long appliedZxid, long nowMs, SessionOrdering ordering, Consumer<Request> handle) {
        if (!readyToReplay(appliedZxid)) {
            return;
        }
        long waited = nowMs - sinceMs;
        List<Runnable> connects = takeConnects();
        List<Request> replay = takeReplay(ordering.takeUnfinished());
        LOG.info("Serving again after {} ms without a leader: replaying {} held requests and {} connection attempts",
                waited, replay.size(), connects.size());
        connects.forEach(Runnable::run);
        replay.forEach(handle);
    }

    /** Ends the wait: the held connection attempts, to run first. */
    List<Runnable> takeConnects() {
        List<Runnable> out = List.copyOf(heldConnects);
        heldConnects.clear();
        return out;
    }

    /**
     * Ends the wait: {@code unfinished} (what the session ordering still had: writes in flight,
     * syncs, deferred requests) plus the held requests, in arrival order.
     */
    List<Request> takeReplay(List<Request> unfinished) {
        List<Request> out = new ArrayList<>(unfinished);
        out.addAll(held);
        out.sort(Comparator.comparingLong(Request::receivedNanos));
        held.clear();
        waiting = false;
        resumeAtZxid = -1;
        return out;
    }

    /** Gives up waiting: what was held, for the caller to drop. */
    int abandon() {
        int dropped = held.size();
        held.clear();
        heldConnects.clear();
        waiting = false;
        resumeAtZxid = -1;
        return dropped;
    }
}
