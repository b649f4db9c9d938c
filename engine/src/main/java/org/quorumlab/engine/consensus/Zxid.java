package org.quorumlab.engine.consensus;

/**
 * ZooKeeper transaction ids: the high 32 bits are the epoch, the low 32 bits a counter that the
 * leader of that epoch increments for every proposal. Zxids compare as plain {@code long}s.
 */
public final class Zxid {
    /** The zxid of the empty history. */
    public static final long ZERO = 0L;
    /** Largest counter value; a leader that reaches it must give up its epoch. */
    public static final long MAX_COUNTER = 0xffffffffL;

    private Zxid() {
    }

    /** Returns the epoch part of {@code zxid}. */
    public static long epochOf(long zxid) {
        return zxid >>> 32;
    }

    /** Returns the counter part of {@code zxid}. */
    public static long counterOf(long zxid) {
        return zxid & MAX_COUNTER;
    }

    /** Builds a zxid from an epoch and a counter. */
    public static long make(long epoch, long counter) {
        if (epoch < 0 || epoch > 0x7fffffffL) {
            throw new IllegalArgumentException("epoch out of range: " + epoch);
        }
        if (counter < 0 || counter > MAX_COUNTER) {
            throw new IllegalArgumentException("counter out of range: " + counter);
        }
        return (epoch << 32) | counter;
    }

    /** Formats a zxid the way ZooKeeper logs it, e.g. {@code 0x300000012}. */
    public static String toHex(long zxid) {
        return "0x" + Long.toHexString(zxid);
    }
}
