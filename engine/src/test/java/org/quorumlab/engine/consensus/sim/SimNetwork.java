package org.quorumlab.engine.consensus.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.quorumlab.engine.consensus.Message;

/**
 * Seeded message network. Election notifications may be dropped, duplicated, delayed and
 * reordered. Peer packets travel over simulated TCP: delayed but FIFO per link unless
 * {@link #reorderPeers} is set; a drop or a cut loses them (the core sees a sequence gap and treats
 * the connection as broken, as ZooKeeper does on a socket error).
 */
public final class SimNetwork {
    record InFlight(long seq, long from, long to, Message msg, long deliverAfter) {
    }

    private final Random rnd;
    private final List<InFlight> queue = new ArrayList<>();
    private final Set<Long> cut = new HashSet<>();
    private long seq;
    /** Probability to drop an election notification. */
    public double dropNotifications;
    /** Probability to drop a peer packet. */
    public double dropPeers;
    /** Probability to duplicate an election notification (peer packets ride TCP and are not duplicated). */
    public double duplicate;
    /** Maximum delay, in steps. */
    public int maxDelay;
    /** Allow peer packets to overtake each other on a link. */
    public boolean reorderPeers;

    SimNetwork(Random rnd) {
        this.rnd = rnd;
    }

    private static long key(long a, long b) {
        return (Math.min(a, b) << 32) | Math.max(a, b);
    }

    /** Cuts the link between a and b in both directions. */
    public void cut(long a, long b) {
        cut.add(key(a, b));
    }

    /** True iff a and b cannot talk. */
    public boolean isCut(long a, long b) {
        return cut.contains(key(a, b));
    }

    /** Restores all links. */
    public void healAll() {
        cut.clear();
    }

    /** Messages in flight. */
    public int inFlight() {
        return queue.size();
    }

    /** Returns a short description of why the message was lost, or null if queued. */
    String send(long from, long to, Message m, long now) {
        if (isCut(from, to)) {
            return "cut";
        }
        boolean peer = m instanceof Message.Peer;
        if (rnd.nextDouble() < (peer ? dropPeers : dropNotifications)) {
            return "dropped";
        }
        int copies = !peer && rnd.nextDouble() < duplicate ? 2 : 1; // TCP does not duplicate
        for (int i = 0; i < copies; i++) {
            queue.add(new InFlight(seq++, from, to, m, now + (maxDelay == 0 ? 0 : rnd.nextInt(maxDelay + 1))));
        }
        return null;
    }

    /** Picks a deliverable message at random (honouring per-link FIFO for peer packets), or null. */
    InFlight pick(long now) {
        List<Integer> eligible = new ArrayList<>();
        Set<Long> blockedLinks = new HashSet<>();
        for (int i = 0; i < queue.size(); i++) {
            InFlight f = queue.get(i);
            boolean peer = f.msg() instanceof Message.Peer;
            long link = (f.from() << 32) | f.to();
            if (peer && !reorderPeers) {
                if (blockedLinks.contains(link)) {
                    continue;
                }
                blockedLinks.add(link);
            }
            if (f.deliverAfter() <= now) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty()) {
            return null;
        }
        return queue.remove((int) eligible.get(rnd.nextInt(eligible.size())));
    }

    /** Drops everything addressed to {@code node} (its connections were reset). */
    void dropTo(long node) {
        queue.removeIf(f -> f.to() == node);
    }

    /** Drops in-flight messages on cut links. */
    void dropCut() {
        queue.removeIf(f -> isCut(f.from(), f.to()));
    }
}
