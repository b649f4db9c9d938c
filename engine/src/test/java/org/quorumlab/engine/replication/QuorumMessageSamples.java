package org.quorumlab.engine.replication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.SyncMode;
import org.quorumlab.engine.consensus.Vote;

/**
 * One quorum message of every shape, with distinct values in every field, and the bytes each
 * encoded to before the packet table existed (so the table is checked to be byte-identical).
 */
final class QuorumMessageSamples {

    /**
     * A sample: the name {@link MessageKind} gives it (then, for some, words telling it apart), the
     * zxid it is about, the message, and its frame as hex.
     */
    record Sample(String name, Long zxid, Message message, String hex) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final QuorumConfig CONFIG = QuorumConfig.of(7, List.of(1L, 2L, 3L), List.of(4L));
    private static final LogEntry ENTRY = new LogEntry(0x500000003L, bytes("create /a"));
    private static final LogEntry RECONFIG = new LogEntry(0x500000004L, bytes("server.4=x"),
            QuorumConfig.of(8, List.of(1L, 2L, 3L, 4L), List.of()));

    /** Version 7, voters [1, 2, 3], observers [4]. */
    private static final String CONFIG_HEX = "0000000000000007" + "00000003"
            + "000000000000000100000000000000020000000000000003" + "00000001" + "0000000000000004";
    /** Zxid, payload "create /a", no configuration. */
    private static final String ENTRY_HEX = "0000000500000003" + "00000009" + "637265617465202f61" + "00";
    /** Zxid, payload "server.4=x", configuration version 8 with voters [1, 2, 3, 4] and no observers. */
    private static final String RECONFIG_HEX = "0000000500000004" + "0000000a" + "7365727665722e343d78" + "01"
            + "0000000000000008" + "00000004"
            + "0000000000000001000000000000000200000000000000030000000000000004" + "00000000";

    private QuorumMessageSamples() {
    }

    static List<Sample> all() {
        return List.of(
                new Sample("VOTE", 0x400000009L,
                        new Message.Notification(3, new Vote(2, 0x400000009L, 11, 4, ServerState.LOOKING), CONFIG),
                        "0000000000000003" + "00000001" + "0000000000000002" + "0000000400000009"
                                + "000000000000000b" + "0000000000000004" + "00000000"
                                + "0000000000000007" + "00000003" + "000000000000000100000000000000020000000000000003"
                                + "00000001" + "0000000000000004"),
                peer("FOLLOWERINFO", 0x400000009L, new Packet.LearnerInfo(4, 0x400000009L, false),
                        "00000001" + "0000000000000004" + "0000000400000009" + "00"),
                peer("OBSERVERINFO", 0x400000009L, new Packet.LearnerInfo(4, 0x400000009L, true),
                        "00000001" + "0000000000000004" + "0000000400000009" + "01"),
                peer("LEADERINFO", null, new Packet.LeaderInfo(5), "00000002" + "0000000000000005"),
                peer("ACKEPOCH", 0x400000009L, new Packet.AckEpoch(5, 4, 0x400000009L),
                        "00000003" + "0000000000000005" + "0000000000000004" + "0000000400000009"),
                peer("DIFF", null, new Packet.SyncStart(SyncMode.DIFF, 0, 0, null, List.of(ENTRY, RECONFIG), CONFIG),
                        "00000004" + "00000000" + "0000000000000000" + "0000000000000000" + "ffffffff" + "00000002"
                                + ENTRY_HEX + RECONFIG_HEX + CONFIG_HEX),
                peer("TRUNC", null, new Packet.SyncStart(SyncMode.TRUNC, 0x400000007L, 0, null, List.of(), CONFIG),
                        "00000004" + "00000001" + "0000000400000007" + "0000000000000000" + "ffffffff" + "00000000"
                                + CONFIG_HEX),
                peer("SNAP", null,
                        new Packet.SyncStart(SyncMode.SNAP, 0, 0x400000008L, bytes("tree"), List.of(ENTRY), CONFIG),
                        "00000004" + "00000002" + "0000000000000000" + "0000000400000008" + "00000004" + "74726565"
                                + "00000001" + ENTRY_HEX + CONFIG_HEX),
                peer("NEWLEADER", 0x500000000L, new Packet.NewLeader(5, 0x500000000L),
                        "00000005" + "0000000000000005" + "0000000500000000"),
                peer("ACK", 0x500000003L, new Packet.Ack(0x500000003L), "00000006" + "0000000500000003"),
                peer("UPTODATE", 0x500000002L, new Packet.UpToDate(0x500000002L), "00000007" + "0000000500000002"),
                peer("PROPOSAL", 0x500000003L, new Packet.Proposal(ENTRY), "00000008" + ENTRY_HEX),
                peer("PROPOSAL of a reconfig", 0x500000004L, new Packet.Proposal(RECONFIG),
                        "00000008" + RECONFIG_HEX),
                peer("COMMIT", 0x500000003L, new Packet.Commit(0x500000003L), "00000009" + "0000000500000003"),
                peer("INFORM", 0x500000003L, new Packet.Inform(ENTRY), "0000000a" + ENTRY_HEX),
                peer("PING", null, new Packet.Ping(17), "0000000b" + "0000000000000011"),
                peer("PING reply", null, new Packet.Pong(17), "0000000c" + "0000000000000011"),
                peer("REQUEST", null, new Packet.Request(bytes("setData")),
                        "0000000d" + "00000007" + "73657444617461"),
                peer("SYNC request", null, new Packet.SyncRequest(23), "0000000e" + "0000000000000017"),
                peer("SYNC reply", 0x500000003L, new Packet.SyncReply(23, 0x500000003L),
                        "0000000f" + "0000000000000017" + "0000000500000003"));
    }

    /** A packet from server 2 on connection 0x99, sequence 6; the hex is the packet part alone. */
    private static Sample peer(String name, Long zxid, Packet packet, String packetHex) {
        return new Sample(name, zxid, new Message.Peer(2, 0x99, 6, packet),
                "0000000000000002" + "00000002" + "0000000000000099" + "0000000000000006" + packetHex);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
