package org.quorumlab.engine.replication;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * Fault injection on one server's outgoing links, applied inside the transport so no root
 * privileges are needed: blocked peers (partitions), drop probabilities and added delays.
 * Thread-safe. Randomness is injected so tests can make drops deterministic.
 */
public final class LinkFaults {

    private final long self;
    private final DoubleSupplier random;
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final Map<Long, Double> dropRate = new ConcurrentHashMap<>();
    private final Map<Long, Long> delayMs = new ConcurrentHashMap<>();

    public LinkFaults(long self, DoubleSupplier random) {
        this.self = self;
        this.random = random;
    }

    /** Cuts the links to {@code peers} (both partition sides call this for their half). */
    public void block(Set<Long> peers) {
        peers.stream().filter(p -> p != self).forEach(blocked::add);
    }

    public void drop(long peer, double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("drop probability must be within 0..1, got " + probability);
        }
        dropRate.put(peer, probability);
    }

    public void delay(long peer, long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        delayMs.put(peer, millis);
    }

    public void heal() {
        blocked.clear();
        dropRate.clear();
        delayMs.clear();
    }

    /** Whether a frame to {@code peer} should be discarded now. */
    public boolean shouldDrop(long peer) {
        if (blocked.contains(peer)) {
            return true;
        }
        Double p = dropRate.get(peer);
        return p != null && p > 0 && random.getAsDouble() < p;
    }

    public long delayFor(long peer) {
        return delayMs.getOrDefault(peer, 0L);
    }

    public Set<Long> blockedPeers() {
        return Set.copyOf(blocked);
    }

    public Map<Long, Double> dropRates() {
        return Map.copyOf(dropRate);
    }

    public Map<Long, Long> delays() {
        return Map.copyOf(delayMs);
    }
}
