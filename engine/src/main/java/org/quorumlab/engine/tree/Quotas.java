package org.quorumlab.engine.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Quota bookkeeping inside the tree, as ZooKeeper 3.9.3's DataTree keeps it. A quota on {@code /a} is the node
 * {@code /zookeeper/quota/a/zookeeper_limits} (its limits, see {@link StatsTrack}) beside
 * {@code /zookeeper/quota/a/zookeeper_stats} (the usage of the subtree at {@code /a}: its node count, {@code /a}
 * itself included, and the sum of their data lengths). Clients create both (zkCli's {@code setquota}); the tree then
 * keeps the stats current:
 * <ul>
 *   <li>creating a {@code zookeeper_limits} node makes its directory a quota root (ZooKeeper's {@code pTrie});
 *       deleting it removes the root;</li>
 *   <li>creating a {@code zookeeper_stats} node replaces its data with the subtree's usage, counted then;</li>
 *   <li>a create, delete or data change below the deepest root that is the node or an ancestor of it moves that
 *       root's stats by the node's count and bytes; the stats node's version and mzxid do not change and no watch
 *       fires, as in ZooKeeper.</li>
 * </ul>
 * Everything is a function of the tree and the transaction, so every replica keeps the same stats. A tree restored
 * from a snapshot recovers its roots from the {@code zookeeper_limits} nodes and keeps the stats it was saved with.
 *
 * <p>Where ZooKeeper's server fails on a stray node (a {@code zookeeper_limits} directly under
 * {@code /zookeeper/quota}, or one under a sibling such as {@code /zookeeper/quotaX}) the node is an ordinary node
 * here.
 */
public final class Quotas {

    public static final String LIMIT_NODE = "zookeeper_limits";
    public static final String STAT_NODE = "zookeeper_stats";
    private static final String QUOTA_DIR = DataTree.QUOTA + "/";

    private final Set<String> roots = new HashSet<>();

    Quotas() {
    }

    /** {@code /zookeeper/quota/<root>/zookeeper_limits} */
    public static String limitPath(String root) {
        return DataTree.QUOTA + root + "/" + LIMIT_NODE;
    }

    /** {@code /zookeeper/quota/<root>/zookeeper_stats} */
    public static String statPath(String root) {
        return DataTree.QUOTA + root + "/" + STAT_NODE;
    }

    /** The deepest quota root that is {@code path} or one of its ancestors; null if none. */
    String governing(String path) {
        if (roots.isEmpty()) {
            return null;
        }
        String p = path;
        while (!p.isEmpty()) {
            if (roots.contains(p)) {
                return p;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
        return null;
    }

    /** After {@code path} was added to the tree with {@code data}. */
    void created(DataTree tree, String path, byte[] data) {
        String root = rootOf(path, LIMIT_NODE);
        if (root != null) {
            roots.add(root);
        }
        root = rootOf(path, STAT_NODE);
        if (root != null) {
            recount(tree, root);
        }
        move(tree, governing(path), 1, length(data));
    }

    /** After {@code path}, which held {@code data}, was removed from the tree. */
    void deleted(DataTree tree, String path, byte[] data) {
        String root = rootOf(path, LIMIT_NODE);
        if (root != null) {
            roots.remove(root);
        }
        move(tree, governing(path), -1, -length(data));
    }

    /** After {@code path}'s data changed from {@code before} to {@code after}. */
    void dataChanged(DataTree tree, String path, byte[] before, byte[] after) {
        move(tree, governing(path), 0, length(after) - length(before));
    }

    /** A node put back by a snapshot restore: only the roots are rebuilt; the stats are as saved. */
    void restored(String path) {
        String root = rootOf(path, LIMIT_NODE);
        if (root != null) {
            roots.add(root);
        }
    }

    /** The quota root a limits or stats node belongs to, or null if {@code path} is not one. */
    private static String rootOf(String path, String nodeName) {
        int slash = path.lastIndexOf('/');
        String parent = path.substring(0, Math.max(0, slash));
        if (!path.substring(slash + 1).equals(nodeName) || !parent.startsWith(QUOTA_DIR)) {
            return null;
        }
        return parent.substring(DataTree.QUOTA.length());
    }

    /** ZooKeeper's updateQuotaStat: the stats node, if it exists, moves by the given amounts. */
    private static void move(DataTree tree, String root, long countDiff, long bytesDiff) {
        if (root == null) {
            return;
        }
        DataNode stats = tree.getNode(statPath(root));
        if (stats != null) {
            tree.replaceDataQuietly(stats, StatsTrack.parse(stats.data).plus(countDiff, bytesDiff).encode());
        }
    }

    /** ZooKeeper's updateQuotaForPath: the stats node gets the usage of the subtree at {@code root}. */
    private static void recount(DataTree tree, String root) {
        long count = 0;
        long bytes = 0;
        Deque<String> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            String p = stack.pop();
            DataNode n = tree.getNode(p);
            if (n == null) {
                continue;
            }
            count++;
            bytes += length(n.data);
            for (String child : n.children()) {
                stack.push(DataTree.join(p, child));
            }
        }
        DataNode stats = tree.getNode(statPath(root));
        if (stats != null) {
            tree.replaceDataQuietly(stats, StatsTrack.of(count, bytes).encode());
        }
    }

    private static long length(byte[] data) {
        return data == null ? 0 : data.length;
    }
}
