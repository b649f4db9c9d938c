package org.quorumlab.gui.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.service.NodeKind;
import org.quorumlab.gui.service.NodeOperations;

/**
 * Exports a subtree to a {@link TreeDocument} and imports one, re-rooted under a target path.
 * Session-owned ephemerals are exported but never imported; {@code /zookeeper} is skipped.
 * Progress is reported as (done, total).
 */
public final class TreeTransfer {

    /** What an import did. */
    public record ImportResult(int created, int updated, int skipped) {
    }

    private final Supplier<ZooKeeper> zk;
    private final NodeOperations ops;

    /** Transfer over the client {@code zk} supplies. */
    public TreeTransfer(Supplier<ZooKeeper> zk) {
        this.zk = zk;
        this.ops = new NodeOperations(zk);
    }

    /** Reads the subtree under {@code root} (all of it for "/") into a document. */
    public String export(String root, BiConsumer<Integer, Integer> progress) throws KeeperException, InterruptedException {
        List<String> paths = ops.subtree(root).stream().filter(p -> !isSystem(p)).toList();
        List<TreeDocument.Node> nodes = new ArrayList<>();
        long lastZxid = 0;
        int done = 0;
        for (String p : paths) {
            try {
                NodeOperations.NodeImage img = ops.read(p);
                nodes.add(new TreeDocument.Node(p, img.data(), img.acl(), img.stat()));
                lastZxid = Math.max(lastZxid, Math.max(img.stat().getMzxid(), img.stat().getPzxid()));
            } catch (KeeperException.NoNodeException e) {
                // deleted while exporting
            }
            progress.accept(++done, paths.size());
        }
        return TreeDocument.write(nodes, lastZxid);
    }

    /**
     * Imports {@code json}: each node's path has {@code fromRoot} replaced by {@code toRoot}
     * ({@code fromRoot} defaults to the document's first path). Existing nodes get their data and
     * ACL overwritten; missing ones are created with their kind (container, TTL) preserved.
     */
    public ImportResult importDocument(String json, String toRoot, BiConsumer<Integer, Integer> progress)
            throws KeeperException, InterruptedException {
        List<TreeDocument.Node> nodes = TreeDocument.read(json);
        if (nodes.isEmpty()) {
            return new ImportResult(0, 0, 0);
        }
        String fromRoot = nodes.get(0).path();
        int created = 0;
        int updated = 0;
        int skipped = 0;
        int done = 0;
        for (TreeDocument.Node n : nodes) {
            progress.accept(++done, nodes.size());
            long owner = n.stat().getEphemeralOwner();
            if (isSystem(n.path()) || NodeKind.of(owner) == NodeKind.EPHEMERAL) {
                skipped++;
                continue;
            }
            String target = rebase(n.path(), fromRoot, toRoot);
            byte[] data = n.data() == null ? new byte[0] : n.data();
            Stat existing = zk.get().exists(target, false);
            if (existing != null) {
                try {
                    if (!java.util.Arrays.equals(zk.get().getData(target, false, null), data)) {
                        zk.get().setData(target, data, -1);
                    }
                    zk.get().setACL(target, n.acl(), -1);
                    updated++;
                } catch (KeeperException.NoAuthException e) {
                    skipped++;
                }
                continue;
            }
            CreateMode mode = switch (NodeKind.of(owner)) {
                case CONTAINER -> CreateMode.CONTAINER;
                case TTL -> CreateMode.PERSISTENT_WITH_TTL;
                default -> CreateMode.PERSISTENT;
            };
            ensureParents(target);
            ops.create(target, data, n.acl(), mode, NodeKind.ttlOf(owner));
            created++;
        }
        return new ImportResult(created, updated, skipped);
    }

    /** Imports {@code json} so that the document's root becomes a child of {@code parent}. */
    public ImportResult importUnder(String json, String parent, BiConsumer<Integer, Integer> progress)
            throws KeeperException, InterruptedException {
        List<TreeDocument.Node> nodes = TreeDocument.read(json);
        if (nodes.isEmpty() || nodes.get(0).path().equals("/")) {
            return importDocument(json, parent, progress);
        }
        String root = nodes.get(0).path();
        String name = root.substring(root.lastIndexOf('/') + 1);
        return importDocument(json, parent.equals("/") ? "/" + name : parent + "/" + name, progress);
    }

    private void ensureParents(String path) throws KeeperException, InterruptedException {
        int i = path.indexOf('/', 1);
        while (i > 0) {
            String p = path.substring(0, i);
            if (zk.get().exists(p, false) == null) {
                try {
                    zk.get().create(p, new byte[0], org.apache.zookeeper.ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
                } catch (KeeperException.NodeExistsException e) {
                    // raced
                }
            }
            i = path.indexOf('/', i + 1);
        }
    }

    static String rebase(String path, String fromRoot, String toRoot) {
        if (fromRoot.equals(toRoot)) {
            return path;
        }
        String rest = fromRoot.equals("/") ? path : path.substring(fromRoot.length());
        if (toRoot.equals("/")) {
            return rest.isEmpty() ? "/" : rest;
        }
        return rest.equals("/") || rest.isEmpty() ? toRoot : toRoot + rest;
    }

    private static boolean isSystem(String p) {
        return p.equals("/zookeeper") || p.startsWith("/zookeeper/");
    }
}
