package org.quorumlab.engine.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Immutable server configuration, parsed once from zoo.cfg and/or command-line flags. Key names
 * follow ZooKeeper's so an existing zoo.cfg works unchanged.
 *
 * @param snapCount transactions between snapshots
 * @param containerCheckIntervalMs how often empty containers and expired TTL nodes are reaped
 * @param superDigest {@code user:base64(sha1)} that grants the super identity, or null
 * @param globalOutstandingLimit client requests this server has read and not yet answered, at most;
 *        at the bound it stops reading from client sockets (ZooKeeper's key, default 1000). One
 *        connection may hold at most a quarter of it, so one client cannot starve the others.
 * @param adminServerAddress address the admin HTTP server binds ({@code admin.serverAddress}, default
 *        127.0.0.1: reachable from this host only)
 * @param adminToken the bearer token every admin request that changes state must carry (and, when the
 *        admin server is bound beyond loopback, every request), read from {@code admin.tokenFile};
 *        null when none is configured, and then the admin API changes nothing
 */
public record ServerConfig(
        long serverId,
        String clientPortAddress,
        int clientPort,
        Path dataDir,
        int tickTime,
        int minSessionTimeout,
        int maxSessionTimeout,
        int maxClientCnxns,
        int juteMaxBuffer,
        boolean extendedTypesEnabled,
        String superDigest,
        boolean skipAcl,
        int snapCount,
        long containerCheckIntervalMs,
        boolean reconfigEnabled,
        int initLimit,
        int syncLimit,
        int adminPort,
        String adminServerAddress,
        AdminToken adminToken,
        int globalOutstandingLimit,
        List<QuorumServerSpec> servers) {

    public static final int DEFAULT_TICK_TIME = 2000;
    public static final int DEFAULT_JUTE_MAX_BUFFER = 0xfffff;

    public ServerConfig {
        servers = List.copyOf(servers);
        if (tickTime <= 0) {
            throw new ConfigException("tickTime must be positive");
        }
        if (clientPort < 0 || clientPort > 65535) {
            throw new ConfigException("clientPort out of range: " + clientPort);
        }
        if (juteMaxBuffer <= 0) {
            throw new ConfigException("jute.maxbuffer must be positive");
        }
        if (adminServerAddress == null || adminServerAddress.isBlank()) {
            throw new ConfigException("admin.serverAddress must not be empty");
        }
        if (globalOutstandingLimit < 1) {
            throw new ConfigException("globalOutstandingLimit must be positive");
        }
        if (minSessionTimeout > maxSessionTimeout) {
            throw new ConfigException("minSessionTimeout " + minSessionTimeout
                    + " is larger than maxSessionTimeout " + maxSessionTimeout);
        }
    }

    /** A standalone server with ZooKeeper's defaults. */
    public static ServerConfig standalone(int clientPort, Path dataDir) {
        return new ServerConfigBuilder().clientPort(clientPort).dataDir(dataDir).build();
    }

    /** Requests one connection may have read and not yet answered (see {@code globalOutstandingLimit}). */
    public int outstandingLimitPerConnection() {
        return Math.max(1, globalOutstandingLimit / 4);
    }

    public boolean isReplicated() {
        return servers.size() > 1;
    }

    public ServerConfigBuilder toBuilder() {
        return ServerConfigBuilder.from(this);
    }
}
