package org.quorumlab.engine.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.tree.DataNode;
import org.quorumlab.engine.tree.DataTree;

/**
 * The tree as seen by request preparation: committed state overlaid with outstanding changes,
 * so a request is validated against every write accepted before it (ZooKeeper's
 * outstandingChanges). Supports checkpoints for rolling back a failed multi.
 */
final class PendingChanges {

    private record Entry(ChangeRecord record, ChangeRecord previous) {
    }

    private final DataTree tree;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Map<String, ChangeRecord> byPath = new HashMap<>();

    PendingChanges(DataTree tree) {
        this.tree = tree;
    }

    /** @throws ZooKeeperException NONODE if the node does not exist once pending changes apply */
    ChangeRecord get(String path) {
        ChangeRecord r = byPath.get(path);
        if (r == null) {
            DataNode n = tree.getNode(path);
            if (n == null) {
                throw ZooKeeperException.noNode(path);
            }
            return ChangeRecord.of(path, n);
        }
        if (!r.exists) {
            throw ZooKeeperException.noNode(path);
        }
        return r;
    }

    boolean exists(String path) {
        ChangeRecord r = byPath.get(path);
        return r == null ? tree.getNode(path) != null : r.exists;
    }

    void add(ChangeRecord record) {
        queue.addLast(new Entry(record, byPath.get(record.path)));
        byPath.put(record.path, record);
    }

    int checkpoint() {
        return queue.size();
    }

    void rollback(int checkpoint) {
        while (queue.size() > checkpoint) {
            Entry e = queue.removeLast();
            if (e.previous == null) {
                byPath.remove(e.record.path);
            } else {
                byPath.put(e.record.path, e.previous);
            }
        }
    }

    /** Forgets changes the tree now reflects (ZooKeeper drops records with zxid ≤ applied). */
    void committed(long zxid) {
        while (!queue.isEmpty() && queue.peekFirst().record.zxid <= zxid) {
            Entry e = queue.removeFirst();
            if (byPath.get(e.record.path) == e.record) {
                byPath.remove(e.record.path);
            }
        }
    }

    /** Ephemerals a session will own once pending changes apply. */
    List<String> ephemeralsOf(long sessionId) {
        var set = new java.util.TreeSet<>(tree.getEphemerals(sessionId));
        for (Entry e : queue) {
            ChangeRecord c = e.record;
            if (!c.exists) {
                set.remove(c.path);
            } else if (c.ephemeralOwner == sessionId) {
                set.add(c.path);
            }
        }
        return new ArrayList<>(set);
    }

    DataTree tree() {
        return tree;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
