package org.quorumlab.engine.server;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.tree.DataNode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.EphemeralKind;

/** ZooKeeper's ContainerManager candidate rules: empty used containers and expired, childless TTL nodes. */
final class ContainerReaper {

    private ContainerReaper() {
    }

    static List<String> candidates(DataTree tree, long nowMs) {
        List<String> out = new ArrayList<>();
        for (String path : tree.containers()) {
            DataNode n = tree.getNode(path);
            if (n != null && n.childCount() == 0 && n.cversion() > 0) {
                out.add(path);
            }
        }
        for (String path : tree.ttls()) {
            DataNode n = tree.getNode(path);
            if (n != null && n.childCount() == 0) {
                long ttl = EphemeralKind.ttlOf(n.ephemeralOwner());
                if (ttl != 0 && nowMs - n.mtime() > ttl) {
                    out.add(path);
                }
            }
        }
        return out;
    }
}
