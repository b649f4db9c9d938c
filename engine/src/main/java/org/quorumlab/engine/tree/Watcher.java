package org.quorumlab.engine.tree;

import java.util.List;
import org.quorumlab.engine.proto.Acl;

/**
 * Receiver of watch notifications, normally one client connection. Called on the thread that
 * applies transactions, in zxid order; implementations must not block. {@code nodeAcl} lets the
 * receiver suppress events for nodes it may not read, as ZooKeeper 3.9 does.
 */
public interface Watcher {
    void process(WatchEvent event, List<Acl> nodeAcl);
}
