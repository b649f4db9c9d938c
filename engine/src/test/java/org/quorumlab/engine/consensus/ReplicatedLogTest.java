package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which entries the in-memory log keeps, and reading the rest back from the host's log. */
class ReplicatedLogTest {
    private static final QuorumConfig CFG = QuorumConfig.ofVoters(1L, 2L, 3L);

    /** The host's durable log: every entry appended, readable unless purged through {@code purgedThrough}. */
    private static final class StoredLog implements LogHistory {
        final List<LogEntry> entries = new ArrayList<>();
        final int kept;
        long purgedThrough;
        int reads;

        StoredLog(int kept) {
            this.kept = kept;
        }

        @Override
        public int appliedEntriesKept() {
            return kept;
        }

        @Override
        public List<LogEntry> read(long after, long upTo) {
            reads++;
            if (after < purgedThrough) {
                return null;
            }
            return entries.stream().filter(e -> e.zxid() > after && e.zxid() <= upTo).toList();
        }
    }

    private static final StateSnapshotSource SNAP = SyncPlannerTest.snapshotAt(Zxid.make(1, 20));

    /** Entries (1,1)..(1,n) appended, durable, committed and applied. */
    private static ReplicatedLog applied(StoredLog stored, int n) {
        ReplicatedLog log = new ReplicatedLog(DurableState.empty(), stored);
        for (int i = 1; i <= n; i++) {
            LogEntry e = new LogEntry(Zxid.make(1, i), new byte[] {(byte) i});
            log.append(e);
            stored.entries.add(e);
        }
        log.markPersisted(Zxid.make(1, n));
        log.markCommitted(Zxid.make(1, n));
        assertThat(log.takeApplicable()).hasSize(n);
        return log;
    }

    @Test
    void onlyTheLastAppliedEntriesStayInMemoryAndTheRestIsReadBack() {
        StoredLog stored = new StoredLog(3);
        ReplicatedLog log = applied(stored, 20);

        assertThat(log.entries()).extracting(LogEntry::zxid)
                .containsExactly(Zxid.make(1, 18), Zxid.make(1, 19), Zxid.make(1, 20));
        assertThat(log.archivedThrough()).isEqualTo(Zxid.make(1, 17));
        assertThat(log.lastZxid()).isEqualTo(Zxid.make(1, 20));
        assertThat(log.get(Zxid.make(1, 5))).isNull();
        assertThat(log.contains(Zxid.make(1, 5))).isTrue();
        assertThat(log.range(Zxid.make(1, 15), Zxid.make(1, 19))).extracting(LogEntry::zxid)
                .containsExactly(Zxid.make(1, 16), Zxid.make(1, 17), Zxid.make(1, 18), Zxid.make(1, 19));
    }

    @Test
    void unappliedEntriesAreNeverArchived() {
        StoredLog stored = new StoredLog(0);
        ReplicatedLog log = applied(stored, 4);
        LogEntry pending = new LogEntry(Zxid.make(1, 5), new byte[] {5});
        log.append(pending);
        log.markPersisted(pending.zxid());
        assertThat(log.takeApplicable()).isEmpty(); // not committed

        assertThat(log.entries()).containsExactly(pending);
        assertThat(log.range(log.appliedZxid(), log.lastZxid())).containsExactly(pending);
    }

    @Test
    void aLearnerBehindTheInMemoryEntriesGetsADiffReadBackFromTheLog() {
        StoredLog stored = new StoredLog(3);
        ReplicatedLog log = applied(stored, 20);

        Packet.SyncStart s = SyncPlanner.plan(log, Zxid.make(1, 6), log.lastZxid(), SNAP, CFG);

        assertThat(s.mode()).isEqualTo(SyncMode.DIFF);
        assertThat(s.entries()).extracting(LogEntry::zxid).first().isEqualTo(Zxid.make(1, 7));
        assertThat(s.entries()).hasSize(14);
        assertThat(stored.reads).isPositive();
    }

    @Test
    void aLearnerBehindWhatTheLogStillHoldsGetsASnapshot() {
        StoredLog stored = new StoredLog(3);
        ReplicatedLog log = applied(stored, 20);
        stored.purgedThrough = Zxid.make(1, 10);

        Packet.SyncStart s = SyncPlanner.plan(log, Zxid.make(1, 6), log.lastZxid(), SNAP, CFG);

        assertThat(s.mode()).isEqualTo(SyncMode.SNAP);
        assertThat(s.snapshotZxid()).isEqualTo(Zxid.make(1, 20));
    }

    @Test
    void aLearnerWithADivergentEntryFurtherBackThanMemoryGetsASnapshot() {
        StoredLog stored = new StoredLog(3);
        ReplicatedLog log = applied(stored, 20);

        // The learner's last entry (1,6) is one the leader's history does not have (it diverged under an
        // old leader); finding the last common entry would mean searching the log, so it gets a SNAP.
        stored.entries.removeIf(e -> e.zxid() == Zxid.make(1, 6));

        Packet.SyncStart s = SyncPlanner.plan(log, Zxid.make(1, 6), log.lastZxid(), SNAP, CFG);

        assertThat(s.mode()).isEqualTo(SyncMode.SNAP);
    }

    @Test
    void compactionMovesTheArchivedRangeWithTheSnapshot() {
        StoredLog stored = new StoredLog(3);
        ReplicatedLog log = applied(stored, 20);

        log.compact(Zxid.make(1, 12));
        assertThat(log.snapshotZxid()).isEqualTo(Zxid.make(1, 12));
        assertThat(log.archivedThrough()).isEqualTo(Zxid.make(1, 17));
        log.compact(Zxid.make(1, 19));
        assertThat(log.archivedThrough()).isEqualTo(Zxid.make(1, 19));
        assertThat(log.entries()).extracting(LogEntry::zxid).containsExactly(Zxid.make(1, 20));
        assertThat(log.lastZxid()).isEqualTo(Zxid.make(1, 20));
    }
}
