package org.quorumlab.engine.replication;

import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.Vote;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;

/**
 * Binary form of consensus {@link Message}s on the quorum port: sender, message kind (notification or
 * peer packet), then the message; packets are written and read through {@link PacketKinds#PROTOCOL}.
 * Any malformed input throws MalformedRecordException.
 */
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
            PacketKinds.PROTOCOL.write(out, p.packet());
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
        PacketKinds.PROTOCOL.write(out, p);
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
            return new Message.Peer(from, in.readLong(), in.readLong(), PacketKinds.PROTOCOL.read(in));
        }
        throw new MalformedRecordException("unknown quorum message kind " + kind);
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
}
