package org.quorumlab.gui.app;

/** Light or dark stylesheet from the assets module. */
public enum Theme {
    LIGHT, DARK;

    /** Classpath resource of the stylesheet. */
    public String resource() {
        return "/org/quorumlab/assets/themes/" + name().toLowerCase() + ".css";
    }

    /** The other theme. */
    public Theme toggle() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
