package org.quorumlab.launcher.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quorumlab.launcher.chaos.ChaosOp.Outcome;
import org.quorumlab.launcher.chaos.FinalState.Cell;
import org.quorumlab.launcher.chaos.FinalState.ServerSnapshot;

/** The checker on hand-made histories: clean ones pass, lost and non-linearizable ones are caught. */
class ChaosCheckerTest {

    private static final String K = "/chaos/r0";
    private static final String Q = "/chaos/queue";

    /** Every server holds register K at (value, version) and the given queue, read at time 100..101. */
    private static FinalState end(long value, long version, Map<String, String> queue) {
        return new FinalState(List.of(server(1, value, version, queue), server(2, value, version, queue),
                server(3, value, version, queue)));
    }

    private static ServerSnapshot server(long id, long value, long version, Map<String, String> queue) {
        return new ServerSnapshot(id, Map.of(K, new Cell(value, version, 100 + id * 2, 101 + id * 2)),
                new TreeMap<>(queue));
    }

    private static List<String> check(List<ChaosOp> ops, FinalState end) {
        return ChaosChecker.check(ops, List.of(K), end).violations();
    }

    @Test
    void aCleanHistoryPasses() {
        List<ChaosOp> ops = History.of(
                ChaosOp.write(0, K, 0, 2, Outcome.OK, 5, ""),
                ChaosOp.read(1, K, 3, 4, 5, 1),
                ChaosOp.cas(2, K, 5, 7, Outcome.OK, 1, 6, ""),
                ChaosOp.cas(0, K, 6, 8, Outcome.FAIL, 1, 7, "BADVERSION"),
                ChaosOp.enqueue(1, Q, 9, 10, Outcome.OK, "c1-1", Q + "/item-0000000000", ""),
                ChaosOp.enqueue(1, Q, 11, 12, Outcome.OK, "c1-2", Q + "/item-0000000001", ""),
                ChaosOp.dequeue(2, Q, 13, 14, Outcome.OK, "c1-1", Q + "/item-0000000000", ""));
        assertThat(check(ops, end(6, 2, Map.of(Q + "/item-0000000001", "c1-2")))).isEmpty();
    }

    @Test
    void anAcknowledgedWriteMissingAtTheEndIsALostWrite() {
        List<ChaosOp> ops = History.of(
                ChaosOp.write(0, K, 0, 2, Outcome.OK, 5, ""),
                ChaosOp.write(1, K, 3, 4, Outcome.OK, 6, ""));
        List<String> v = check(ops, end(5, 1, Map.of()));
        assertThat(v).anyMatch(s -> s.contains("1 acknowledged writes lost"))
                .anyMatch(s -> s.contains("is not linearizable"));
    }

    @Test
    void anIndeterminateWriteMayOrMayNotHaveTakenEffect() {
        List<ChaosOp> ops = History.of(
                ChaosOp.write(0, K, 0, 2, Outcome.OK, 5, ""),
                ChaosOp.write(1, K, 3, 4, Outcome.INDETERMINATE, 6, "CONNECTIONLOSS"));
        assertThat(check(ops, end(5, 1, Map.of()))).isEmpty();
        assertThat(check(ops, end(6, 2, Map.of()))).isEmpty();
        // ... but not both: once a read saw it, a later read cannot miss it
        ops.add(ChaosOp.read(2, K, 50, 51, 6, 2));
        assertThat(check(ops, end(5, 1, Map.of()))).anyMatch(s -> s.contains("is not linearizable"));
    }

    @Test
    void aStaleReadAfterAnAcknowledgedWriteIsNotLinearizable() {
        List<ChaosOp> ops = History.of(
                ChaosOp.write(0, K, 0, 2, Outcome.OK, 5, ""),
                ChaosOp.read(1, K, 3, 4, 5, 1),
                ChaosOp.read(2, K, 5, 6, 0, 0));
        List<String> v = check(ops, end(5, 1, Map.of()));
        assertThat(v).hasSize(1).first().asString().contains("is not linearizable");
    }

    @Test
    void twoSuccessfulCompareAndSetsOnOneVersionAreNotLinearizable() {
        List<ChaosOp> ops = History.of(
                ChaosOp.cas(0, K, 0, 2, Outcome.OK, 0, 5, ""),
                ChaosOp.cas(1, K, 3, 4, Outcome.OK, 0, 6, ""));
        assertThat(check(ops, end(6, 2, Map.of()))).anyMatch(s -> s.contains("is not linearizable"));
    }

    @Test
    void serversThatDisagreeAtTheEndAreReported() {
        FinalState end = new FinalState(List.of(server(1, 5, 1, Map.of()), server(2, 0, 0, Map.of())));
        List<ChaosOp> ops = History.of(ChaosOp.write(0, K, 0, 2, Outcome.INDETERMINATE, 5, "REQUESTTIMEOUT"));
        assertThat(check(ops, end)).anyMatch(s -> s.contains("servers disagree on register"));
    }

    @Test
    void anAcknowledgedQueueAddThatVanishedIsLost() {
        List<ChaosOp> ops = History.of(
                ChaosOp.enqueue(0, Q, 0, 1, Outcome.OK, "c0-1", Q + "/item-0000000000", ""));
        assertThat(check(ops, end(0, 0, Map.of()))).anyMatch(s -> s.contains("acknowledged add lost"));
        assertThat(check(ops, end(0, 0, Map.of(Q + "/item-0000000000", "c0-1")))).isEmpty();
    }

    @Test
    void anIndeterminateRemoveAccountsForAMissingItem() {
        List<ChaosOp> ops = History.of(
                ChaosOp.enqueue(0, Q, 0, 1, Outcome.OK, "c0-1", Q + "/item-0000000000", ""),
                ChaosOp.dequeue(1, Q, 2, 3, Outcome.INDETERMINATE, "c0-1", Q + "/item-0000000000", "CONNECTIONLOSS"));
        assertThat(check(ops, end(0, 0, Map.of()))).isEmpty();
    }

    @Test
    void queueItemsRemovedTwiceOrNeverAddedAreCaught() {
        List<ChaosOp> ops = History.of(
                ChaosOp.enqueue(0, Q, 0, 1, Outcome.OK, "c0-1", Q + "/item-0000000000", ""),
                ChaosOp.dequeue(1, Q, 2, 3, Outcome.OK, "c0-1", Q + "/item-0000000000", ""),
                ChaosOp.dequeue(2, Q, 4, 5, Outcome.OK, "c0-1", Q + "/item-0000000000", ""),
                ChaosOp.dequeue(2, Q, 6, 7, Outcome.OK, "c9-9", Q + "/item-0000000005", ""));
        assertThat(check(ops, end(0, 0, Map.of())))
                .anyMatch(s -> s.contains("c0-1 removed 2 times"))
                .anyMatch(s -> s.contains("c9-9 removed but never added"));
    }

    @Test
    void aRemovedItemStillQueuedIsCaught() {
        List<ChaosOp> ops = History.of(
                ChaosOp.enqueue(0, Q, 0, 1, Outcome.OK, "c0-1", Q + "/item-0000000000", ""),
                ChaosOp.dequeue(1, Q, 2, 3, Outcome.OK, "c0-1", Q + "/item-0000000000", ""));
        assertThat(check(ops, end(0, 0, Map.of(Q + "/item-0000000000", "c0-1"))))
                .anyMatch(s -> s.contains("was removed but is still queued"));
    }
}
