package org.quorumlab.engine.snapshot;

import java.util.List;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.NodeImage;

/**
 * Encodes a tree exactly as the single-BLOB snapshot code did before chunking (one {@link JuteOutput}, copied
 * out whole), independently of {@link TreeSnapshotCodec}, so tests prove that old snapshots still decode.
 */
public final class SchemaOneSnapshots {

    private SchemaOneSnapshots() {
    }

    public static byte[] of(DataTree tree) {
        JuteOutput out = new JuteOutput();
        out.writeInt(0x514c534e);
        out.writeInt(1);
        out.writeLong(tree.lastProcessedZxid());
        out.writeInt(tree.sessions().size());
        tree.sessions().forEach((id, timeout) -> {
            out.writeLong(id);
            out.writeInt(timeout);
        });
        List<NodeImage> images = tree.images();
        out.writeInt(images.size());
        for (NodeImage n : images) {
            out.writeString(n.path());
            out.writeBuffer(n.data());
            out.writeVector(n.acl(), (o, a) -> a.write(o));
            out.writeLong(n.czxid());
            out.writeLong(n.mzxid());
            out.writeLong(n.ctime());
            out.writeLong(n.mtime());
            out.writeInt(n.version());
            out.writeInt(n.cversion());
            out.writeInt(n.aversion());
            out.writeLong(n.ephemeralOwner());
            out.writeLong(n.pzxid());
        }
        return out.toByteArray();
    }
}
