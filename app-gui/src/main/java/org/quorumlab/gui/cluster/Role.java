package org.quorumlab.gui.cluster;

import java.util.Locale;

/** A node's role as the diagram shows it. */
public enum Role {
    LEADER("\u265B leader"), FOLLOWER("follower"), OBSERVER("observer"), LOOKING("looking"),
    STANDALONE("standalone"), DOWN("down"), UNKNOWN("?");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Display text (the leader gets a crown). */
    public String label() {
        return label;
    }

    /** From a server state ({@code LEADING}...) or an admin mode ({@code leader}...). */
    public static Role parse(String s) {
        return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
            case "leading", "leader" -> LEADER;
            case "following", "follower" -> FOLLOWER;
            case "observing", "observer" -> OBSERVER;
            case "looking" -> LOOKING;
            case "standalone" -> STANDALONE;
            default -> UNKNOWN;
        };
    }
}
