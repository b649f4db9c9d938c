package org.quorumlab.engine.server;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.DeleteRequest;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.tree.DataTree;

/**
 * Periodic work of the pipeline thread. The server that prepares writes (standalone or leader)
 * expires sessions and reaps empty containers and expired TTL nodes; a learner instead reports the
 * sessions its clients kept alive, so the leader's expiry sees them.
 */
final class Housekeeping {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Housekeeping.class);
    /** A gap between two runs longer than this many ticks is a stall of this server. */
    static final int STALL_TICKS = 3;

    /** What housekeeping asks the pipeline to do. */
    interface Actions {
        void expire(long sessionId);

        void submitInternal(long sessionId, int type, byte[] body);

        void forwardToLeader(Request request);

        /** Sessions with a client connection on this server. */
        java.util.Collection<Long> connectedSessions();
    }

    private final ServerConfig config;
    private final SessionTracker sessions;
    private final Set<Long> touched = new HashSet<>();
    private long lastReapMs;
    private long lastRunMs;
    private boolean expiryWasSuspended;

    Housekeeping(ServerConfig config, SessionTracker sessions, long nowMs) {
        this.config = config;
        this.sessions = sessions;
        this.lastReapMs = nowMs;
        this.lastRunMs = nowMs;
    }

    void touched(long sessionId) {
        touched.add(sessionId);
    }

    void run(long nowMs, long nowNanos, boolean preparesWrites, boolean serving, boolean expirySuspended,
            DataTree tree, Actions actions) {
        long sinceLastRun = nowMs - lastRunMs;
        lastRunMs = nowMs;
        // This server itself did not run (GC pause, starved CPU, SIGSTOP): the keep-alives sent to
        // it meanwhile are still unread, so its own stall must not count against the clients.
        boolean stalled = sinceLastRun > STALL_TICKS * config.tickTime();
        if (!preparesWrites) {
            if (stalled) {
                LOG.warn("Housekeeping ran {} ms after the previous run; keeping every connected session alive",
                        sinceLastRun);
                touched.addAll(actions.connectedSessions());
            }
            // Kept while there is no leader to tell: the leader hears of them once this server serves again.
            if (!touched.isEmpty() && serving) {
                JuteOutput body = new JuteOutput();
                body.writeVector(List.copyOf(touched), JuteOutput::writeLong);
                actions.forwardToLeader(new Request(null, 0, 0, RequestPipeline.TOUCH_SESSIONS, body.toByteArray(),
                        List.of(), nowNanos));
                touched.clear();
            }
            return;
        }
        touched.clear();
        if (stalled) {
            // Every session gets a full timeout from now, as a new leader gives them.
            LOG.warn("Housekeeping ran {} ms after the previous run; renewing every session instead of expiring",
                    sinceLastRun);
            sessions.touchAll(nowMs);
        }
        if (expirySuspended) {
            expiryWasSuspended = true;
        } else {
            if (expiryWasSuspended) {
                // Leaving teaching mode: every session gets a full timeout instead of all expiring at once.
                sessions.touchAll(nowMs);
                expiryWasSuspended = false;
            }
            for (long sid : sessions.expire(nowMs)) {
                actions.expire(sid);
            }
        }
        if (nowMs - lastReapMs >= config.containerCheckIntervalMs()) {
            lastReapMs = nowMs;
            for (String path : ContainerReaper.candidates(tree, nowMs)) {
                JuteOutput out = new JuteOutput();
                new DeleteRequest(path, -1).write(out);
                actions.submitInternal(0, OpCode.deleteContainer, out.toByteArray());
            }
        }
    }
}
