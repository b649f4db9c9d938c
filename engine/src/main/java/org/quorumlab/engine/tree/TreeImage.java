package org.quorumlab.engine.tree;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time view of a whole tree, detached from it: what a snapshot serialises. Taking one costs one
 * {@link NodeImage} per node; the node data arrays are shared with the tree, not copied (the tree never
 * changes an array it holds, it replaces it), so the image can be serialised on another thread while the tree
 * goes on applying transactions.
 *
 * @param lastZxid the last transaction applied to the tree
 * @param sessions session id to timeout (ms), a copy
 * @param nodes    every node, parent before child
 */
public record TreeImage(long lastZxid, Map<Long, Integer> sessions, List<NodeImage> nodes) {

    public TreeImage {
        sessions = Map.copyOf(sessions);
        // wrapped, not copied: a million-node list is built fresh for each image by DataTree.image()
        nodes = Collections.unmodifiableList(nodes);
    }
}
