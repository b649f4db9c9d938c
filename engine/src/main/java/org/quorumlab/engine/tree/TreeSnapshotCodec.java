package org.quorumlab.engine.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;

/** Serialises a whole {@link DataTree} (nodes, stats, ACLs, sessions, last zxid) to bytes and back. */
public final class TreeSnapshotCodec {

    private static final int MAGIC = 0x514c534e; // "QLSN"
    private static final int VERSION = 1;

    private TreeSnapshotCodec() {
    }

    public static byte[] serialize(DataTree tree) {
        JuteOutput out = new JuteOutput();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeLong(tree.lastProcessedZxid());
        Map<Long, Integer> sessions = tree.sessions();
        out.writeInt(sessions.size());
        sessions.forEach((id, timeout) -> {
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

    public static DataTree deserialize(byte[] bytes) {
        JuteInput in = new JuteInput(bytes);
        if (in.readInt() != MAGIC) {
            throw new MalformedRecordException("not a QuorumLab snapshot");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new MalformedRecordException("unsupported snapshot version " + version);
        }
        long lastZxid = in.readLong();
        int sessionCount = in.readInt();
        Map<Long, Integer> sessions = new HashMap<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.put(in.readLong(), in.readInt());
        }
        int count = in.readInt();
        if (count < 0 || count > in.remaining()) {
            throw new MalformedRecordException("bad node count " + count);
        }
        List<NodeImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = in.readString();
            byte[] data = in.readBuffer();
            List<Acl> acl = in.readVector(Acl::read);
            images.add(new NodeImage(path, data, acl, in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readInt(), in.readInt(), in.readInt(), in.readLong(), in.readLong()));
        }
        return DataTree.fromImages(lastZxid, sessions, images);
    }
}
