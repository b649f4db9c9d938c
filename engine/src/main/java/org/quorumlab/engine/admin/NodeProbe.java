package org.quorumlab.engine.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.consensus.LearnerStatus;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.server.ClientConnection;
import org.quorumlab.engine.tree.WatchManager;
import org.quorumlab.engine.tree.Watcher;

/** Copies a {@link NodeState} on the pipeline thread; the only way the admin surface reads the tree. */
public final class NodeProbe {

    /** How long an admin read waits for the pipeline thread before giving up. */
    public static final long TIMEOUT_MS = 5_000;

    private NodeProbe() {
    }

    public static CompletableFuture<NodeState> capture(NodeView view) {
        ZabHost zab = view.zab();
        boolean serving = view.pipeline().isServing();
        CompletableFuture<SortedMap<Long, Set<Long>>> expiry = view.pipeline().sessionExpiryView();
        return view.pipeline().query(t -> {
            List<LearnerStatus> learners = zab == null ? List.of() : zab.learners();
            Map<Long, Set<String>> bySession = new TreeMap<>();
            Map<String, Set<Long>> byPath = new TreeMap<>();
            collect(t.dataWatches(), bySession, byPath);
            collect(t.childWatches(), bySession, byPath);
            return new NodeState(serving, t.lastProcessedZxid(), t.nodeCount(), t.watchCount(), t.dataSize(),
                    new TreeMap<>(t.sessions()), new TreeMap<>(), t.ephemeralsBySession(), bySession, byPath,
                    learners);
        }).thenCombine(expiry, NodeState::withSessionExpiry);
    }

    /** Blocking variant for request handlers that run off the pipeline thread. */
    public static NodeState captureNow(NodeView view) throws Exception {
        return capture(view).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private static void collect(WatchManager m, Map<Long, Set<String>> bySession, Map<String, Set<Long>> byPath) {
        for (Map.Entry<Watcher, Set<String>> e : m.byWatcher().entrySet()) {
            long sid = sessionOf(e.getKey());
            bySession.computeIfAbsent(sid, k -> new TreeSet<>()).addAll(e.getValue());
            for (String p : e.getValue()) {
                byPath.computeIfAbsent(p, k -> new TreeSet<>()).add(sid);
            }
        }
    }

    private static long sessionOf(Watcher w) {
        return w instanceof ClientConnection c ? c.sessionId() : 0;
    }
}
