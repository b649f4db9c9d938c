package org.quorumlab.engine.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Mutable builder for {@link ServerConfig}; session timeout bounds default to 2× and 20× tickTime. */
public final class ServerConfigBuilder {

    /** The admin server listens on this host only unless {@code admin.serverAddress} says otherwise. */
    public static final String DEFAULT_ADMIN_ADDRESS = "127.0.0.1";

    private long serverId = 1;
    private String clientPortAddress = "0.0.0.0";
    private int clientPort = 2181;
    private Path dataDir = Path.of("data");
    private int tickTime = ServerConfig.DEFAULT_TICK_TIME;
    private int minSessionTimeout = -1;
    private int maxSessionTimeout = -1;
    private int maxClientCnxns = 60;
    private int juteMaxBuffer = ServerConfig.DEFAULT_JUTE_MAX_BUFFER;
    private boolean extendedTypesEnabled = true;
    private String superDigest;
    private boolean skipAcl;
    private int snapCount = 10_000;
    private long containerCheckIntervalMs = 60_000;
    private boolean reconfigEnabled = true;
    private int initLimit = 10;
    private int syncLimit = 5;
    private int adminPort = -1;
    private String adminServerAddress = DEFAULT_ADMIN_ADDRESS;
    private AdminToken adminToken;
    private int globalOutstandingLimit = 1000;
    private FourLetterWordWhitelist fourLetterWords = FourLetterWordWhitelist.DEFAULT;
    private int snapRetainCount = ServerConfig.MIN_SNAP_RETAIN_COUNT;
    private Duration purgeInterval = Duration.ZERO;
    private boolean enforceQuota;
    private final List<String> warnings = new ArrayList<>();
    private final List<QuorumServerSpec> servers = new ArrayList<>();
    private TlsConfig tls = TlsConfig.NONE;
    private boolean purgeAfterSnapshot;

    static ServerConfigBuilder from(ServerConfig c) {
        ServerConfigBuilder b = new ServerConfigBuilder();
        b.serverId = c.serverId();
        b.clientPortAddress = c.clientPortAddress();
        b.clientPort = c.clientPort();
        b.dataDir = c.dataDir();
        b.tickTime = c.tickTime();
        // Bounds equal to the tickTime-derived defaults stay derived, so changing tickTime moves them.
        b.minSessionTimeout = c.minSessionTimeout() == 2 * c.tickTime() ? -1 : c.minSessionTimeout();
        b.maxSessionTimeout = c.maxSessionTimeout() == 20 * c.tickTime() ? -1 : c.maxSessionTimeout();
        b.maxClientCnxns = c.maxClientCnxns();
        b.juteMaxBuffer = c.juteMaxBuffer();
        b.extendedTypesEnabled = c.extendedTypesEnabled();
        b.superDigest = c.superDigest();
        b.skipAcl = c.skipAcl();
        b.snapCount = c.snapCount();
        b.containerCheckIntervalMs = c.containerCheckIntervalMs();
        b.reconfigEnabled = c.reconfigEnabled();
        b.initLimit = c.initLimit();
        b.syncLimit = c.syncLimit();
        b.adminPort = c.adminPort();
        b.adminServerAddress = c.adminServerAddress();
        b.adminToken = c.adminToken();
        b.globalOutstandingLimit = c.globalOutstandingLimit();
        b.fourLetterWords = c.fourLetterWords();
        b.snapRetainCount = c.snapRetainCount();
        b.purgeInterval = c.purgeInterval();
        b.enforceQuota = c.enforceQuota();
        b.warnings.addAll(c.warnings());
        b.servers.addAll(c.servers());
        b.tls = c.tls();
        b.purgeAfterSnapshot = c.purgeAfterSnapshot();
        return b;
    }

    public ServerConfigBuilder serverId(long v) { serverId = v; return this; }
    public ServerConfigBuilder clientPortAddress(String v) { clientPortAddress = v; return this; }
    public ServerConfigBuilder clientPort(int v) { clientPort = v; return this; }
    public ServerConfigBuilder dataDir(Path v) { dataDir = v; return this; }
    public ServerConfigBuilder tickTime(int v) { tickTime = v; return this; }
    public ServerConfigBuilder minSessionTimeout(int v) { minSessionTimeout = v; return this; }
    public ServerConfigBuilder maxSessionTimeout(int v) { maxSessionTimeout = v; return this; }
    public ServerConfigBuilder maxClientCnxns(int v) { maxClientCnxns = v; return this; }
    public ServerConfigBuilder juteMaxBuffer(int v) { juteMaxBuffer = v; return this; }
    public ServerConfigBuilder extendedTypesEnabled(boolean v) { extendedTypesEnabled = v; return this; }
    public ServerConfigBuilder superDigest(String v) { superDigest = v; return this; }
    public ServerConfigBuilder skipAcl(boolean v) { skipAcl = v; return this; }
    public ServerConfigBuilder snapCount(int v) { snapCount = v; return this; }
    public ServerConfigBuilder containerCheckIntervalMs(long v) { containerCheckIntervalMs = v; return this; }
    public ServerConfigBuilder reconfigEnabled(boolean v) { reconfigEnabled = v; return this; }
    public ServerConfigBuilder initLimit(int v) { initLimit = v; return this; }
    public ServerConfigBuilder syncLimit(int v) { syncLimit = v; return this; }
    public ServerConfigBuilder adminPort(int v) { adminPort = v; return this; }
    public ServerConfigBuilder adminServerAddress(String v) { adminServerAddress = v; return this; }
    public ServerConfigBuilder adminToken(AdminToken v) { adminToken = v; return this; }
    public ServerConfigBuilder globalOutstandingLimit(int v) { globalOutstandingLimit = v; return this; }
    public ServerConfigBuilder fourLetterWords(FourLetterWordWhitelist v) { fourLetterWords = v; return this; }
    public ServerConfigBuilder snapRetainCount(int v) { snapRetainCount = v; return this; }
    public ServerConfigBuilder purgeInterval(Duration v) { purgeInterval = v; return this; }
    public ServerConfigBuilder enforceQuota(boolean v) { enforceQuota = v; return this; }
    public ServerConfigBuilder warn(String v) { warnings.add(v); return this; }
    public ServerConfigBuilder addServer(QuorumServerSpec s) { servers.add(s); return this; }
    public ServerConfigBuilder tls(TlsConfig v) { tls = v; return this; }
    public ServerConfigBuilder purgeAfterSnapshot(boolean v) { purgeAfterSnapshot = v; return this; }
    TlsConfig tls() { return tls; }

    public ServerConfig build() {
        int min = minSessionTimeout < 0 ? 2 * tickTime : minSessionTimeout;
        int max = maxSessionTimeout < 0 ? 20 * tickTime : maxSessionTimeout;
        return new ServerConfig(serverId, clientPortAddress, clientPort, dataDir, tickTime, min, max,
                maxClientCnxns, juteMaxBuffer, extendedTypesEnabled, superDigest, skipAcl, snapCount,
                containerCheckIntervalMs, reconfigEnabled, initLimit, syncLimit, adminPort, adminServerAddress,
                adminToken, globalOutstandingLimit, fourLetterWords, snapRetainCount, purgeInterval, enforceQuota,
                warnings, servers, tls, purgeAfterSnapshot);
    }
}
