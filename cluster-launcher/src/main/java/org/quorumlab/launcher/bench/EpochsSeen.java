package org.quorumlab.launcher.bench;

import java.util.TreeSet;

/**
 * Counts leader changes as new epochs in the zxids that serving servers report. Each established
 * leader opens a new epoch, and the benchmarks keep writing, so every election shows up as one.
 *
 * <p>Counting (leader, epoch) pairs instead over-counts: {@code srvr} reports the last applied
 * zxid, so a new leader first reports the old epoch (until a write of its own commits) while the
 * old leader may still answer "leader" for a moment, and one election looked like two or more
 * (the stability reports of 2026-12-03 said 2 for one new epoch). The one blind spot: two
 * elections with no write between them count once.
 */
final class EpochsSeen {

    private final TreeSet<Long> epochs = new TreeSet<>();

    /** A serving server (leader, follower or observer) reported a zxid of this epoch. */
    void serving(long epoch) {
        if (epoch >= 0) {
            epochs.add(epoch);
        }
    }

    int leaderChanges() {
        return Math.max(0, epochs.size() - 1);
    }
}
