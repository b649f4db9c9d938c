package org.quorumlab.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Reads a zoo.cfg-style file. Every error names the file and line. Every key of ZooKeeper 3.9's administrator's
 * guide (and of its {@code QuorumPeerConfig}) is either implemented or listed in {@link #IGNORED_KEYS} /
 * {@link #IGNORED_PREFIXES}: an ignored key is accepted with one warning naming its file, line and key
 * ({@link ServerConfig#warnings()}, logged when the server starts). Any other key is an error, so a typo never
 * silently changes behaviour. Keys the guide documents as {@code zookeeper.X} system properties are also accepted
 * as {@code X}, the form ZooKeeper's own zoo.cfg parsing turns into {@code zookeeper.X}.
 */
public final class ZooCfgParser {

    /** ZooKeeper keys QuorumLab accepts and does not act on, in the order of the 3.9 administrator's guide. */
    static final List<String> IGNORED_KEYS = List.of(
            // Minimum and advanced configuration
            "observerMasterPort", "dataLogDir", "preAllocSize", "commitLogCount", "snapSizeLimitInKb",
            "txnLogSizeLimitInKb", "maxCnxns", "fsync.warningthresholdms", "maxResponseCacheSize",
            "maxGetChildrenResponseCacheSize", "syncEnabled", "emulate353TTLNodes", "watchManagerName",
            "watcherCleanThreadsNum", "watcherCleanThreshold", "watcherCleanIntervalInSeconds",
            "maxInProcessingDeadWatchers", "bitHashCacheSize", "fastleader.minNotificationInterval",
            "fastleader.maxNotificationInterval", "connectionMaxTokens", "connectionTokenFillTime",
            "connectionTokenFillCount", "connectionFreezeTime", "connectionDropIncrease", "connectionDropDecrease",
            "connectionDecreaseRatio", "zookeeper.connection_throttle_weight_enabled",
            "zookeeper.connection_throttle_global_session_weight", "zookeeper.connection_throttle_local_session_weight",
            "zookeeper.connection_throttle_renew_session_weight", "clientPortListenBacklog", "serverCnxnFactory",
            "flushDelay", "maxWriteQueuePollTime", "maxBatchSize", "requestThrottleLimit", "requestThrottleStallTime",
            "requestThrottleDropStale", "requestStaleLatencyCheck", "requestStaleConnectionCheck",
            "zookeeper.request_throttler.shutdownTimeout", "advancedFlowControlEnabled", "enableEagerACLCheck",
            "maxConcurrentSnapSyncs", "maxConcurrentDiffSyncs", "digest.enabled", "snapshot.compression.method",
            "snapshot.trust.empty", "audit.enable", "audit.impl.class", "largeRequestMaxBytes",
            "largeRequestThreshold", "outstandingHandshake.limit", "netty.server.earlyDropSecureConnectionHandshakes",
            "throttledOpWaitTime", "learner.closeSocketAsync", "leader.closeSocketAsync", "learner.asyncSending",
            "forward_learner_requests_to_commit_processor_disabled", "serializeLastProcessedZxid.enabled",
            // Cluster options
            "electionAlg", "maxTimeToWaitForEpoch", "connectToLearnerMasterLimit", "leaderServes", "cnxTimeout",
            "quorumCnxnTimeoutMs", "standaloneEnabled", "tcpKeepAlive", "clientTcpKeepAlive", "electionPortBindRetry",
            "observer.reconnectDelayMs", "observer.election.DelayMs", "localSessionsEnabled",
            "localSessionsUpgradingEnabled",
            // Encryption, authentication, authorization (TLS keys aside)
            "DigestAuthenticationProvider.enabled", "DigestAuthenticationProvider.digestAlg",
            "IPAuthenticationProvider.usexforwardedfor",
            // TLS keys beyond the stores, protocols and ciphers TlsConfig reads: peers are checked
            // against the trust store only, with the JDK's provider and protocol defaults
            "ssl.hostnameVerification", "ssl.quorum.hostnameVerification", "ssl.clientHostnameVerification",
            "ssl.quorum.clientHostnameVerification", "ssl.protocol", "ssl.quorum.protocol", "ssl.crl",
            "ssl.quorum.crl", "ssl.ocsp", "ssl.quorum.ocsp", "ssl.handshakeDetectionTimeoutMillis",
            "ssl.quorum.handshakeDetectionTimeoutMillis", "ssl.sslProvider", "ssl.quorum.sslProvider",
            "ssl.context.supplier.class", "ssl.quorum.context.supplier.class", "ssl.authProvider",
            "sslQuorumReloadCertFiles", "X509AuthenticationProvider.superUser",
            "zookeeper.superUser", "zookeeper.ensembleAuthName", "sessionRequireClientSASLAuth",
            "enforce.auth.enabled", "enforce.auth.schemes", "client.certReload", "client.portUnification",
            "authProvider", "kerberos.removeHostFromPrincipal", "kerberos.removeRealmFromPrincipal",
            "kerberos.canonicalizeHostNames", "multiAddress.enabled", "multiAddress.reachabilityCheckTimeoutMs",
            "fips-mode",
            // Experimental and unsafe options
            "readonlymode.enabled", "zookeeper.follower.skipLearnerRequestToNextProcessor", "forceSync",
            "jute.maxbuffer.extrasize", "quorumListenOnAllIPs", "multiAddress.reachabilityCheckEnabled",
            "zookeeper.datadir.autocreate", "zookeeper.db.autocreate",
            // Performance tuning and debug observability
            "zookeeper.nio.numSelectorThreads", "zookeeper.nio.numWorkerThreads",
            "zookeeper.commitProcessor.numWorkerThreads", "zookeeper.commitProcessor.maxReadBatchSize",
            "zookeeper.commitProcessor.maxCommitBatchSize", "znode.container.maxPerMinute",
            "znode.container.maxNeverUsedIntervalMs", "zookeeper.messageTracker.BufferSize",
            "zookeeper.messageTracker.Enabled",
            // AdminServer
            "admin.rateLimiterIntervalInMS", "admin.snapshot.enabled", "admin.restore.enabled",
            "admin.needClientAuth", "admin.forceHttps", "admin.portUnification", "admin.enableServer",
            "admin.idleTimeout", "admin.commandURL",
            // QuorumPeerConfig keys the guide does not list
            "peerType", "dynamicConfigFile", "portUnification", "quorum.cnxn.threads.size", "oraclePath");

    /** Families of ignored keys: metrics providers, hierarchical quorums, auth providers, quorum SASL, JVM pauses. */
    static final List<String> IGNORED_PREFIXES = List.of("metricsProvider.", "group.", "weight.", "authProvider.",
            "quorum.auth.", "jvm.pause.");

    private ZooCfgParser() {
    }

    public static ServerConfig parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines, file.toAbsolutePath().getParent());
    }

    public static ServerConfig parse(String source, List<String> lines, Path baseDir) {
        ServerConfigBuilder b = new ServerConfigBuilder();
        Long myId = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + ":" + (i + 1);
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(where + ": expected key=value, got '" + line + "'");
            }
            String key = line.substring(0, eq).trim();
            String value = line.substring(eq + 1).trim();
            try {
                if (key.equals("myid")) {
                    myId = Long.parseLong(value);
                } else {
                    apply(b, key, value, baseDir, where);
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(where + ": '" + value + "' is not a number for " + key);
            } catch (ConfigException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        if (myId != null) {
            b.serverId(myId);
        }
        try {
            return b.build();
        } catch (ConfigException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    private static void apply(ServerConfigBuilder b, String key, String value, Path baseDir, String where) {
        if (key.startsWith("server.")) {
            long id = Long.parseLong(key.substring("server.".length()));
            b.addServer(QuorumServerSpec.parse(id, value));
            return;
        }
        if (TlsConfig.accepts(key)) {
            b.tls(b.tls().with(key, value, baseDir));
            return;
        }
        switch (key) {
            case "clientPort" -> b.clientPort(Integer.parseInt(value));
            case "clientPortAddress" -> b.clientPortAddress(value);
            case "dataDir" -> b.dataDir(baseDir == null ? Path.of(value) : baseDir.resolve(value));
            case "tickTime" -> b.tickTime(Integer.parseInt(value));
            case "minSessionTimeout" -> b.minSessionTimeout(Integer.parseInt(value));
            case "maxSessionTimeout" -> b.maxSessionTimeout(Integer.parseInt(value));
            case "maxClientCnxns" -> b.maxClientCnxns(Integer.parseInt(value));
            case "jute.maxbuffer" -> b.juteMaxBuffer(Integer.decode(value));
            case "extendedTypesEnabled", "zookeeper.extendedTypesEnabled" -> b.extendedTypesEnabled(bool(value));
            case "superDigest", "DigestAuthenticationProvider.superDigest" -> b.superDigest(value);
            case "skipACL" -> b.skipAcl(value.equalsIgnoreCase("yes") || !value.equalsIgnoreCase("no") && bool(value));
            case "snapCount" -> b.snapCount(Integer.parseInt(value));
            case "container.checkIntervalMs", "znode.container.checkIntervalMs" ->
                    b.containerCheckIntervalMs(Long.parseLong(value));
            case "reconfigEnabled" -> b.reconfigEnabled(bool(value));
            case "initLimit" -> b.initLimit(Integer.parseInt(value));
            case "syncLimit" -> b.syncLimit(Integer.parseInt(value));
            case "admin.serverPort" -> b.adminPort(Integer.parseInt(value));
            case "admin.serverAddress" -> b.adminServerAddress(value);
            case "admin.tokenFile" -> b.adminToken(AdminToken.readFrom(baseDir == null ? Path.of(value)
                    : baseDir.resolve(value)));
            case "globalOutstandingLimit" -> b.globalOutstandingLimit(Integer.parseInt(value));
            case "4lw.commands.whitelist" -> b.fourLetterWords(fourLetterWords(b, value, where));
            case "autopurge.snapRetainCount" -> b.snapRetainCount(snapRetainCount(b, Integer.parseInt(value), where));
            case "autopurge.afterSnapshot" -> b.purgeAfterSnapshot(bool(value));
            case "autopurge.purgeInterval" -> b.purgeInterval(Duration.ofHours(Math.max(0, Integer.parseInt(value))));
            case "enforceQuota", "zookeeper.enforceQuota" -> b.enforceQuota(bool(value));
            default -> {
                if (!isIgnored(key)) {
                    throw new ConfigException("unknown key '" + key + "'");
                }
                b.warn(where + ": " + key + " is a ZooKeeper setting QuorumLab does not implement; ignored");
            }
        }
    }

    private static boolean isIgnored(String key) {
        return IGNORED_KEYS.contains(key) || IGNORED_KEYS.contains("zookeeper." + key)
                || IGNORED_PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** As ZooKeeper: any list is accepted; a word ZooKeeper does not know is named in a warning. */
    private static FourLetterWordWhitelist fourLetterWords(ServerConfigBuilder b, String value, String where) {
        FourLetterWordWhitelist whitelist = FourLetterWordWhitelist.parse(value);
        whitelist.words().stream().filter(w -> !FourLetterWordWhitelist.ZOOKEEPER_WORDS.contains(w)).forEach(w ->
                b.warn(where + ": 4lw.commands.whitelist lists '" + w + "', which is not a four-letter word"));
        return whitelist;
    }

    /** As ZooKeeper: a count below the minimum is raised to it, with a warning. */
    private static int snapRetainCount(ServerConfigBuilder b, int count, String where) {
        if (count >= ServerConfig.MIN_SNAP_RETAIN_COUNT) {
            return count;
        }
        b.warn(where + ": autopurge.snapRetainCount " + count + " is below the minimum "
                + ServerConfig.MIN_SNAP_RETAIN_COUNT + "; using " + ServerConfig.MIN_SNAP_RETAIN_COUNT);
        return ServerConfig.MIN_SNAP_RETAIN_COUNT;
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not true/false");
    }
}
