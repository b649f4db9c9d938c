package org.quorumlab.engine.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.quorumlab.engine.consensus.LearnerStatus;

/**
 * Tree- and session-derived state of one server, copied on the pipeline thread at one instant.
 *
 * @param sessions          session id → negotiated timeout (ms), from the replicated session table
 * @param sessionExpiry     expiry time (ms) → session ids, as this server's tracker schedules them
 * @param ephemerals        session id → its ephemeral paths
 * @param watchesBySession  session id → watched paths (data and child watches)
 * @param watchesByPath     path → watching session ids
 * @param learners          connected learners (leader only, else empty)
 */
public record NodeState(boolean serving, long zxid, int nodeCount, int watchCount, long dataSize,
        Map<Long, Integer> sessions, SortedMap<Long, Set<Long>> sessionExpiry, Map<Long, Set<String>> ephemerals,
        Map<Long, Set<String>> watchesBySession, Map<String, Set<Long>> watchesByPath,
        List<LearnerStatus> learners) {

    NodeState withSessionExpiry(SortedMap<Long, Set<Long>> expiry) {
        return new NodeState(serving, zxid, nodeCount, watchCount, dataSize, sessions, expiry, ephemerals,
                watchesBySession, watchesByPath, learners);
    }

    public int ephemeralsCount() {
        return ephemerals.values().stream().mapToInt(Set::size).sum();
    }

    /** Number of distinct watching connections (wchs). */
    public int watchingConnections() {
        return watchesBySession.size();
    }

    public long syncedFollowers() {
        return learners.stream().filter(l -> l.synced() && !l.observer()).count();
    }

    public long syncedObservers() {
        return learners.stream().filter(l -> l.synced() && l.observer()).count();
    }
}
