package org.quorumlab.gui.recipes;

/**
 * One line for the audience plus the recipe's safety check.
 *
 * @param headline e.g. {@code client 4 holds the lock; 7 waiting; 132 acquisitions}
 * @param safety   the invariant and what was observed, e.g. {@code max 1 holder at a time observed (must never exceed 1)}
 * @param safe     false once the invariant was violated
 */
public record DemoSummary(String headline, String safety, boolean safe) {

    /** Summary when no demo runs. */
    public static final DemoSummary IDLE = new DemoSummary("No demo running. Choose a recipe and the number of clients, then Start.", "", true);
}
