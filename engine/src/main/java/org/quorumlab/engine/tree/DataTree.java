package org.quorumlab.engine.tree;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.EventType;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.proto.Perms;
import org.quorumlab.engine.proto.Stat;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;

/**
 * The in-memory znode tree. It applies committed transactions deterministically and fires
 * watches; it never does I/O and is owned by a single thread (the request pipeline), so it
 * needs no locks.
 */
public final class DataTree {

    public static final String ROOT = "/";
    public static final String ZOOKEEPER = "/zookeeper";
    public static final String QUOTA = "/zookeeper/quota";
    public static final String CONFIG = "/zookeeper/config";
    public static final List<Acl> OPEN_ACL = List.of(new Acl(Perms.ALL, new Id("world", "anyone")));
    public static final List<Acl> READ_ACL = List.of(new Acl(Perms.READ, new Id("world", "anyone")));

    private final Map<String, DataNode> nodes = new HashMap<>();
    private final Map<Long, Set<String>> ephemerals = new HashMap<>();
    private final Set<String> containers = new TreeSet<>();
    private final Set<String> ttls = new TreeSet<>();
    private final Map<Long, Integer> sessions = new HashMap<>();
    private final WatchManager dataWatches = new WatchManager();
    private final WatchManager childWatches = new WatchManager();
    private final Quotas quotas = new Quotas();
    private long lastProcessedZxid;
    private long dataSize;

    public DataTree() {
        nodes.put(ROOT, new DataNode(new byte[0], OPEN_ACL, 0, 0, 0));
        addSystemNode(ZOOKEEPER, OPEN_ACL);
        addSystemNode(QUOTA, OPEN_ACL);
        addSystemNode(CONFIG, READ_ACL);
        nodes.get(CONFIG).aversion = -1; // ZooKeeper sets this ACL with setACL(path, acl, -1), as stats show
    }

    private void addSystemNode(String path, List<Acl> acl) {
        nodes.put(path, new DataNode(new byte[0], acl, 0, 0, 0));
        nodes.get(WatchManager.parentOf(path)).mutableChildren().add(childName(path));
    }

    // ---------------------------------------------------------------- reads

    public DataNode getNode(String path) {
        return nodes.get(path);
    }

    public int nodeCount() {
        return nodes.size();
    }

    public long dataSize() {
        return dataSize;
    }

    public long lastProcessedZxid() {
        return lastProcessedZxid;
    }

    public void setLastProcessedZxid(long zxid) {
        lastProcessedZxid = zxid;
    }

    public DataNode requireNode(String path) {
        DataNode n = nodes.get(path);
        if (n == null) {
            throw ZooKeeperException.noNode(path);
        }
        return n;
    }

    /** exists: registers the watch whether or not the node exists, as ZooKeeper does. */
    public Stat statNode(String path, Watcher watcher) {
        if (watcher != null) {
            dataWatches.add(path, watcher, WatchMode.STANDARD);
        }
        DataNode n = nodes.get(path);
        return n == null ? null : n.stat();
    }

    public byte[] getData(String path, Watcher watcher) {
        DataNode n = requireNode(path);
        if (watcher != null) {
            dataWatches.add(path, watcher, WatchMode.STANDARD);
        }
        return n.data;
    }

    public List<String> getChildren(String path, Watcher watcher) {
        DataNode n = requireNode(path);
        if (watcher != null) {
            childWatches.add(path, watcher, WatchMode.STANDARD);
        }
        return new ArrayList<>(n.mutableChildren());
    }

    public int getAllChildrenNumber(String path) {
        DataNode n = requireNode(path);
        if (ROOT.equals(path)) {
            return nodes.size() - 1;
        }
        int count = 0;
        List<String> stack = new ArrayList<>();
        stack.add(path);
        while (!stack.isEmpty()) {
            String p = stack.remove(stack.size() - 1);
            DataNode node = p.equals(path) ? n : nodes.get(p);
            for (String child : node.mutableChildren()) {
                count++;
                stack.add(join(p, child));
            }
        }
        return count;
    }

    /**
     * The quota that governs {@code path}: the deepest path that is {@code path} or an ancestor and has a
     * {@code zookeeper_limits} node ({@link Quotas}); ZooKeeper's getMaxPrefixWithQuota.
     */
    public Optional<String> quotaRoot(String path) {
        return Optional.ofNullable(quotas.governing(path));
    }

