package org.quorumlab.gui.recipes;

/**
 * One simulated client as the audience sees it at one moment.
 *
 * @param index  1-based client number
 * @param state  WAITING/HOLDING (lock), LEADER/FOLLOWER (latch), PRODUCING/CONSUMING (queue),
 *               WRITING/WATCHING (config), CONNECTING, SUSPENDED, LOST or STOPPED
 * @param detail what it has done so far, e.g. {@code 3 acquisitions}
 */
public record SimulatedClient(int index, String state, String detail) {
}
