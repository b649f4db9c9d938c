package org.quorumlab.engine.snapshot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.NodeImage;
import org.quorumlab.engine.tree.TreeImage;
import org.quorumlab.engine.tree.TreeLoader;

/**
 * Serialises a whole tree (last zxid, sessions, then every node with stat and ACL, parent before child) in Jute
 * encoding and back, streaming: the writer encodes a few nodes at a time into a small buffer and passes it on;
 * the reader decodes one node at a time straight into a {@link TreeLoader}. The format is unchanged since
 * version 1, so snapshots written as one BLOB by older versions decode the same way.
 */
public final class TreeSnapshotCodec {

    private static final int MAGIC = 0x514c534e; // "QLSN"
    private static final int VERSION = 1;
    /**
     * Encoded nodes are passed to the stream once this many bytes have gathered: large enough that a small node
     * is not a stream call of its own, small enough to be nothing next to a chunk.
     */
    static final int FLUSH_BYTES = 64 * 1024;

    private TreeSnapshotCodec() {
    }

    /** Writes {@code image} to {@code out}, holding at most {@link #FLUSH_BYTES} plus one node's encoding. */
    public static void write(TreeImage image, OutputStream out) throws IOException {
        JuteOutput scratch = new JuteOutput(FLUSH_BYTES + 1024);
        scratch.writeInt(MAGIC);
        scratch.writeInt(VERSION);
        scratch.writeLong(image.lastZxid());
        Map<Long, Integer> sessions = image.sessions();
        scratch.writeInt(sessions.size());
        for (Map.Entry<Long, Integer> session : sessions.entrySet()) {
            scratch.writeLong(session.getKey());
            scratch.writeInt(session.getValue());
            flushIfFull(scratch, out);
        }
        scratch.writeInt(image.nodes().size());
        for (NodeImage n : image.nodes()) {
            scratch.writeString(n.path());
            scratch.writeBuffer(n.data());
            scratch.writeVector(n.acl(), (o, a) -> a.write(o));
            scratch.writeLong(n.czxid());
            scratch.writeLong(n.mzxid());
            scratch.writeLong(n.ctime());
            scratch.writeLong(n.mtime());
            scratch.writeInt(n.version());
            scratch.writeInt(n.cversion());
            scratch.writeInt(n.aversion());
            scratch.writeLong(n.ephemeralOwner());
            scratch.writeLong(n.pzxid());
            flushIfFull(scratch, out);
        }
        out.write(scratch.array(), 0, scratch.size());
    }

    private static void flushIfFull(JuteOutput scratch, OutputStream out) throws IOException {
        if (scratch.size() >= FLUSH_BYTES) {
            out.write(scratch.array(), 0, scratch.size());
            scratch.reset();
        }
    }

    /**
     * Reads a snapshot of {@code sizeBytes} bytes from {@code in} into a new tree, then checks that the stream
     * ends there (which, for a verifying stream, is when the whole is checked).
     *
     * @throws MalformedRecordException if the bytes are not a snapshot of this format, or end early or late
     * @throws IllegalArgumentException if the nodes do not form a tree (a parent missing or listed late)
     * @throws IOException              if {@code in} fails
     */
    public static DataTree read(InputStream in, long sizeBytes) throws IOException {
        SnapshotReader r = new SnapshotReader(in, sizeBytes);
        if (r.readInt() != MAGIC) {
            throw new MalformedRecordException("not a QuorumLab snapshot");
        }
        int version = r.readInt();
        if (version != VERSION) {
            throw new MalformedRecordException("unsupported snapshot version " + version);
        }
        TreeLoader loader = new TreeLoader(r.readLong());
        int sessionCount = r.readCount("session");
        for (int i = 0; i < sessionCount; i++) {
            loader.session(r.readLong(), r.readInt());
        }
        int count = r.readCount("node");
        for (int i = 0; i < count; i++) {
            String path = r.readString();
            byte[] data = r.readBuffer();
            List<Acl> acl = r.readAcl();
            loader.node(new NodeImage(path, data, acl, r.readLong(), r.readLong(), r.readLong(), r.readLong(),
                    r.readInt(), r.readInt(), r.readInt(), r.readLong(), r.readLong()));
        }
        r.expectEnd();
        return loader.finish();
    }

    /** The whole snapshot as one array: for the SNAP message to a learner, which carries it whole. */
    public static byte[] serialize(DataTree tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(tree.image(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
        return out.toByteArray();
    }

    /** Reads a snapshot held in one array (a SNAP message from the leader). */
    public static DataTree deserialize(byte[] bytes) {
        try {
            return read(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail", e);
        }
    }
}
