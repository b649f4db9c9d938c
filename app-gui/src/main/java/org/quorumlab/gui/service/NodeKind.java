package org.quorumlab.gui.service;

/**
 * Node type as decoded from {@code Stat.ephemeralOwner}, with ZooKeeper's EphemeralType bit layout:
 * 0 persistent, {@code Long.MIN_VALUE} container, top byte 0xff TTL, anything else an ephemeral owned
 * by that session.
 */
public enum NodeKind {
    PERSISTENT, EPHEMERAL, CONTAINER, TTL;

    private static final long EXTENDED_MASK = 0xff00000000000000L;
    private static final long RESERVED_BITS_MASK = 0x00ffff0000000000L;
    /** Largest TTL an owner field can hold. */
    public static final long MAX_TTL = ~(EXTENDED_MASK | RESERVED_BITS_MASK);

    /** Decodes an ephemeral-owner field. */
    public static NodeKind of(long ephemeralOwner) {
        if (ephemeralOwner == 0) {
            return PERSISTENT;
        }
        if (ephemeralOwner == Long.MIN_VALUE) {
            return CONTAINER;
        }
        if ((ephemeralOwner & EXTENDED_MASK) == EXTENDED_MASK) {
            return TTL;
        }
        return EPHEMERAL;
    }

    /** TTL in ms encoded in a TTL owner field. */
    public static long ttlOf(long ephemeralOwner) {
        return ephemeralOwner & MAX_TTL;
    }

    /** True when {@code name} ends with ZooKeeper's 10-digit sequence suffix. */
    public static boolean isSequential(String name) {
        if (name.length() < 10) {
            return false;
        }
        for (int i = name.length() - 10; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Human description, e.g. {@code ephemeral (owner 0x1000a2b3c)} or {@code ttl (5000 ms)}. */
    public static String describe(long ephemeralOwner, String name) {
        NodeKind k = of(ephemeralOwner);
        String base = switch (k) {
            case PERSISTENT -> "persistent";
            case CONTAINER -> "container";
            case TTL -> "ttl (" + ttlOf(ephemeralOwner) + " ms)";
            case EPHEMERAL -> "ephemeral (owner 0x" + Long.toHexString(ephemeralOwner) + ")";
        };
        return isSequential(name) ? base + ", sequential" : base;
    }

    /** CSS style class for the icon of this kind. */
    public String styleClass() {
        return "node-" + name().toLowerCase();
    }
}
