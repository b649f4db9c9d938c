package org.quorumlab.engine.tree;

/**
 * Decodes ZooKeeper's overloaded {@code ephemeralOwner}: session id, container marker or TTL.
 * The bit layout is ZooKeeper's (EphemeralType with extended types enabled) so stats match.
 */
public enum EphemeralKind {
    NONE, SESSION, CONTAINER, TTL;

    public static final long CONTAINER_OWNER = Long.MIN_VALUE;
    private static final long EXTENDED_MASK = 0xff00000000000000L;
    private static final long RESERVED_BITS_MASK = 0x00ffff0000000000L;
    public static final long MAX_TTL = ~(EXTENDED_MASK | RESERVED_BITS_MASK);

    public static EphemeralKind of(long owner) {
        if (owner == 0) {
            return NONE;
        }
        if (owner == CONTAINER_OWNER) {
            return CONTAINER;
        }
        if ((owner & EXTENDED_MASK) == EXTENDED_MASK) {
            return TTL;
        }
        return SESSION;
    }

    public static long ttlOwner(long ttlMs) {
        if (ttlMs <= 0 || ttlMs > MAX_TTL) {
            throw new IllegalArgumentException("ttl must be positive and at most " + MAX_TTL);
        }
        return EXTENDED_MASK | ttlMs;
    }

    public static long ttlOf(long owner) {
        return owner & MAX_TTL;
    }
}