    public Set<String> getEphemerals(long sessionId) {
        Set<String> set = ephemerals.get(sessionId);
        return set == null ? Set.of() : new TreeSet<>(set);
    }

    public Map<Long, Set<String>> ephemeralsBySession() {
        Map<Long, Set<String>> copy = new HashMap<>();
        ephemerals.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        return copy;
    }

    public Set<String> containers() {
        return Collections.unmodifiableSet(containers);
    }

    public Set<String> ttls() {
        return Collections.unmodifiableSet(ttls);
    }

    /** Sessions known to the replicated state: id → negotiated timeout (ms). */
    public Map<Long, Integer> sessions() {
        return Collections.unmodifiableMap(sessions);
    }

    // ---------------------------------------------------------------- watches

    public void addWatch(String path, Watcher watcher, WatchMode mode) {
        dataWatches.add(path, watcher, mode);
        if (mode == WatchMode.PERSISTENT) {
            childWatches.add(path, watcher, mode);
        }
    }

    public void addChildWatch(String path, Watcher watcher) {
        childWatches.add(path, watcher, WatchMode.STANDARD);
    }

    public void addDataWatch(String path, Watcher watcher) {
        dataWatches.add(path, watcher, WatchMode.STANDARD);
    }

    public WatchManager dataWatches() {
        return dataWatches;
    }

    public WatchManager childWatches() {
        return childWatches;
    }

    public void removeWatcher(Watcher watcher) {
        dataWatches.removeWatcher(watcher);
        childWatches.removeWatcher(watcher);
    }

    public int watchCount() {
        return dataWatches.size() + childWatches.size();
    }

    // ---------------------------------------------------------------- apply

    /** Applies a committed transaction. Never throws for a failed op: the error is in the result. */
    public ProcessTxnResult processTxn(TxnHeader header, Txn txn) {
        ProcessTxnResult result = apply(header, txn);
        if (header.zxid() > lastProcessedZxid) {
            lastProcessedZxid = header.zxid();
        }
        return result;
    }

    private ProcessTxnResult apply(TxnHeader header, Txn txn) {
        try {
            if (txn instanceof Txn.Create c) {
                Stat stat = createNode(c.path(), c.data(), c.acl(), c.ephemeralOwner(), c.parentCVersion(),
                        header.zxid(), header.timeMs());
                return ProcessTxnResult.of(c.type(), 0, c.path(), stat);
            } else if (txn instanceof Txn.Delete d) {
                deleteNode(d.path(), header.zxid());
                return ProcessTxnResult.of(d.type(), 0, d.path(), null);
            } else if (txn instanceof Txn.SetData s) {
                Stat stat = setData(s.path(), s.data(), s.version(), header.zxid(), header.timeMs());
                return ProcessTxnResult.of(OpCode.setData, 0, s.path(), stat);
            } else if (txn instanceof Txn.SetAcl s) {
                DataNode n = requireNode(s.path());
                n.acl = List.copyOf(s.acl());
                n.aversion = s.aversion();
                return ProcessTxnResult.of(OpCode.setACL, 0, s.path(), n.stat());
            } else if (txn instanceof Txn.CheckVersion c) {
                return ProcessTxnResult.of(OpCode.check, 0, c.path(), null);
            } else if (txn instanceof Txn.CreateSession c) {
                sessions.put(header.sessionId(), c.timeoutMs());
                return ProcessTxnResult.of(OpCode.createSession, 0, null, null);
            } else if (txn instanceof Txn.CloseSession c) {
                closeSession(header.sessionId(), c.pathsToDelete(), header.zxid());
                return ProcessTxnResult.of(OpCode.closeSession, 0, null, null);
            } else if (txn instanceof Txn.Error e) {
                return ProcessTxnResult.of(OpCode.error, e.err(), null, null);
            } else if (txn instanceof Txn.Reconfig r) {
                DataNode n = requireNode(CONFIG);
                Stat stat = setData(CONFIG, r.configData(), n.version + 1, header.zxid(), header.timeMs());
                return new ProcessTxnResult(OpCode.reconfig, 0, CONFIG, stat, List.of(), r.configData());
            } else if (txn instanceof Txn.Multi m) {
                return applyMulti(header, m);
            }
            throw new IllegalStateException("unknown txn " + txn);
        } catch (ZooKeeperException e) {
            return ProcessTxnResult.of(txn.type(), e.code().intValue(), null, null);
        }
    }

