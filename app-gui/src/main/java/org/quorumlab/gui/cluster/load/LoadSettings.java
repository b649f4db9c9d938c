package org.quorumlab.gui.cluster.load;

/**
 * Load generator settings.
 *
 * @param clients     ZooKeeper sessions, spread over the servers of the connect string
 * @param ratePerSec  target requests per second (all clients)
 * @param readRatio   share of reads, 0..1
 * @param policy      how a request picks its client
 */
public record LoadSettings(int clients, int ratePerSec, double readRatio, BalancingPolicy policy) {

    /** Bounds: 1..64 clients, 1..50,000 ops/s. */
    public LoadSettings {
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException("clients must be within 1..64, got " + clients);
        }
        if (ratePerSec < 1 || ratePerSec > 50_000) {
            throw new IllegalArgumentException("rate must be within 1..50000 ops/s, got " + ratePerSec);
        }
        if (readRatio < 0 || readRatio > 1) {
            throw new IllegalArgumentException("read ratio must be within 0..1, got " + readRatio);
        }
    }
}
