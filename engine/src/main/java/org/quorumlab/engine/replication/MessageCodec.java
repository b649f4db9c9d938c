package org.quorumlab.engine.replication;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.SyncMode;
import org.quorumlab.engine.consensus.Vote;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;

/** Binary form of consensus {@link Message}s on the quorum port. Any malformed input throws MalformedRecordException. */
public final class MessageCodec {

    private static final int NOTIFICATION = 1;
    private static final int PEER = 2;
    private static final int PEER_HEADER_BYTES = 3 * Long.BYTES + Integer.BYTES;

    private MessageCodec() {
    }

    public static byte[] encode(Message m) {
        JuteOutput out = new JuteOutput();
        out.writeLong(m.from());
        if (m instanceof Message.Notification n) {
            out.writeInt(NOTIFICATION);
            Vote v = n.vote();
            out.writeLong(v.leaderId());
            out.writeLong(v.zxid());
            out.writeLong(v.electionEpoch());
            out.writeLong(v.peerEpoch());
            out.writeInt(v.state().ordinal());
            writeConfig(out, n.config());
        } else if (m instanceof Message.Peer p) {
            out.writeInt(PEER);
            out.writeLong(p.session());
            out.writeLong(p.seq());
            writePacket(out, p.packet());
        }
        return out.toByteArray();
    }

    /**
     * The packet part of a {@link Message.Peer} frame. A frame is {@link #encodePeerHeader} followed by
     * these bytes, so one proposal encoded once can go to every learner behind its own header.
     */
    public static byte[] encodePacket(Packet p) {
        JuteOutput out = p instanceof Packet.Proposal proposal
                ? new JuteOutput(proposal.entry().payload().length + 64) : new JuteOutput();
        writePacket(out, p);
        return out.toByteArray();
    }

    /** The bytes of a {@link Message.Peer} frame that precede its packet (see {@link #encodePacket}). */
    public static byte[] encodePeerHeader(long from, long session, long seq) {
        JuteOutput out = new JuteOutput(PEER_HEADER_BYTES);
        out.writeLong(from);
        out.writeInt(PEER);
        out.writeLong(session);
        out.writeLong(seq);
        return out.toByteArray();
    }

    public static Message decode(byte[] bytes) {
        JuteInput in = new JuteInput(bytes);
        long from = in.readLong();
        int kind = in.readInt();
        if (kind == NOTIFICATION) {
            Vote v = new Vote(in.readLong(), in.readLong(), in.readLong(), in.readLong(), state(in.readInt()));
            return new Message.Notification(from, v, readConfig(in));
        }
        if (kind == PEER) {
            return new Message.Peer(from, in.readLong(), in.readLong(), readPacket(in));
        }
        throw new MalformedRecordException("unknown message kind " + kind);
    }

    private static ServerState state(int ordinal) {
        ServerState[] all = ServerState.values();
        if (ordinal < 0 || ordinal >= all.length) {
            throw new MalformedRecordException("bad server state " + ordinal);
        }
        return all[ordinal];
    }

    static void writeConfig(JuteOutput out, QuorumConfig c) {
        out.writeLong(c.version());
        out.writeVector(new ArrayList<>(c.voters()), JuteOutput::writeLong);
        out.writeVector(new ArrayList<>(c.observers()), JuteOutput::writeLong);
    }

    static QuorumConfig readConfig(JuteInput in) {
        long version = in.readLong();
        List<Long> voters = in.readVector(JuteInput::readLong);
        List<Long> observers = in.readVector(JuteInput::readLong);
        try {
            return QuorumConfig.of(version, voters, observers);
        } catch (IllegalArgumentException e) {
            throw new MalformedRecordException(e.getMessage());
        }
    }

    private static void writeEntry(JuteOutput out, LogEntry e) {
        out.writeLong(e.zxid());
        out.writeBuffer(e.payload());
        out.writeBool(e.newConfig() != null);
        if (e.newConfig() != null) {
            writeConfig(out, e.newConfig());
        }
    }

    private static LogEntry readEntry(JuteInput in) {
        long zxid = in.readLong();
        byte[] payload = in.readBuffer();
        if (payload == null) {
            throw new MalformedRecordException("log entry without payload");
        }
        QuorumConfig config = in.readBool() ? readConfig(in) : null;
        return new LogEntry(zxid, payload, config);
    }

