package org.quorumlab.engine.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.NodeImage;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;

/**
 * A reproducible history of committed txns for snapshot tests: sessions, nested persistent and ephemeral nodes
 * with data from empty to a few KiB, updates and deletes. Zxids are epoch 1's: {@code 0x1_0000_0001} onwards.
 */
public final class TreeHistory {

    private static final long EPOCH = 1L << 32;

    private TreeHistory() {
    }

    public static long zxid(int index) {
        return EPOCH | index;
    }

    /** Txns with zxids {@code zxid(1)} to {@code zxid(count)}, the same for the same seed. */
    public static List<TxnRecord> txns(int count, long seed) {
        Random random = new Random(seed);
        List<TxnRecord> out = new ArrayList<>(count);
        List<String> paths = new ArrayList<>();
        List<Long> sessions = new ArrayList<>();
        // the tree trusts its txns: deleting a node with children is refused before a txn is made, so here too
        Map<String, Integer> children = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            long zxid = zxid(i);
            long time = 1_700_000_000_000L + i;
            int choice = random.nextInt(10);
            if (sessions.isEmpty() || choice == 0) {
                long session = 0x5000L + i;
                sessions.add(session);
                out.add(new TxnRecord(new TxnHeader(session, 0, zxid, time, OpCode.createSession),
                        new Txn.CreateSession(10_000 + i)));
            } else if (paths.isEmpty() || choice <= 5) {
                String parent = paths.isEmpty() || random.nextBoolean() ? "" : paths.get(random.nextInt(paths.size()));
                String path = parent + "/n" + i;
                byte[] data = new byte[random.nextInt(10) == 0 ? 3000 : random.nextInt(300)];
                random.nextBytes(data);
                boolean ephemeral = choice == 5 && !parent.isEmpty();
                long owner = ephemeral ? sessions.get(random.nextInt(sessions.size())) : 0;
                out.add(new TxnRecord(new TxnHeader(owner, i, zxid, time, OpCode.create),
                        new Txn.Create(OpCode.create, path, data, DataTree.OPEN_ACL, owner, -1)));
                children.merge(parent, 1, Integer::sum);
                if (!ephemeral) {
                    paths.add(path);
                }
            } else if (choice <= 8) {
                String path = paths.get(random.nextInt(paths.size()));
                byte[] data = new byte[random.nextInt(200)];
                random.nextBytes(data);
                out.add(new TxnRecord(new TxnHeader(0, i, zxid, time, OpCode.setData),
                        new Txn.SetData(path, data, i)));
            } else {
                String path = paths.get(random.nextInt(paths.size()));
                if (children.getOrDefault(path, 0) == 0) {
                    paths.remove(path);
                    children.merge(path.substring(0, path.lastIndexOf('/')), -1, Integer::sum);
                    out.add(new TxnRecord(new TxnHeader(0, i, zxid, time, OpCode.delete),
                            new Txn.Delete(OpCode.delete, path)));
                } else {
                    // a failed op is committed as an error txn, and is part of the history too
                    out.add(new TxnRecord(new TxnHeader(0, i, zxid, time, OpCode.error), new Txn.Error(-111)));
                }
            }
        }
        return out;
    }

    /** A tree with {@code txns} applied in order to an empty one. */
    public static DataTree apply(List<TxnRecord> txns) {
        DataTree tree = new DataTree();
        txns.forEach(t -> tree.processTxn(t.header(), t.txn()));
        return tree;
    }

    /** Everything a snapshot must preserve, as text, so that two trees compare with a readable diff. */
    public static String describe(DataTree tree) {
        StringBuilder out = new StringBuilder();
        out.append("lastZxid 0x").append(Long.toHexString(tree.lastProcessedZxid())).append('\n');
        out.append("sessions ").append(new TreeMap<>(tree.sessions())).append('\n');
        // not dataSize: a loaded tree also counts the four system nodes' paths, which a new tree does not (as
        // before chunked snapshots); a separate quirk of DataTree's accounting, not something a snapshot loses
        out.append("nodes ").append(tree.nodeCount()).append('\n');
        Map<Long, ?> ephemerals = new TreeMap<>(tree.ephemeralsBySession());
        out.append("ephemerals ").append(ephemerals).append('\n');
        for (NodeImage n : tree.images()) {
            out.append(n.path()).append(' ').append(n.data() == null ? "null" : HexFormat.of().formatHex(n.data()))
                    .append(' ').append(n.acl()).append(' ').append(n.czxid()).append(' ').append(n.mzxid())
                    .append(' ').append(n.ctime()).append(' ').append(n.mtime()).append(' ').append(n.version())
                    .append(' ').append(n.cversion()).append(' ').append(n.aversion()).append(' ')
                    .append(n.ephemeralOwner()).append(' ').append(n.pzxid()).append(' ')
                    .append(tree.getNode(n.path()).stat()).append('\n');
        }
        return out.toString();
    }
}
