package org.quorumlab.gui.lessons;

/**
 * A node named by a lesson: a server id, or a symbol resolved when the step runs ({@code leader},
 * {@code lastStopped}, {@code lastIsolated}; docs/lessons.md "Node references").
 */
public sealed interface NodeRef {

    /** A fixed server id. */
    record Id(long id) implements NodeRef {
        @Override
        public String toString() {
            return Long.toString(id);
        }
    }

    /** The current leader. */
    record Leader() implements NodeRef {
        @Override
        public String toString() {
            return "leader";
        }
    }

    /** The node most recently taken down by killLeader, killNode or stopNode. */
    record LastStopped() implements NodeRef {
        @Override
        public String toString() {
            return "lastStopped";
        }
    }

    /** The single node of the first group of the most recent partition. */
    record LastIsolated() implements NodeRef {
        @Override
        public String toString() {
            return "lastIsolated";
        }
    }

    /** Parses a JSON value: a positive number (or numeric text) or one of the symbols. */
    static NodeRef parse(Object value) {
        if (value instanceof Number n) {
            return id(n.longValue(), value);
        }
        String s = String.valueOf(value).trim();
        switch (s) {
            case "leader":
                return new Leader();
            case "lastStopped":
                return new LastStopped();
            case "lastIsolated":
                return new LastIsolated();
            default:
                try {
                    return id(Long.parseLong(s), value);
                } catch (NumberFormatException e) {
                    throw new LessonFormatException("node reference '" + s
                            + "' is neither a server id nor leader, lastStopped or lastIsolated");
                }
        }
    }

    private static NodeRef id(long id, Object value) {
        if (id < 1) {
            throw new LessonFormatException("node id must be positive, got " + value);
        }
        return new Id(id);
    }
}
