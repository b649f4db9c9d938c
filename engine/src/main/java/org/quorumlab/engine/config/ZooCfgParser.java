package org.quorumlab.engine.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a zoo.cfg-style file. Every error names the file and line (a missing {@code myid} names the
 * file, a bad ZooKeeper {@code myid} file names that file). Each value is checked where it is read,
 * so a bad one is reported at its own line, not later by {@link ServerConfig}. Every key of ZooKeeper
 * 3.9's administrator's guide (and of its {@code QuorumPeerConfig}) is either read or listed in
 * {@link #IGNORED_KEYS} / {@link #IGNORED_PREFIXES}: an ignored key is accepted with one warning
 * naming its file, line and key ({@link ServerConfig#warnings()}, logged when the server starts).
 * Unknown keys and keys given twice are rejected, so a typo never silently changes behaviour.
 *
 * <p>Files are read as UTF-8; a line that is not valid UTF-8 is read as ISO-8859-1, the encoding
 * ZooKeeper reads zoo.cfg with. Like ZooKeeper, a replicated server whose zoo.cfg has no
 * {@code myid=N} takes its id from the {@code myid} file in its dataDir.
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


    /** Session ids carry the server id in their top byte. */
    static final long MAX_SERVER_ID = 255;
    /** With extended types a top byte of 0xff marks a TTL node's owner, so server 255 is not allowed. */
    static final long MAX_SERVER_ID_EXTENDED_TYPES = 254;

    /** 20 × tickTime, the default maxSessionTimeout, must fit in an int. */
    static final int MAX_TICK_TIME = Integer.MAX_VALUE / 20;

    /** A key QuorumLab reads: checks its value and sets it on the builder. */
    @FunctionalInterface
    private interface Setting {
        /** @param where {@code file:line}, for the warnings a setting adds */
        void apply(ServerConfigBuilder b, String value, Path baseDir, String where);
    }

    /** Every key QuorumLab reads besides {@code server.N} and {@code myid}; an alias maps to its key's setting. */
    private static final Map<String, Setting> SETTINGS = new LinkedHashMap<>();
    /** Alias to canonical key, so a value given under both names counts as given twice. */
    private static final Map<String, String> ALIASES = Map.of(
            "zookeeper.extendedTypesEnabled", "extendedTypesEnabled",
            "DigestAuthenticationProvider.superDigest", "superDigest",
            "znode.container.checkIntervalMs", "container.checkIntervalMs",
            "zookeeper.enforceQuota", "enforceQuota");

    static {
        SETTINGS.put("clientPort", (b, v, d, w) -> b.clientPort(intIn("clientPort", v, 0, 65535)));
        SETTINGS.put("clientPortAddress", (b, v, d, w) -> b.clientPortAddress(nonEmpty("clientPortAddress", v)));
        SETTINGS.put("dataDir", (b, v, d, w) -> b.dataDir(path("dataDir", v, d)));
        SETTINGS.put("tickTime", (b, v, d, w) -> b.tickTime(intIn("tickTime", v, 1, MAX_TICK_TIME)));
        SETTINGS.put("minSessionTimeout", (b, v, d, w) -> b.minSessionTimeout(sessionTimeout("minSessionTimeout", v)));
        SETTINGS.put("maxSessionTimeout", (b, v, d, w) -> b.maxSessionTimeout(sessionTimeout("maxSessionTimeout", v)));
        SETTINGS.put("maxClientCnxns", (b, v, d, w) -> b.maxClientCnxns(intIn("maxClientCnxns", v, 0, Integer.MAX_VALUE)));
        SETTINGS.put("jute.maxbuffer", (b, v, d, w) -> b.juteMaxBuffer(juteMaxBuffer(v)));
        SETTINGS.put("extendedTypesEnabled", (b, v, d, w) -> b.extendedTypesEnabled(bool("extendedTypesEnabled", v)));
        SETTINGS.put("zookeeper.extendedTypesEnabled", SETTINGS.get("extendedTypesEnabled"));
        SETTINGS.put("superDigest", (b, v, d, w) -> b.superDigest(superDigest(v)));
        SETTINGS.put("DigestAuthenticationProvider.superDigest", SETTINGS.get("superDigest"));
        SETTINGS.put("skipACL", (b, v, d, w) -> b.skipAcl(yesNo("skipACL", v)));
        SETTINGS.put("snapCount", (b, v, d, w) -> b.snapCount(intIn("snapCount", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("container.checkIntervalMs", (b, v, d, w) -> b.containerCheckIntervalMs(
                longIn("container.checkIntervalMs", v, 1, Long.MAX_VALUE)));
        SETTINGS.put("reconfigEnabled", (b, v, d, w) -> b.reconfigEnabled(bool("reconfigEnabled", v)));
        SETTINGS.put("initLimit", (b, v, d, w) -> b.initLimit(intIn("initLimit", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("syncLimit", (b, v, d, w) -> b.syncLimit(intIn("syncLimit", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("admin.serverPort", (b, v, d, w) -> b.adminPort(adminPort(v)));
        SETTINGS.put("globalOutstandingLimit", (b, v, d, w) -> b.globalOutstandingLimit(
                intIn("globalOutstandingLimit", v, 1, Integer.MAX_VALUE)));
        SETTINGS.put("znode.container.checkIntervalMs", SETTINGS.get("container.checkIntervalMs"));
        SETTINGS.put("admin.serverAddress", (b, v, d, w) -> b.adminServerAddress(nonEmpty("admin.serverAddress", v)));
        SETTINGS.put("admin.tokenFile", (b, v, d, w) -> b.adminToken(AdminToken.readFrom(path("admin.tokenFile", v, d))));
        SETTINGS.put("4lw.commands.whitelist", (b, v, d, w) -> b.fourLetterWords(fourLetterWords(b, v, w)));
        SETTINGS.put("autopurge.snapRetainCount", (b, v, d, w) -> b.snapRetainCount(
                snapRetainCount(b, intIn("autopurge.snapRetainCount", v, Integer.MIN_VALUE, Integer.MAX_VALUE), w)));
        SETTINGS.put("autopurge.purgeInterval", (b, v, d, w) -> b.purgeInterval(
                Duration.ofHours(Math.max(0, intIn("autopurge.purgeInterval", v, Integer.MIN_VALUE, Integer.MAX_VALUE)))));
        SETTINGS.put("autopurge.afterSnapshot", (b, v, d, w) -> b.purgeAfterSnapshot(bool("autopurge.afterSnapshot", v)));
        SETTINGS.put("enforceQuota", (b, v, d, w) -> b.enforceQuota(bool("enforceQuota", v)));
        SETTINGS.put("zookeeper.enforceQuota", SETTINGS.get("enforceQuota"));
    }

    private ZooCfgParser() {
    }

    /** Every key this parser reads, aliases included (not {@code server.N}); for tests that cover them all. */
    static Set<String> supportedKeys() {
        Set<String> keys = new TreeSet<>(SETTINGS.keySet());
        keys.add("myid");
        return keys;
    }

    public static ServerConfig parse(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(file.toString(), lines(bytes), file.toAbsolutePath().getParent());
    }

    public static ServerConfig parse(String source, List<String> lines, Path baseDir) {
        return new Reading(source, baseDir).read(lines);
    }

    /** One parse: the builder plus where each key was set, for duplicates and checks that span keys. */
    private static final class Reading {

        private final String source;
        private final Path baseDir;
        private final ServerConfigBuilder b = new ServerConfigBuilder();
        private final Map<String, Integer> lineOfKey = new HashMap<>();
        private final Map<Long, Integer> lineOfServer = new HashMap<>();
        // values the checks after the last line need
        private Long myId;
        private String myIdWhere;
        private Path dataDir = Path.of("data");
        private int tickTime = ServerConfig.DEFAULT_TICK_TIME;
        private int minSessionTimeout = -1;
        private int maxSessionTimeout = -1;
        private boolean extendedTypes = true;

        Reading(String source, Path baseDir) {
            this.source = source;
            this.baseDir = baseDir;
        }

        ServerConfig read(List<String> lines) {
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).trim();
                if (i == 0 && line.startsWith("\uFEFF")) {
                    line = line.substring(1).trim(); // byte order mark some editors write
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int number = i + 1;
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new ConfigException(at(number) + ": expected key=value, got '" + line + "'");
                }
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                try {
                    line(key, value, number);
                } catch (ConfigException e) {
                    throw new ConfigException(at(number) + ": " + e.getMessage());
                }
            }
            checkSessionTimeouts();
            resolveServerId();
            try {
                return b.build();
            } catch (ConfigException e) {
                throw new ConfigException(source + ": " + e.getMessage()); // every value was checked above
            }
        }

        private String at(int line) {
            return source + ":" + line;
        }

        private void line(String key, String value, int number) {
            if (key.startsWith("server.")) {
                long id = serverId(key, key.substring("server.".length()));
                Integer first = lineOfServer.putIfAbsent(id, number);
                if (first != null) {
                    throw new ConfigException("server." + id + " is listed twice (first at line " + first + ")");
                }
                b.addServer(QuorumServerSpec.parse(id, value));
                return;
            }
            if (TlsConfig.accepts(key)) {
                Integer first = lineOfKey.putIfAbsent(key, number);
                if (first != null) {
                    throw new ConfigException(key + " is set twice (first at line " + first + ")");
                }
                b.tls(b.tls().with(key, value, baseDir));
                return;
            }
            Setting setting = SETTINGS.get(key);
            boolean ignored = setting == null && isIgnored(key);
            if (setting == null && !key.equals("myid") && !ignored) {
                throw new ConfigException("unknown key '" + key + "'");
            }
            String canonical = ALIASES.getOrDefault(key, key);
            Integer first = lineOfKey.putIfAbsent(canonical, number);
            if (first != null) {
                throw new ConfigException(key + " is set twice (first at line " + first + ")");
            }
            if (key.equals("myid")) {
                myId = serverId("myid", value);
                myIdWhere = at(number);
                return;
            }
            if (setting == null) {
                b.warn(at(number) + ": " + key + " is a ZooKeeper setting QuorumLab does not implement; ignored");
                return;
            }
            setting.apply(b, value, baseDir, at(number));
            switch (canonical) { // already checked by the setting
                case "dataDir" -> dataDir = path("dataDir", value, baseDir);
                case "tickTime" -> tickTime = Integer.parseInt(value);
                case "minSessionTimeout" -> minSessionTimeout = Integer.parseInt(value);
                case "maxSessionTimeout" -> maxSessionTimeout = Integer.parseInt(value);
                case "extendedTypesEnabled" -> extendedTypes = Boolean.parseBoolean(value);
                default -> { }
            }
        }

        /** min ≤ max once both are known (either may derive from tickTime); blames the later explicit one. */
        private void checkSessionTimeouts() {
            int min = minSessionTimeout < 0 ? 2 * tickTime : minSessionTimeout;
            int max = maxSessionTimeout < 0 ? 20 * tickTime : maxSessionTimeout;
            if (min <= max) {
                return;
            }
            int minLine = minSessionTimeout < 0 ? 0 : lineOfKey.get("minSessionTimeout");
            int maxLine = maxSessionTimeout < 0 ? 0 : lineOfKey.get("maxSessionTimeout");
            throw new ConfigException(at(Math.max(minLine, maxLine)) + ": minSessionTimeout " + min
                    + (minSessionTimeout < 0 ? " (2 × tickTime)" : "") + " is larger than maxSessionTimeout " + max
                    + (maxSessionTimeout < 0 ? " (20 × tickTime)" : ""));
        }

        /**
         * {@code myid=N}, else (ensemble only, as ZooKeeper does) the {@code myid} file in dataDir; then checks
         * that session ids can carry it.
         */
        private void resolveServerId() {
            if (myId == null && !lineOfServer.isEmpty()) {
                Path file = dataDir.resolve("myid");
                if (!Files.isRegularFile(file)) {
                    throw new ConfigException(source + ": the server.N lines need this server's id: add myid=N, or "
                            + "write N into " + file + " as ZooKeeper does");
                }
                myIdWhere = file + ":1";
                try {
                    myId = serverId("myid", Files.readAllLines(file, StandardCharsets.ISO_8859_1).stream()
                            .findFirst().orElse("").trim());
                } catch (IOException e) {
                    throw new ConfigException("cannot read " + file + ": " + e.getMessage());
                } catch (ConfigException e) {
                    throw new ConfigException(myIdWhere + ": " + e.getMessage());
                }
            }
            if (myId == null) {
                return;
            }
            if (extendedTypes && myId > MAX_SERVER_ID_EXTENDED_TYPES) {
                throw new ConfigException(myIdWhere + ": server id " + myId + " is too large with extended types "
                        + "(TTL nodes) enabled, where an owner's top byte 0xff marks a TTL node; use 1.."
                        + MAX_SERVER_ID_EXTENDED_TYPES + " or extendedTypesEnabled=false");
            }
            b.serverId(myId);
        }
    }

    // ------------------------------------------------------------------ values

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


    private static long serverId(String key, String value) {
        long id;
        try {
            id = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a server id for " + key + " (1.." + MAX_SERVER_ID + ")");
        }
        if (id < 1 || id > MAX_SERVER_ID) {
            throw new ConfigException("server id " + id + " in " + key + " is out of range: session ids hold it in "
                    + "one byte, use 1.." + MAX_SERVER_ID);
        }
        return id;
    }

    private static int intIn(String key, String value, int min, int max) {
        return (int) longIn(key, value, min, max);
    }

    private static long longIn(String key, String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a number for " + key);
        }
        boolean unbounded = max == Integer.MAX_VALUE || max == Long.MAX_VALUE;
        if (v < min) {
            throw new ConfigException(key + " must be " + (unbounded ? "at least " + min : min + ".." + max) + ", got " + v);
        }
        if (v > max) {
            throw new ConfigException(key + " must be " + (unbounded ? "at most " + max : min + ".." + max) + ", got " + v);
        }
        return v;
    }

    /** -1 (ZooKeeper's "derive from tickTime") or a timeout in ms. */
    private static int sessionTimeout(String key, String value) {
        return intIn(key, value, -1, Integer.MAX_VALUE);
    }

    /** -1 (no admin server, QuorumLab's default) or a port; 0 picks a free one. */
    private static int adminPort(String value) {
        return intIn("admin.serverPort", value, -1, 65535);
    }

    private static int juteMaxBuffer(String value) {
        int v;
        try {
            v = Integer.decode(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("'" + value + "' is not a number for jute.maxbuffer");
        }
        if (v <= 0) {
            throw new ConfigException("jute.maxbuffer must be at least 1, got " + v);
        }
        return v;
    }

    private static String nonEmpty(String key, String value) {
        if (value.isEmpty()) {
            throw new ConfigException(key + " needs a value");
        }
        return value;
    }

    private static Path path(String key, String value, Path baseDir) {
        nonEmpty(key, value);
        try {
            return baseDir == null ? Path.of(value) : baseDir.resolve(value);
        } catch (InvalidPathException e) {
            throw new ConfigException("'" + value + "' is not a valid path for " + key + ": " + e.getReason());
        }
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not true/false for " + key);
    }

    /** ZooKeeper's skipACL is yes/no; true/false are accepted too. */
    private static boolean yesNo(String key, String value) {
        if (value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("no") || value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ConfigException("'" + value + "' is not yes/no for " + key);
    }

    /** {@code user:base64(sha1("user:password"))}, what DigestAuthenticationProvider.generateDigest prints. */
    private static String superDigest(String value) {
        int colon = value.indexOf(':');
        String digest = colon < 0 ? "" : value.substring(colon + 1);
        byte[] sha1 = null;
        try {
            sha1 = Base64.getDecoder().decode(digest);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (colon <= 0 || sha1 == null || sha1.length != 20) {
            throw new ConfigException("superDigest must be user:base64(sha1(\"user:password\")) as "
                    + "DigestAuthenticationProvider.generateDigest prints it, got '" + value + "'");
        }
        return value;
    }

    // ------------------------------------------------------------------ text

    /** Splits on '\n'; each line is UTF-8, or ISO-8859-1 when it is not valid UTF-8. */
    static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i == bytes.length && start == i) {
                    break;
                }
                lines.add(decode(bytes, start, i - start));
                start = i + 1;
            }
        }
        return lines;
    }

    private static String decode(byte[] bytes, int offset, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
