package org.quorumlab.launcher.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.quorumlab.launcher.probe.FourLetterWord;

/**
 * Watches an ensemble's leadership from outside, the way an operator would: every
 * {@code periodMillis} it asks each server {@code srvr} and records when a server's mode or epoch
 * (the high 32 bits of its last zxid) changes. Leader changes are counted by {@link EpochsSeen}; a
 * server that answers in neither leader, follower nor observer mode is a "not serving" sighting
 * (QuorumLab says {@code looking}, ZooKeeper "not currently serving requests").
 */
final class LeaderWatch implements AutoCloseable {

    /** One observed change of one server. */
    record Transition(long atMillis, String server, String mode, long epoch) {
        @Override
        public String toString() {
            return String.format("+%d ms %s -> %s (epoch %d)", atMillis, server, mode, epoch);
        }
    }

    private final List<String> servers;
    private final int periodMillis;
    private final long start = System.nanoTime();
    private final Thread poller;
    private final Map<String, Transition> last = new HashMap<>();
    private final List<Transition> transitions = new ArrayList<>();
    private final EpochsSeen epochs = new EpochsSeen();
    private int notServingSightings;
    private int unansweredPolls;
    private volatile boolean stop;

    LeaderWatch(List<String> servers, int periodMillis) {
        this.servers = List.copyOf(servers);
        this.periodMillis = periodMillis;
        pollOnce();
        this.poller = new Thread(this::loop, "leader-watch");
        poller.setDaemon(true);
        poller.start();
    }

    private void loop() {
        while (!stop) {
            pollOnce();
            try {
                TimeUnit.MILLISECONDS.sleep(periodMillis); // the polling period of an external observer
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pollOnce() {
        for (String server : servers) {
            int colon = server.lastIndexOf(':');
            String reply = FourLetterWord.send(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)),
                    "srvr", 1000).orElse("");
            String mode = reply.isEmpty() ? "no answer" : FourLetterWord.mode(reply);
            long zxid = reply.isEmpty() ? -1 : FourLetterWord.zxid(reply);
            record(server, mode, zxid < 0 ? -1 : zxid >>> 32);
        }
    }

    private synchronized void record(String server, String mode, long epoch) {
        Transition before = last.get(server);
        long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        boolean serving = mode.equals("leader") || mode.equals("follower") || mode.equals("observer");
        if (before == null || !before.mode().equals(mode) || (serving && before.epoch() != epoch)) {
            Transition t = new Transition(at, server, mode, epoch);
            last.put(server, t);
            if (before != null) {
                transitions.add(t);
            }
            if (mode.equals("no answer")) {
                unansweredPolls++;
            } else if (!serving) {
                notServingSightings++;
            }
        }
        if (serving) {
            epochs.serving(epoch);
        }
    }

    /** New (leader, epoch) pairs seen since the watch started. */
    synchronized int leaderChanges() {
        return epochs.leaderChanges();
    }

    /**
     * Times a server was seen not serving (looking, or ZooKeeper's "not currently serving"). A
     * server that does not answer {@code srvr} within a second is counted apart ({@link #unansweredPolls}):
     * a stalled process is not the same as one that left its quorum.
     */
    synchronized int notServingSightings() {
        return notServingSightings;
    }

    /** Times a server did not answer {@code srvr} within a second. */
    synchronized int unansweredPolls() {
        return unansweredPolls;
    }

    synchronized List<Transition> transitions() {
        return List.copyOf(transitions);
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        poller.interrupt();
        poller.join();
    }
}
