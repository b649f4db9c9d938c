package org.quorumlab.engine.replication;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.SyncMode;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.MalformedRecordException;

/**
 * The packets of the quorum protocol, each declared once: number, record, name and codec. Encoding,
 * decoding and the names shown to people ({@link MessageKind}) all look packets up here. The numbers
 * are the wire format between servers: a number is never reused for another kind.
 */
final class PacketKinds {

    /** Every packet a leader and its learners exchange (ZooKeeper's QuorumPacket types). */
    static final PacketKinds PROTOCOL = new PacketKinds(List.of(
            kind(1, Packet.LearnerInfo.class, p -> p.observer() ? "OBSERVERINFO" : "FOLLOWERINFO",
                    Packet.LearnerInfo::lastZxid,
                    (out, p) -> {
                        out.writeLong(p.acceptedEpoch());
                        out.writeLong(p.lastZxid());
                        out.writeBool(p.observer());
                    },
                    in -> new Packet.LearnerInfo(in.readLong(), in.readLong(), in.readBool())),
            kind(2, Packet.LeaderInfo.class, p -> "LEADERINFO", p -> null,
                    (out, p) -> out.writeLong(p.newEpoch()),
                    in -> new Packet.LeaderInfo(in.readLong())),
            kind(3, Packet.AckEpoch.class, p -> "ACKEPOCH", Packet.AckEpoch::lastZxid,
                    (out, p) -> {
                        out.writeLong(p.newEpoch());
                        out.writeLong(p.currentEpoch());
                        out.writeLong(p.lastZxid());
                    },
                    in -> new Packet.AckEpoch(in.readLong(), in.readLong(), in.readLong())),
            kind(4, Packet.SyncStart.class, p -> p.mode().name(), p -> null,
                    PacketKinds::writeSyncStart,
                    PacketKinds::readSyncStart),
            kind(5, Packet.NewLeader.class, p -> "NEWLEADER", Packet.NewLeader::zxid,
                    (out, p) -> {
                        out.writeLong(p.epoch());
                        out.writeLong(p.zxid());
                    },
                    in -> new Packet.NewLeader(in.readLong(), in.readLong())),
            kind(6, Packet.Ack.class, p -> "ACK", Packet.Ack::zxid,
                    (out, p) -> out.writeLong(p.zxid()),
                    in -> new Packet.Ack(in.readLong())),
            kind(7, Packet.UpToDate.class, p -> "UPTODATE", Packet.UpToDate::committedZxid,
                    (out, p) -> out.writeLong(p.committedZxid()),
                    in -> new Packet.UpToDate(in.readLong())),
            kind(8, Packet.Proposal.class, p -> "PROPOSAL", p -> p.entry().zxid(),
                    (out, p) -> writeEntry(out, p.entry()),
                    in -> new Packet.Proposal(readEntry(in))),
            kind(9, Packet.Commit.class, p -> "COMMIT", Packet.Commit::zxid,
                    (out, p) -> out.writeLong(p.zxid()),
                    in -> new Packet.Commit(in.readLong())),
            kind(10, Packet.Inform.class, p -> "INFORM", p -> p.entry().zxid(),
                    (out, p) -> writeEntry(out, p.entry()),
                    in -> new Packet.Inform(readEntry(in))),
            kind(11, Packet.Ping.class, p -> "PING", p -> null,
                    (out, p) -> out.writeLong(p.round()),
                    in -> new Packet.Ping(in.readLong())),
            // A ZooKeeper learner answers a leader's PING with a PING of its own.
            kind(12, Packet.Pong.class, p -> "PING", p -> null,
                    (out, p) -> out.writeLong(p.round()),
                    in -> new Packet.Pong(in.readLong())),
            kind(13, Packet.Request.class, p -> "REQUEST", p -> null,
                    (out, p) -> out.writeBuffer(p.request()),
                    in -> new Packet.Request(in.readBuffer())),
            kind(14, Packet.SyncRequest.class, p -> "SYNC", p -> null,
                    (out, p) -> out.writeLong(p.token()),
                    in -> new Packet.SyncRequest(in.readLong())),
            kind(15, Packet.SyncReply.class, p -> "SYNC", Packet.SyncReply::zxid,
                    (out, p) -> {
                        out.writeLong(p.token());
                        out.writeLong(p.zxid());
                    },
                    in -> new Packet.SyncReply(in.readLong(), in.readLong()))));

