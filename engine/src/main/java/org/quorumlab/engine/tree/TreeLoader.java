package org.quorumlab.engine.tree;

/**
 * Builds a {@link DataTree} one node at a time, as a snapshot decoder reads them, so no list of all nodes is
 * held beside the tree being built. Nodes must come parent before child. Single use; watches never fire.
 */
public final class TreeLoader {

    private final DataTree tree = new DataTree();
    private boolean finished;

    public TreeLoader(long lastZxid) {
        tree.setLastProcessedZxid(lastZxid);
    }

    public void session(long sessionId, int timeoutMs) {
        requireOpen();
        tree.restoreSession(sessionId, timeoutMs);
    }

    /** @throws IllegalArgumentException if the node's parent has not been added */
    public void node(NodeImage image) {
        requireOpen();
        String path = image.path();
        if (path == null || !path.startsWith(DataTree.ROOT)) {
            throw new IllegalArgumentException("bad node path " + path);
        }
        if (!path.equals(DataTree.ROOT) && tree.getNode(WatchManager.parentOf(path)) == null) {
            throw new IllegalArgumentException("parent of " + path + " missing or listed after it");
        }
        if (image.acl() == null) {
            throw new IllegalArgumentException("node " + path + " has no ACL");
        }
        tree.restoreNode(path, image.toNode());
    }

    public DataTree finish() {
        requireOpen();
        finished = true;
        return tree;
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("tree already built");
        }
    }
}
