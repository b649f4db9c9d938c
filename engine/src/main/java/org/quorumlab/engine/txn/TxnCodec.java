package org.quorumlab.engine.txn;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.proto.OpCode;

/** Binary form of {@link TxnRecord} used by the transaction log and replication. */
public final class TxnCodec {

    private static final int FORMAT_VERSION = 1;

    private TxnCodec() {
    }

    public static byte[] encode(TxnRecord record) {
        return encode(record, new JuteOutput());
    }

    /**
     * Encodes through a caller-owned scratch output (emptied first), so a steady stream of txns
     * copies each one once instead of growing a fresh buffer per txn.
     */
    public static byte[] encode(TxnRecord record, JuteOutput scratch) {
        JuteOutput out = scratch;
        out.reset();
        out.writeInt(FORMAT_VERSION);
        TxnHeader h = record.header();
        out.writeLong(h.sessionId());
        out.writeInt(h.cxid());
        out.writeLong(h.zxid());
        out.writeLong(h.timeMs());
        out.writeInt(h.type());
        writeTxn(out, record.txn());
        return out.toByteArray();
    }

    public static TxnRecord decode(byte[] bytes) {
        JuteInput in = new JuteInput(bytes);
        int version = in.readInt();
        if (version != FORMAT_VERSION) {
            throw new MalformedRecordException("unknown txn format version " + version);
        }
        TxnHeader header = new TxnHeader(in.readLong(), in.readInt(), in.readLong(), in.readLong(), in.readInt());
        return new TxnRecord(header, readTxn(in));
    }

    private static void writeTxn(JuteOutput out, Txn txn) {
        out.writeInt(txn.type());
        if (txn instanceof Txn.Create c) {
            out.writeString(c.path());
            out.writeBuffer(c.data());
            out.writeVector(c.acl(), (o, a) -> a.write(o));
            out.writeLong(c.ephemeralOwner());
            out.writeInt(c.parentCVersion());
        } else if (txn instanceof Txn.Delete d) {
            out.writeString(d.path());
        } else if (txn instanceof Txn.SetData s) {
            out.writeString(s.path());
            out.writeBuffer(s.data());
            out.writeInt(s.version());
        } else if (txn instanceof Txn.SetAcl s) {
            out.writeString(s.path());
            out.writeVector(s.acl(), (o, a) -> a.write(o));
            out.writeInt(s.aversion());
        } else if (txn instanceof Txn.CheckVersion c) {
            out.writeString(c.path());
            out.writeInt(c.version());
        } else if (txn instanceof Txn.CreateSession c) {
            out.writeInt(c.timeoutMs());
        } else if (txn instanceof Txn.CloseSession c) {
            out.writeStringVector(c.pathsToDelete());
        } else if (txn instanceof Txn.Error e) {
            out.writeInt(e.err());
        } else if (txn instanceof Txn.Reconfig r) {
            out.writeBuffer(r.configData());
        } else if (txn instanceof Txn.Multi m) {
            out.writeInt(m.ops().size());
            for (Txn op : m.ops()) {
                writeTxn(out, op);
            }
        }
    }

    private static Txn readTxn(JuteInput in) {
        int type = in.readInt();
        switch (type) {
            case OpCode.create, OpCode.create2, OpCode.createContainer, OpCode.createTTL: {
                String path = in.readString();
                byte[] data = in.readBuffer();
                List<Acl> acl = in.readVector(Acl::read);
                return new Txn.Create(type, path, data, acl, in.readLong(), in.readInt());
            }
            case OpCode.delete, OpCode.deleteContainer:
                return new Txn.Delete(type, in.readString());
            case OpCode.setData:
                return new Txn.SetData(in.readString(), in.readBuffer(), in.readInt());
            case OpCode.setACL:
                return new Txn.SetAcl(in.readString(), in.readVector(Acl::read), in.readInt());
            case OpCode.check:
                return new Txn.CheckVersion(in.readString(), in.readInt());
            case OpCode.createSession:
                return new Txn.CreateSession(in.readInt());
            case OpCode.closeSession:
                return new Txn.CloseSession(in.readStringVector());
            case OpCode.error:
                return new Txn.Error(in.readInt());
            case OpCode.reconfig:
                return new Txn.Reconfig(in.readBuffer());
            case OpCode.multi: {
                int n = in.readInt();
                if (n < 0 || n > in.remaining()) {
                    throw new MalformedRecordException("bad multi size " + n);
                }
                List<Txn> ops = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ops.add(readTxn(in));
                }
                return new Txn.Multi(ops);
            }
            default:
                throw new MalformedRecordException("unknown txn type " + type);
        }
    }
}
