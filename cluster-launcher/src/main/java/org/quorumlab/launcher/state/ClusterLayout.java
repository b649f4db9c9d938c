package org.quorumlab.launcher.state;

import java.nio.file.Path;

/** Where everything of one cluster lives inside its directory. */
public record ClusterLayout(Path dir) {

    public ClusterLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    /** Engine, ports, members and the super password. */
    public Path stateFile() {
        return dir.resolve("cluster.properties");
    }

    /**
     * The cluster's admin API bearer token, mode 0600; every QuorumLab node's zoo.cfg names it as
     * {@code admin.tokenFile}, and the CLI and console read it from here.
     */
    public Path adminTokenFile() {
        return dir.resolve("admin.token");
    }

    /** PID of the launcher process that owns the nodes (they exit when it dies). */
    public Path launcherPidFile() {
        return dir.resolve("launcher.pid");
    }

    /** Held while a membership change runs, across launcher processes. */
    public Path membershipLock() {
        return dir.resolve("membership.lock");
    }

    public Path nodeDir(long id) {
        return dir.resolve("node" + id);
    }

    public Path config(long id) {
        return nodeDir(id).resolve("zoo.cfg");
    }

    public Path dataDir(long id) {
        return nodeDir(id).resolve("data");
    }

    public Path log(long id) {
        return nodeDir(id).resolve("log");
    }

    public Path pidFile(long id) {
        return nodeDir(id).resolve("pid");
    }
}
