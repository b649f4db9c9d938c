package org.quorumlab.engine.tree;

import java.util.List;
import org.quorumlab.engine.proto.Acl;

/** A detached copy of one node with every persisted field; used for snapshots, dumps and restores. */
public record NodeImage(String path, byte[] data, List<Acl> acl, long czxid, long mzxid, long ctime, long mtime,
        int version, int cversion, int aversion, long ephemeralOwner, long pzxid) {

    static NodeImage of(String path, DataNode n) {
        return new NodeImage(path, n.data, n.acl, n.czxid, n.mzxid, n.ctime, n.mtime, n.version, n.cversion,
                n.aversion, n.ephemeralOwner, n.pzxid);
    }

    DataNode toNode() {
        DataNode n = new DataNode(data, acl, czxid, ctime, ephemeralOwner);
        n.mzxid = mzxid;
        n.mtime = mtime;
        n.version = version;
        n.cversion = cversion;
        n.aversion = aversion;
        n.pzxid = pzxid;
        return n;
    }
}
