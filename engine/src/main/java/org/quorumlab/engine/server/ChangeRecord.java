package org.quorumlab.engine.server;

import java.util.List;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.tree.DataNode;

/**
 * What a node will look like once every prepared-but-uncommitted transaction is applied
 * (ZooKeeper's ChangeRecord). {@code exists == false} marks a pending delete.
 */
public final class ChangeRecord {

    public final long zxid;
    public final String path;
    public final boolean exists;
    public int version;
    public int cversion;
    public int aversion;
    public long ephemeralOwner;
    public int childCount;
    public List<Acl> acl;
    /** The node's data once pending changes apply (what a setData's quota check compares against). */
    public byte[] data;

    public ChangeRecord(long zxid, String path, boolean exists, int version, int cversion, int aversion,
            long ephemeralOwner, int childCount, List<Acl> acl, byte[] data) {
        this.zxid = zxid;
        this.path = path;
        this.exists = exists;
        this.version = version;
        this.cversion = cversion;
        this.aversion = aversion;
        this.ephemeralOwner = ephemeralOwner;
        this.childCount = childCount;
        this.acl = acl;
        this.data = data;
    }

    static ChangeRecord of(String path, DataNode n) {
        return new ChangeRecord(n.mzxid(), path, true, n.version(), n.cversion(), n.aversion(),
                n.ephemeralOwner(), n.childCount(), n.acl(), n.data());
    }

    public static ChangeRecord deleted(long zxid, String path) {
        return new ChangeRecord(zxid, path, false, -1, 0, 0, 0, 0, List.of(), null);
    }

    public ChangeRecord duplicate(long newZxid) {
        return new ChangeRecord(newZxid, path, exists, version, cversion, aversion, ephemeralOwner, childCount, acl,
                data);
    }
}
