package org.quorumlab.gui.teaching;

/** The speed slider's logarithmic scale: position 0..3 maps to factor 1..1000. */
public final class SpeedScale {

    /** Slider position of the highest factor. */
    public static final double MAX_POSITION = Math.log10(AdminTeaching.MAX_FACTOR);

    private SpeedScale() {
    }

    /** The factor at slider position {@code position}. */
    public static int factor(double position) {
        double p = Math.max(0, Math.min(MAX_POSITION, position));
        return (int) Math.max(1, Math.min(AdminTeaching.MAX_FACTOR, Math.round(Math.pow(10, p))));
    }

    /** The slider position of {@code factor}. */
    public static double position(int factor) {
        return Math.log10(Math.max(1, Math.min(AdminTeaching.MAX_FACTOR, factor)));
    }
}
