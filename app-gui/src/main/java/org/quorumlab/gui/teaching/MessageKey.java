package org.quorumlab.gui.teaching;

/**
 * Identifies a held message cluster-wide: message ids are per sending node.
 *
 * @param from the sending server
 * @param id   the sender's message id
 */
public record MessageKey(long from, long id) implements Comparable<MessageKey> {

    @Override
    public int compareTo(MessageKey o) {
        int c = Long.compare(from, o.from);
        return c != 0 ? c : Long.compare(id, o.id);
    }

    @Override
    public String toString() {
        return "#" + id + "@" + from;
    }
}
