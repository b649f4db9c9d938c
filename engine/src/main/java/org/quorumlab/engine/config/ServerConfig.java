package org.quorumlab.engine.config;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param fourLetterWords {@code 4lw.commands.whitelist}: the four-letter words answered (ZooKeeper's default:
 *        {@code srvr} only)
 * @param snapRetainCount {@code autopurge.snapRetainCount}: snapshots an autopurge keeps, at least
 *        {@value #MIN_SNAP_RETAIN_COUNT} (default {@value #MIN_SNAP_RETAIN_COUNT})
 * @param purgeInterval {@code autopurge.purgeInterval} (hours in zoo.cfg): how often an autopurge runs, the first
 *        at start-up; zero (the default) never purges, as in ZooKeeper
 * @param enforceQuota {@code enforceQuota} / {@code zookeeper.enforceQuota}: a create or setData that would exceed
 *        a hard count or byte quota fails with QUOTAEXCEEDED (default false; the stats are kept either way)
 * @param warnings one line per zoo.cfg setting read but not honoured as written ({@code file:line: ...}); the
 *        server logs each once, as a WARN, when it starts
 * @param purgeAfterSnapshot QuorumLab's {@code autopurge.afterSnapshot}: run the autopurge after every snapshot
 *        as well (the launcher's clusters do, so a benchmark's log cannot fill the disk within an hour)
 * @param tls the secure client port and TLS on quorum links ({@link TlsConfig#NONE}: neither)
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
        FourLetterWordWhitelist fourLetterWords,
        int snapRetainCount,
        Duration purgeInterval,
        boolean enforceQuota,
        List<String> warnings,
        List<QuorumServerSpec> servers,
        TlsConfig tls,
        boolean purgeAfterSnapshot) {

    public static final int DEFAULT_TICK_TIME = 2000;
    public static final int DEFAULT_JUTE_MAX_BUFFER = 0xfffff;
    /** ZooKeeper's minimum (and default) {@code autopurge.snapRetainCount}. */
    public static final int MIN_SNAP_RETAIN_COUNT = 3;

    public ServerConfig {
        servers = List.copyOf(servers);
        warnings = List.copyOf(warnings);
        tls = tls == null ? TlsConfig.NONE : tls.validated();
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
        if (snapRetainCount < MIN_SNAP_RETAIN_COUNT) {
            throw new ConfigException("autopurge.snapRetainCount must be at least " + MIN_SNAP_RETAIN_COUNT);
        }
        if (purgeInterval.isNegative()) {
            throw new ConfigException("autopurge.purgeInterval must not be negative");
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