    private ProcessTxnResult applyMulti(TxnHeader header, Txn.Multi multi) {
        boolean failed = multi.ops().stream().anyMatch(op -> op instanceof Txn.Error);
        List<ProcessTxnResult> results = new ArrayList<>();
        int err = 0;
        for (Txn op : multi.ops()) {
            Txn effective = failed && !(op instanceof Txn.Error) ? new Txn.Error(0) : op;
            ProcessTxnResult r = apply(header, effective);
            results.add(r);
            if (r.err() != 0 && err == 0) {
                err = r.err();
            }
        }
        return new ProcessTxnResult(OpCode.multi, err, null, null, results, null);
    }

    Stat createNode(String path, byte[] data, List<Acl> acl, long ephemeralOwner, int parentCVersion,
            long zxid, long time) {
        String parentPath = WatchManager.parentOf(path);
        DataNode parent = parentPath == null ? null : nodes.get(parentPath);
        if (parent == null) {
            throw ZooKeeperException.noNode(path);
        }
        String name = childName(path);
        if (parent.mutableChildren().contains(name)) {
            throw ZooKeeperException.nodeExists(path);
        }
        int cversion = parentCVersion == -1 ? parent.cversion + 1 : parentCVersion;
        if (cversion > parent.cversion) {
            parent.cversion = cversion;
            parent.pzxid = zxid;
        }
        DataNode child = new DataNode(data, acl, zxid, time, ephemeralOwner);
        parent.mutableChildren().add(name);
        nodes.put(path, child);
        dataSize += path.length() + (data == null ? 0 : data.length);
        switch (EphemeralKind.of(ephemeralOwner)) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case SESSION -> ephemerals.computeIfAbsent(ephemeralOwner, k -> new LinkedHashSet<>()).add(path);
            default -> { }
        }
        Stat stat = child.stat(); // as created: a new stats node's data is replaced just below
        quotas.created(this, path, data);
        dataWatches.trigger(path, EventType.NodeCreated, zxid, acl, null);
        childWatches.trigger(parentPath, EventType.NodeChildrenChanged, zxid, parent.acl, null);
        return stat;
    }

    void deleteNode(String path, long zxid) {
        String parentPath = WatchManager.parentOf(path);
        DataNode parent = parentPath == null ? null : nodes.get(parentPath);
        DataNode node = nodes.get(path);
        if (parent == null || node == null) {
            throw ZooKeeperException.noNode(path);
        }
        parent.mutableChildren().remove(childName(path));
        if (zxid > parent.pzxid) {
            parent.pzxid = zxid;
        }
        nodes.remove(path);
        dataSize -= path.length() + (node.data == null ? 0 : node.data.length);
        long owner = node.ephemeralOwner;
        switch (EphemeralKind.of(owner)) {
            case CONTAINER -> containers.remove(path);
            case TTL -> ttls.remove(path);
            case SESSION -> {
                Set<String> set = ephemerals.get(owner);
                if (set != null) {
                    set.remove(path);
                    if (set.isEmpty()) {
                        ephemerals.remove(owner);
                    }
                }
            }
            default -> { }
        }
        quotas.deleted(this, path, node.data);
        Set<Watcher> fired = dataWatches.trigger(path, EventType.NodeDeleted, zxid, node.acl, null);
        childWatches.trigger(path, EventType.NodeDeleted, zxid, node.acl, fired);
        childWatches.trigger(parentPath, EventType.NodeChildrenChanged, zxid, parent.acl, null);
    }

    private Stat setData(String path, byte[] data, int version, long zxid, long time) {
        DataNode n = requireNode(path);
        byte[] before = n.data;
        dataSize += (data == null ? 0 : data.length) - (before == null ? 0 : before.length);
        n.data = data;
        n.version = version;
        n.mzxid = zxid;
        n.mtime = time;
        quotas.dataChanged(this, path, before, data);
        dataWatches.trigger(path, EventType.NodeDataChanged, zxid, n.acl, null);
        return n.stat();
    }

    private void closeSession(long sessionId, List<String> paths, long zxid) {
        sessions.remove(sessionId);
        Set<String> toDelete = new TreeSet<>(paths);
        Set<String> owned = ephemerals.get(sessionId);
        if (owned != null) {
            toDelete.addAll(owned);
        }
        // Deepest first so a parent is never deleted before its ephemeral-created children vanish.
        List<String> ordered = new ArrayList<>(toDelete);
        ordered.sort((a, b) -> Integer.compare(b.length(), a.length()));
        for (String path : ordered) {
            DataNode n = nodes.get(path);
            if (n != null && n.ephemeralOwner == sessionId) {
                deleteNode(path, zxid);
            }
        }
    }

    /** Used by snapshot restore: inserts a node without firing watches. */
    void restoreNode(String path, DataNode node) {
        if (!path.equals(ROOT)) {
            nodes.get(WatchManager.parentOf(path)).mutableChildren().add(childName(path));
        }
        DataNode existing = nodes.get(path);
        if (existing != null) {
            node.mutableChildren().addAll(existing.mutableChildren());
        }
        nodes.put(path, node);
        dataSize += path.length() + (node.data == null ? 0 : node.data.length);
        switch (EphemeralKind.of(node.ephemeralOwner)) {
            case CONTAINER -> containers.add(path);
            case TTL -> ttls.add(path);
            case SESSION -> ephemerals.computeIfAbsent(node.ephemeralOwner, k -> new LinkedHashSet<>()).add(path);
            default -> { }
        }
        quotas.restored(path);
    }

    /** A quota stats update ({@link Quotas}): new data, same version and mzxid, no watch. */
    void replaceDataQuietly(DataNode n, byte[] data) {
        dataSize += (data == null ? 0 : data.length) - (n.data == null ? 0 : n.data.length);
        n.data = data;
    }

    void restoreSession(long sessionId, int timeout) {
        sessions.put(sessionId, timeout);
    }

    /**
     * Sets {@code /zookeeper/config} outside any transaction, as ZooKeeper does at start-up from
     * the configuration files; watches do not fire.
     */
    public void initConfigData(byte[] data) {
        DataNode n = nodes.get(CONFIG);
        dataSize += data.length - (n.data == null ? 0 : n.data.length);
        n.data = data;
    }

    /** Paths in parent-before-child order, for snapshots and export. */
    public List<String> pathsPreOrder() {
        List<String> out = new ArrayList<>(nodes.size());
        List<String> stack = new ArrayList<>();
        stack.add(ROOT);
        while (!stack.isEmpty()) {
            String p = stack.remove(stack.size() - 1);
            out.add(p);
            List<String> kids = new ArrayList<>(nodes.get(p).mutableChildren());
            Collections.sort(kids, Collections.reverseOrder());
            for (String k : kids) {
                stack.add(join(p, k));
            }
        }
        return out;
    }

    /** Every node in parent-before-child order, detached from the tree. */
    public List<NodeImage> images() {
        List<NodeImage> out = new ArrayList<>(nodes.size());
        for (String path : pathsPreOrder()) {
            out.add(NodeImage.of(path, nodes.get(path)));
        }
        return out;
    }

    /** The whole tree as of now, detached from it, for a snapshot: see {@link TreeImage}. */
    public TreeImage image() {
        return new TreeImage(lastProcessedZxid, sessions, images());
    }

    /** Rebuilds a tree from images in parent-before-child order (restore); see {@link TreeLoader}. */
    public static DataTree fromImages(long lastZxid, Map<Long, Integer> sessions, List<NodeImage> images) {
        TreeLoader loader = new TreeLoader(lastZxid);
        sessions.forEach(loader::session);
        images.forEach(loader::node);
        return loader.finish();
    }

    Set<Long> sessionIds() {
        return new HashSet<>(sessions.keySet());
    }

    public static String join(String parent, String child) {
        return parent.equals(ROOT) ? "/" + child : parent + "/" + child;
    }

    public static String childName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public static boolean isSystemPath(String path) {
        return ROOT.equals(path) || ZOOKEEPER.equals(path) || QUOTA.equals(path) || CONFIG.equals(path);
    }

    static int errOf(ErrorCode code) {
        return code.intValue();
    }
}
