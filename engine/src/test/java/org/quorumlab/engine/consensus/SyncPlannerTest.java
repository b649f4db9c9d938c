package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DIFF / TRUNC / SNAP decisions of {@code LearnerHandler.syncFollower}. */
class SyncPlannerTest {
    private static final QuorumConfig CFG = QuorumConfig.ofVoters(1L, 2L, 3L);
    private static final StateSnapshotSource SNAP = snapshotAt(Zxid.make(1, 3));

    /** Application state applied through {@code zxid}, serialised as the single byte 42. */
    static StateSnapshotSource snapshotAt(long zxid) {
        return new StateSnapshotSource() {
            @Override
            public byte[] snapshot() {
                return new byte[] {42};
            }

            @Override
            public long lastAppliedZxid() {
                return zxid;
            }
        };
    }

    /** Leader log: (1,1)..(1,5), (2,1), (2,2); compacted up to {@code snapshot}. */
    private static ReplicatedLog leaderLog(long snapshot) {
        List<LogEntry> entries = new ArrayList<>();
        for (long z : new long[] {Zxid.make(1, 1), Zxid.make(1, 2), Zxid.make(1, 3), Zxid.make(1, 4), Zxid.make(1, 5),
            Zxid.make(2, 1), Zxid.make(2, 2)}) {
            if (z > snapshot) {
                entries.add(new LogEntry(z, new byte[] {(byte) z}));
            }
        }
        return new ReplicatedLog(new DurableState(2, 2, entries, snapshot, snapshot, 1), LogHistory.IN_MEMORY);
    }

    private static Packet.SyncStart plan(long peerLast, long snapshot) {
        ReplicatedLog log = leaderLog(snapshot);
        return SyncPlanner.plan(log, peerLast, log.lastZxid(), SNAP, CFG);
    }

    @Test
    void inSyncPeerGetsEmptyDiff() {
        Packet.SyncStart s = plan(Zxid.make(2, 2), 0);
        assertThat(s.mode()).isEqualTo(SyncMode.DIFF);
        assertThat(s.entries()).isEmpty();
    }

    @Test
    void laggingPeerGetsDiffOfMissingEntries() {
        Packet.SyncStart s = plan(Zxid.make(1, 4), 0);
        assertThat(s.mode()).isEqualTo(SyncMode.DIFF);
        assertThat(s.entries()).extracting(LogEntry::zxid).containsExactly(Zxid.make(1, 5), Zxid.make(2, 1), Zxid.make(2, 2));
    }

    @Test
    void peerAheadOfLeaderIsTruncatedToLeaderLast() {
        Packet.SyncStart s = plan(Zxid.make(2, 7), 0);
        assertThat(s.mode()).isEqualTo(SyncMode.TRUNC);
        assertThat(s.truncateAfter()).isEqualTo(Zxid.make(2, 2));
        assertThat(s.entries()).isEmpty();
    }

    @Test
    void peerWithDivergentTailIsTruncatedThenDiffed() {
        // peer logged (1,6),(1,7) under an old leader; the new leader's history went (1,5) -> (2,1)
        Packet.SyncStart s = plan(Zxid.make(1, 7), 0);
        assertThat(s.mode()).isEqualTo(SyncMode.TRUNC);
        assertThat(s.truncateAfter()).isEqualTo(Zxid.make(1, 5));
        assertThat(s.entries()).extracting(LogEntry::zxid).containsExactly(Zxid.make(2, 1), Zxid.make(2, 2));
    }

    @Test
    void peerBehindTheWindowGetsSnapshotPlusTail() {
        Packet.SyncStart s = plan(Zxid.make(1, 1), Zxid.make(1, 3));
        assertThat(s.mode()).isEqualTo(SyncMode.SNAP);
        assertThat(s.snapshotZxid()).isEqualTo(Zxid.make(1, 3));
        assertThat(s.snapshot()).containsExactly(42);
        assertThat(s.entries()).extracting(LogEntry::zxid).containsExactly(Zxid.make(1, 4), Zxid.make(1, 5),
                Zxid.make(2, 1), Zxid.make(2, 2));
    }

    @Test
    void emptyPeerWithUncompactedLeaderGetsFullDiff() {
        assertThat(plan(0, 0).mode()).isEqualTo(SyncMode.DIFF);
        assertThat(plan(0, 0).entries()).hasSize(7);
        assertThat(plan(0, Zxid.make(1, 3)).mode()).isEqualTo(SyncMode.SNAP);
    }
}
