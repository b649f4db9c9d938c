package org.quorumlab.engine.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The incremental ack bookkeeping commits exactly what re-walking every outstanding proposal would. */
class ProposalTrackerTest {

    @Test
    void cumulativeAcksCommitInOrderOnceAQuorumAcked() {
        ProposalTracker t = new ProposalTracker();
        QuorumConfig c = QuorumConfig.ofVoters(1L, 2L, 3L);
        for (long z = 1; z <= 5; z++) {
            t.add(new LogEntry(z, new byte[0]), null);
        }
        t.ack(1, 5);
        assertThat(t.takeCommittable(c)).isEmpty();
        t.ack(2, 3);
        assertThat(t.takeCommittable(c)).extracting(LogEntry::zxid).containsExactly(1L, 2L, 3L);
        t.ack(2, 2); // an older ack changes nothing
        t.ack(3, 5);
        assertThat(t.takeCommittable(c)).extracting(LogEntry::zxid).containsExactly(4L, 5L);
    }

    @Test
    void pendingReconfigIsTrackedUntilItCommits() {
        ProposalTracker t = new ProposalTracker();
        QuorumConfig c = QuorumConfig.ofVoters(1L, 2L, 3L);
        QuorumConfig next = QuorumConfig.ofVoters(1L, 2L, 3L, 4L);
        t.add(new LogEntry(1, new byte[0]), null);
        assertThat(t.pendingReconfig()).isNull();
        t.add(new LogEntry(2, new byte[0], next), null);
        assertThat(t.pendingReconfig()).isEqualTo(next);
        t.ack(1, 2);
        t.ack(2, 2);
        t.ack(3, 2);
        assertThat(t.takeCommittable(c)).extracting(LogEntry::zxid).containsExactly(1L, 2L);
        assertThat(t.pendingReconfig()).isNull();
    }

    @Test
    void randomScheduleMatchesTheNaiveModel() {
        Random random = new Random(42);
        for (int run = 0; run < 200; run++) {
            ProposalTracker t = new ProposalTracker();
            QuorumConfig c = QuorumConfig.ofVoters(1L, 2L, 3L, 4L, 5L);
            Map<Long, Set<Long>> model = new HashMap<>();
            List<Long> committedModel = new ArrayList<>();
            List<Long> committed = new ArrayList<>();
            long next = 1;
            for (int step = 0; step < 300; step++) {
                int what = random.nextInt(3);
                if (what == 0 || model.isEmpty()) {
                    long z = next;
                    // now and then a proposal at or below an earlier ack (e.g. after a re-sync)
                    next += random.nextInt(20) == 0 ? 0 : 1;
                    if (model.containsKey(z)) {
                        continue;
                    }
                    t.add(new LogEntry(z, new byte[0]), null);
                    model.put(z, new HashSet<>());
                    next = Math.max(next, z + 1);
                } else {
                    long sid = 1 + random.nextInt(5);
                    long upTo = next - 1 - random.nextInt(5);
                    t.ack(sid, upTo);
                    model.forEach((z, acks) -> {
                        if (z <= upTo) {
                            acks.add(sid);
                        }
                    });
                }
                committed.addAll(t.takeCommittable(c).stream().map(LogEntry::zxid).toList());
                while (!model.isEmpty()) {
                    long first = model.keySet().stream().min(Long::compare).orElseThrow();
                    if (!c.isQuorum(model.get(first))) {
                        break;
                    }
                    model.remove(first);
                    committedModel.add(first);
                }
                assertThat(committed).isEqualTo(committedModel);
            }
        }
    }
}
