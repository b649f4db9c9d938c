package org.quorumlab.gui.cluster;

import javafx.geometry.Point2D;

/** Places the nodes of a diagram evenly on a circle, the first one at the top; shared by the diagrams. */
public final class RingLayout {

    /** Radius of a drawn node. */
    public static final double NODE_RADIUS = 40;

    private RingLayout() {
    }

    /** Center of node {@code i} of {@code n} in a {@code width} x {@code height} area. */
    public static Point2D position(int i, int n, double width, double height) {
        double r = Math.max(40, Math.min(width, height) / 2 - NODE_RADIUS - 34);
        double angle = -Math.PI / 2 + 2 * Math.PI * i / Math.max(1, n);
        return new Point2D(width / 2 + r * Math.cos(angle), height / 2 + r * Math.sin(angle));
    }
}