    private final List<PacketKind<?>> kinds;
    private final Map<Integer, PacketKind<?>> byNumber = new HashMap<>();
    private final Map<Class<?>, PacketKind<?>> byType = new HashMap<>();

    /** @throws IllegalArgumentException if two kinds share a number or a record */
    PacketKinds(List<PacketKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
        for (PacketKind<?> k : this.kinds) {
            PacketKind<?> sameNumber = byNumber.putIfAbsent(k.number(), k);
            if (sameNumber != null) {
                throw new IllegalArgumentException("packet number " + k.number() + " declared for both "
                        + sameNumber.type().getSimpleName() + " and " + k.type().getSimpleName());
            }
            if (byType.putIfAbsent(k.type(), k) != null) {
                throw new IllegalArgumentException(k.type().getSimpleName() + " declared twice");
            }
        }
    }

    private static <P extends Packet> PacketKind<P> kind(int number, Class<P> type, Function<P, String> name,
            Function<P, Long> zxid, BiConsumer<JuteOutput, P> writer, Function<JuteInput, P> reader) {
        return new PacketKind<>(number, type, name, zxid, writer, reader);
    }

    /** Every kind, in the order declared. */
    List<PacketKind<?>> all() {
        return Collections.unmodifiableList(kinds);
    }

    /** @throws IllegalArgumentException if the packet's record is not in this table */
    PacketKind<?> of(Packet packet) {
        PacketKind<?> k = byType.get(packet.getClass());
        if (k == null) {
            throw new IllegalArgumentException("no codec for packet " + packet.getClass().getSimpleName());
        }
        return k;
    }

    void write(JuteOutput out, Packet packet) {
        of(packet).write(out, packet);
    }

    /** Reads a packet number and the fields of that kind. */
    Packet read(JuteInput in) {
        int number = in.readInt();
        PacketKind<?> k = byNumber.get(number);
        if (k == null) {
            throw new MalformedRecordException("unknown quorum packet type " + number);
        }
        return k.read(in);
    }

    private static void writeSyncStart(JuteOutput out, Packet.SyncStart p) {
        out.writeInt(p.mode().ordinal());
        out.writeLong(p.truncateAfter());
        out.writeLong(p.snapshotZxid());
        out.writeBuffer(p.snapshot());
        out.writeVector(p.entries(), PacketKinds::writeEntry);
        MessageCodec.writeConfig(out, p.config());
    }

    private static Packet.SyncStart readSyncStart(JuteInput in) {
        int mode = in.readInt();
        if (mode < 0 || mode >= SyncMode.values().length) {
            throw new MalformedRecordException("bad sync mode " + mode);
        }
        return new Packet.SyncStart(SyncMode.values()[mode], in.readLong(), in.readLong(), in.readBuffer(),
                in.readVector(PacketKinds::readEntry), MessageCodec.readConfig(in));
    }

    private static void writeEntry(JuteOutput out, LogEntry e) {
        out.writeLong(e.zxid());
        out.writeBuffer(e.payload());
        out.writeBool(e.newConfig() != null);
        if (e.newConfig() != null) {
            MessageCodec.writeConfig(out, e.newConfig());
        }
    }

    private static LogEntry readEntry(JuteInput in) {
        long zxid = in.readLong();
        byte[] payload = in.readBuffer();
        if (payload == null) {
            throw new MalformedRecordException("log entry without payload");
        }
        QuorumConfig config = in.readBool() ? MessageCodec.readConfig(in) : null;
        return new LogEntry(zxid, payload, config);
    }
}
