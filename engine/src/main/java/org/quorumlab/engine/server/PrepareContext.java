package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.auth.AclChecker;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.tree.DataTree;

/**
 * What a {@link WriteOp} may use while preparing: the tree overlaid with pending changes, the
 * caller's identity, and the zxid/time the txn will carry.
 */
public final class PrepareContext {

    private final PendingChanges pending;
    private final AclChecker acls;
    private final ServerConfig config;
    private final List<Id> authInfo;
    private final long sessionId;
    private final long zxid;
    private final long timeMs;
    private final OpRegistry registry;

    PrepareContext(PendingChanges pending, AclChecker acls, ServerConfig config, List<Id> authInfo,
            long sessionId, long zxid, long timeMs, OpRegistry registry) {
        this.pending = pending;
        this.acls = acls;
        this.config = config;
        this.authInfo = authInfo;
        this.sessionId = sessionId;
        this.zxid = zxid;
        this.timeMs = timeMs;
        this.registry = registry;
    }

    public long sessionId() {
        return sessionId;
    }

    public long zxid() {
        return zxid;
    }

    public long timeMs() {
        return timeMs;
    }

    public ServerConfig config() {
        return config;
    }

    public List<Id> authInfo() {
        return authInfo;
    }

    public OpRegistry registry() {
        return registry;
    }

    /** @throws ZooKeeperException NONODE */
    public ChangeRecord node(String path) {
        return pending.get(path);
    }

    public boolean exists(String path) {
        return pending.exists(path);
    }

    /** Current committed ensemble configuration text ({@code /zookeeper/config}). */
    public String configText() {
        byte[] data = pending.tree().requireNode(DataTree.CONFIG).data();
        return data == null ? "" : new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void record(ChangeRecord change) {
        pending.add(change);
    }

    public int checkpoint() {
        return pending.checkpoint();
    }

    public void rollback(int checkpoint) {
        pending.rollback(checkpoint);
    }

    public List<String> ephemeralsOfSession() {
        return pending.ephemeralsOf(sessionId);
    }

    public void checkAcl(ChangeRecord node, int perm, String path) {
        acls.check(node.acl, perm, authInfo, path);
    }

    /** ZooKeeper's checkQuota for a create, when {@code enforceQuota} is on: see {@link QuotaCheck}. */
    public void checkCreateQuota(String path, byte[] data) {
        if (config.enforceQuota()) {
            QuotaCheck.create(pending.tree(), path, data);
        }
    }

    /** ZooKeeper's checkQuota for a setData, when {@code enforceQuota} is on: see {@link QuotaCheck}. */
    public void checkSetDataQuota(ChangeRecord node, byte[] data) {
        if (config.enforceQuota()) {
            QuotaCheck.setData(pending.tree(), node.path, node.data, data);
        }
    }

    public List<Acl> fixupAcl(String path, List<Acl> acl) {
        return acls.fixup(path, authInfo, acl);
    }

    /** ZooKeeper's checkAndIncVersion. */
    public static int checkAndIncrement(int current, int expected, String path) {
        if (expected != -1 && expected != current) {
            throw ZooKeeperException.badVersion(path);
        }
        return current + 1;
    }

    /** Parent of a path to be deleted/modified; system nodes and malformed paths are refused. */
    public static String parentForDelete(String path) {
        if (path == null || path.indexOf('\0') >= 0 || DataTree.isSystemPath(path)) {
            throw ZooKeeperException.badArguments(String.valueOf(path));
        }
        return parentOf(path);
    }

    public static String parentOf(String path) {
        int slash = path == null ? -1 : path.lastIndexOf('/');
        if (slash < 0) {
            throw ZooKeeperException.badArguments(String.valueOf(path));
        }
        return slash == 0 ? "/" : path.substring(0, slash);
    }
}
