package org.quorumlab.launcher.autoscale;

/** What a {@link ScalingPolicy} wants done now; each carries a one-line reason for the event log. */
public sealed interface Decision {

    String reason();

    /** Short verb phrase: {@code hold}, {@code add a server}, {@code remove server 3}, {@code replace server 2}. */
    String action();

    /** Nothing to do. */
    record None(String reason) implements Decision {
        @Override
        public String action() {
            return "hold";
        }
    }

    /** Add one server (next free id). */
    record AddServer(String reason) implements Decision {
        @Override
        public String action() {
            return "add a server";
        }
    }

    /** Remove member {@code id} through reconfig. */
    record RemoveServer(long id, String reason) implements Decision {
        @Override
        public String action() {
            return "remove server " + id;
        }
    }

    /** Remove failed member {@code id}, then add a fresh server in its place. */
    record ReplaceServer(long id, String reason) implements Decision {
        @Override
        public String action() {
            return "replace server " + id;
        }
    }
}
