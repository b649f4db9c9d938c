package org.quorumlab.gui.cluster;

/** An undirected link between two servers, normalised so that {@code a < b}. */
public record Link(long a, long b) {

    /** The link between {@code x} and {@code y} in either order. */
    public static Link of(long x, long y) {
        return x < y ? new Link(x, y) : new Link(y, x);
    }
}
