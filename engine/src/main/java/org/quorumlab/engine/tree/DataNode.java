package org.quorumlab.engine.tree;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Stat;

/** One znode: data, ACL, persisted stat fields and child names. Mutated only by {@link DataTree}. */
public final class DataNode {

    byte[] data;
    List<Acl> acl;
    long czxid;
    long mzxid;
    long ctime;
    long mtime;
    int version;
    int cversion;
    int aversion;
    long ephemeralOwner;
    long pzxid;
    private final Set<String> children = new HashSet<>();

    DataNode(byte[] data, List<Acl> acl, long zxid, long time, long ephemeralOwner) {
        this.data = data;
        this.acl = List.copyOf(acl);
        this.czxid = zxid;
        this.mzxid = zxid;
        this.pzxid = zxid;
        this.ctime = time;
        this.mtime = time;
        this.ephemeralOwner = ephemeralOwner;
    }

    /**
     * The stat as ZooKeeper's DataNode.copyStat shows it to clients: {@code cversion} stored as the
     * count of child creates is reported as creates + deletes ({@code 2 * cversion - numChildren}),
     * and container/TTL markers in {@code ephemeralOwner} are reported as 0.
     */
    public Stat stat() {
        int numChildren = children.size();
        long clientOwner = EphemeralKind.of(ephemeralOwner) == EphemeralKind.SESSION ? ephemeralOwner : 0;
        return new Stat(czxid, mzxid, ctime, mtime, version, cversion * 2 - numChildren, aversion, clientOwner,
                data == null ? 0 : data.length, numChildren, pzxid);
    }

    public byte[] data() {
        return data;
    }

    public List<Acl> acl() {
        return acl;
    }

    public long ephemeralOwner() {
        return ephemeralOwner;
    }

    public int version() {
        return version;
    }

    public int cversion() {
        return cversion;
    }

    public int aversion() {
        return aversion;
    }

    public long mzxid() {
        return mzxid;
    }

    public long pzxid() {
        return pzxid;
    }

    public long mtime() {
        return mtime;
    }

    public long ctime() {
        return ctime;
    }

    public long czxid() {
        return czxid;
    }

    public int childCount() {
        return children.size();
    }

    /** Read-only view; callers must copy before the tree changes again. */
    public Set<String> children() {
        return Collections.unmodifiableSet(children);
    }

    Set<String> mutableChildren() {
        return children;
    }
}