    private static void writePacket(JuteOutput out, Packet p) {
        if (p instanceof Packet.LearnerInfo x) {
            out.writeInt(1);
            out.writeLong(x.acceptedEpoch());
            out.writeLong(x.lastZxid());
            out.writeBool(x.observer());
        } else if (p instanceof Packet.LeaderInfo x) {
            out.writeInt(2);
            out.writeLong(x.newEpoch());
        } else if (p instanceof Packet.AckEpoch x) {
            out.writeInt(3);
            out.writeLong(x.newEpoch());
            out.writeLong(x.currentEpoch());
            out.writeLong(x.lastZxid());
        } else if (p instanceof Packet.SyncStart x) {
            out.writeInt(4);
            out.writeInt(x.mode().ordinal());
            out.writeLong(x.truncateAfter());
            out.writeLong(x.snapshotZxid());
            out.writeBuffer(x.snapshot());
            out.writeVector(x.entries(), MessageCodec::writeEntry);
            writeConfig(out, x.config());
        } else if (p instanceof Packet.NewLeader x) {
            out.writeInt(5);
            out.writeLong(x.epoch());
            out.writeLong(x.zxid());
        } else if (p instanceof Packet.Ack x) {
            out.writeInt(6);
            out.writeLong(x.zxid());
        } else if (p instanceof Packet.UpToDate x) {
            out.writeInt(7);
            out.writeLong(x.committedZxid());
        } else if (p instanceof Packet.Proposal x) {
            out.writeInt(8);
            writeEntry(out, x.entry());
        } else if (p instanceof Packet.Commit x) {
            out.writeInt(9);
            out.writeLong(x.zxid());
        } else if (p instanceof Packet.Inform x) {
            out.writeInt(10);
            writeEntry(out, x.entry());
        } else if (p instanceof Packet.Ping x) {
            out.writeInt(11);
            out.writeLong(x.round());
        } else if (p instanceof Packet.Pong x) {
            out.writeInt(12);
            out.writeLong(x.round());
        } else if (p instanceof Packet.Request x) {
            out.writeInt(13);
            out.writeBuffer(x.request());
        } else if (p instanceof Packet.SyncRequest x) {
            out.writeInt(14);
            out.writeLong(x.token());
        } else if (p instanceof Packet.SyncReply x) {
            out.writeInt(15);
            out.writeLong(x.token());
            out.writeLong(x.zxid());
        } else {
            throw new IllegalArgumentException("no codec for packet " + p.getClass().getSimpleName());
        }
    }

    private static Packet readPacket(JuteInput in) {
        int type = in.readInt();
        switch (type) {
            case 1: return new Packet.LearnerInfo(in.readLong(), in.readLong(), in.readBool());
            case 2: return new Packet.LeaderInfo(in.readLong());
            case 3: return new Packet.AckEpoch(in.readLong(), in.readLong(), in.readLong());
            case 4: {
                int mode = in.readInt();
                if (mode < 0 || mode >= SyncMode.values().length) {
                    throw new MalformedRecordException("bad sync mode " + mode);
                }
                return new Packet.SyncStart(SyncMode.values()[mode], in.readLong(), in.readLong(), in.readBuffer(),
                        in.readVector(MessageCodec::readEntry), readConfig(in));
            }
            case 5: return new Packet.NewLeader(in.readLong(), in.readLong());
            case 6: return new Packet.Ack(in.readLong());
            case 7: return new Packet.UpToDate(in.readLong());
            case 8: return new Packet.Proposal(readEntry(in));
            case 9: return new Packet.Commit(in.readLong());
            case 10: return new Packet.Inform(readEntry(in));
            case 11: return new Packet.Ping(in.readLong());
            case 12: return new Packet.Pong(in.readLong());
            case 13: return new Packet.Request(in.readBuffer());
            case 14: return new Packet.SyncRequest(in.readLong());
            case 15: return new Packet.SyncReply(in.readLong(), in.readLong());
            default: throw new MalformedRecordException("unknown packet type " + type);
        }
    }
}
