package org.quorumlab.launcher;

import java.util.Locale;

/** Which server implementation the launcher runs for each node. */
public enum Engine {
    /** QuorumLab's own engine ({@code quorumlab server zoo.cfg}). */
    QUORUMLAB,
    /** Real Apache ZooKeeper ({@code QuorumPeerMain}) from the launcher's classpath. */
    ZOOKEEPER;

    /** The name used on the command line and in the state file. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Engine parse(String name) {
        for (Engine e : values()) {
            if (e.cliName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new LauncherException("unknown engine '" + name + "' (expected quorumlab or zookeeper)");
    }
}
