package org.quorumlab.gui.service;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Stat;

/**
 * Structural operations over the official client: recursive listing, counting and delete, copy
 * and move (as one multi), recursive ACL apply, quota reading. Every method blocks.
 */
public final class NodeOperations {

    /** A node read in full. */
    public record NodeImage(String path, byte[] data, List<ACL> acl, Stat stat) {
    }

    private final Supplier<ZooKeeper> zk;

    /** Operates on whatever client {@code zk} currently supplies. */
    public NodeOperations(Supplier<ZooKeeper> zk) {
        this.zk = zk;
    }

    /** Paths of {@code root} and all its descendants, parents before children. */
    public List<String> subtree(String root) throws KeeperException, InterruptedException {
        List<String> out = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            String p = queue.poll();
            out.add(p);
            List<String> children;
            try {
                children = zk.get().getChildren(p, false);
            } catch (KeeperException.NoNodeException e) {
                continue;
            }
            children.stream().sorted().forEach(c -> queue.add(Paths.child(p, c)));
        }
        return out;
    }

    /** Number of nodes in the subtree including {@code root}. */
    public int count(String root) throws KeeperException, InterruptedException {
        return subtree(root).size();
    }

    /** Reads data, ACL and stat of one node. */
    public NodeImage read(String path) throws KeeperException, InterruptedException {
        Stat stat = new Stat();
        byte[] data = zk.get().getData(path, false, stat);
        List<ACL> acl = zk.get().getACL(path, new Stat());
        return new NodeImage(path, data, acl, stat);
    }

    /** Creates a node of the given mode ({@code ttlMs} only for TTL modes); returns the actual path. */
    public String create(String path, byte[] data, List<ACL> acl, CreateMode mode, long ttlMs)
            throws KeeperException, InterruptedException {
        return zk.get().create(path, data, acl, mode, new Stat(), mode.isTTL() ? ttlMs : -1);
    }

    /** Deletes {@code root} and everything below it, children first; returns how many were deleted. */
    public int deleteRecursive(String root) throws KeeperException, InterruptedException {
        List<String> all = subtree(root);
        int deleted = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                zk.get().delete(all.get(i), -1);
                deleted++;
            } catch (KeeperException.NoNodeException e) {
                // already gone
            }
        }
        return deleted;
    }

    /** Copies the subtree at {@code from} to {@code to} in one multi. */
    public int copy(String from, String to) throws KeeperException, InterruptedException {
        List<Op> ops = copyOps(from, to);
        zk.get().multi(ops);
        return ops.size();
    }

    /**
     * Moves/renames {@code from} to {@code to} in one transaction: creates copies then deletes the
     * originals (checking their versions), so concurrent changes make the whole move fail.
     */
    public int move(String from, String to) throws KeeperException, InterruptedException {
        if (to.equals(from) || to.startsWith(from + "/")) {
            throw new IllegalArgumentException("cannot move " + from + " into itself");
        }
        List<NodeImage> images = new ArrayList<>();
        for (String p : subtree(from)) {
            images.add(read(p));
        }
        List<Op> ops = new ArrayList<>();
        for (NodeImage n : images) {
            ops.add(createOp(n, to + n.path().substring(from.length())));
        }
        for (int i = images.size() - 1; i >= 0; i--) {
            ops.add(Op.delete(images.get(i).path(), images.get(i).stat().getVersion()));
        }
        zk.get().multi(ops);
        return images.size();
    }

    private List<Op> copyOps(String from, String to) throws KeeperException, InterruptedException {
        List<Op> ops = new ArrayList<>();
        for (String p : subtree(from)) {
            ops.add(createOp(read(p), to + p.substring(from.length())));
        }
        return ops;
    }

    private static Op createOp(NodeImage n, String target) {
        long owner = n.stat().getEphemeralOwner();
        return switch (NodeKind.of(owner)) {
            case CONTAINER -> Op.create(target, n.data(), n.acl(), CreateMode.CONTAINER);
            case TTL -> Op.create(target, n.data(), n.acl(), CreateMode.PERSISTENT_WITH_TTL, NodeKind.ttlOf(owner));
            case EPHEMERAL -> throw new IllegalArgumentException(n.path() + " is ephemeral; it cannot be copied or moved");
            case PERSISTENT -> Op.create(target, n.data(), n.acl(), CreateMode.PERSISTENT);
        };
    }

    /** Sets {@code acl} on {@code root} (and on its whole subtree when {@code recursive}); returns the node count. */
    public int setAcl(String root, List<ACL> acl, boolean recursive) throws KeeperException, InterruptedException {
        List<String> targets = recursive ? subtree(root) : List.of(root);
        for (String p : targets) {
            zk.get().setACL(p, acl, -1);
        }
        return targets.size();
    }

    /** Quota limits and usage for {@code path}, when a quota is set. */
    public Optional<String> quota(String path) throws InterruptedException {
        String base = "/zookeeper/quota" + (path.equals("/") ? "" : path);
        StringBuilder sb = new StringBuilder();
        for (String leaf : List.of("zookeeper_limits", "zookeeper_stats")) {
            try {
                byte[] d = zk.get().getData(base + "/" + leaf, false, null);
                sb.append(leaf).append(": ").append(d == null ? "" : new String(d, StandardCharsets.UTF_8)).append('\n');
            } catch (KeeperException e) {
                // no quota node
            }
        }
        return sb.length() == 0 ? Optional.empty() : Optional.of(sb.toString().trim());
    }
}
