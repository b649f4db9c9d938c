package org.quorumlab.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every key of ZooKeeper 3.9's administrator's guide is either implemented or accepted with one warning naming
 * file, line and key; anything else is an error naming file and line. The guide's keys are listed here from the
 * guide itself (release-3.9.3, zookeeperAdmin.md), not from the parser, so a key the parser forgets fails.
 */
class ZooCfgKeysTest {

    /** Keys QuorumLab implements, with a valid value each. */
    private static final Map<String, String> IMPLEMENTED = new TreeMap<>(Map.ofEntries(
            Map.entry("clientPort", "2181"), Map.entry("dataDir", "data"), Map.entry("tickTime", "2000"),
            Map.entry("globalOutstandingLimit", "1000"), Map.entry("snapCount", "100000"),
            Map.entry("maxClientCnxns", "60"), Map.entry("clientPortAddress", "127.0.0.1"),
            Map.entry("minSessionTimeout", "4000"), Map.entry("maxSessionTimeout", "40000"),
            Map.entry("autopurge.snapRetainCount", "3"), Map.entry("autopurge.purgeInterval", "1"),
            Map.entry("extendedTypesEnabled", "true"), Map.entry("enforceQuota", "true"),
            Map.entry("initLimit", "10"), Map.entry("syncLimit", "5"), Map.entry("reconfigEnabled", "true"),
            Map.entry("4lw.commands.whitelist", "*"),
            Map.entry("DigestAuthenticationProvider.superDigest", "super:D/InIHSb7yEEbrWz8b9l71RjZJU="),
            Map.entry("jute.maxbuffer", "0xfffff"), Map.entry("skipACL", "no"),
            Map.entry("znode.container.checkIntervalMs", "60000"), Map.entry("admin.serverPort", "8080")));

    /**
     * The guide's keys QuorumLab ignores. Left out: the TLS keys ({@code ssl.*}, {@code ssl.quorum.*},
     * {@code sslQuorum}, {@code sslQuorumReloadCertFiles}, {@code secureClientPort}, {@code ssl.authProvider}), which
     * the TLS work implements, and {@link #EITHER_WAY}.
     */
    private static final List<String> GUIDE_IGNORED = List.of(
            "observerMasterPort", "dataLogDir", "preAllocSize", "commitLogCount", "snapSizeLimitInKb",
            "txnLogSizeLimitInKb", "maxCnxns", "fsync.warningthresholdms", "maxResponseCacheSize",
            "maxGetChildrenResponseCacheSize", "syncEnabled", "emulate353TTLNodes", "watchManagerName",
            "watcherCleanThreadsNum", "watcherCleanThreshold", "watcherCleanIntervalInSeconds",
            "maxInProcessingDeadWatchers", "bitHashCacheSize", "fastleader.minNotificationInterval",
            "fastleader.maxNotificationInterval", "connectionMaxTokens", "connectionTokenFillTime",
            "connectionTokenFillCount", "connectionFreezeTime", "connectionDropIncrease", "connectionDropDecrease",
            "connectionDecreaseRatio", "zookeeper.connection_throttle_weight_enabled",
            "zookeeper.connection_throttle_global_session_weight",
            "zookeeper.connection_throttle_local_session_weight",
            "zookeeper.connection_throttle_renew_session_weight", "clientPortListenBacklog", "serverCnxnFactory",
            "flushDelay", "maxWriteQueuePollTime", "maxBatchSize", "requestThrottleLimit",
            "requestThrottleStallTime", "requestThrottleDropStale", "requestStaleLatencyCheck",
            "requestStaleConnectionCheck", "zookeeper.request_throttler.shutdownTimeout",
            "advancedFlowControlEnabled", "enableEagerACLCheck", "maxConcurrentSnapSyncs", "maxConcurrentDiffSyncs",
            "digest.enabled", "snapshot.compression.method", "snapshot.trust.empty", "audit.enable",
            "audit.impl.class", "largeRequestMaxBytes", "largeRequestThreshold", "outstandingHandshake.limit",
            "netty.server.earlyDropSecureConnectionHandshakes", "throttledOpWaitTime", "learner.closeSocketAsync",
            "leader.closeSocketAsync", "learner.asyncSending", "forward_learner_requests_to_commit_processor_disabled",
            "serializeLastProcessedZxid.enabled", "electionAlg", "maxTimeToWaitForEpoch",
            "connectToLearnerMasterLimit", "leaderServes", "group.1", "weight.1", "cnxTimeout",
            "quorumCnxnTimeoutMs", "standaloneEnabled", "tcpKeepAlive", "clientTcpKeepAlive",
            "electionPortBindRetry", "observer.reconnectDelayMs", "observer.election.DelayMs",
            "localSessionsEnabled", "localSessionsUpgradingEnabled", "DigestAuthenticationProvider.enabled",
            "DigestAuthenticationProvider.digestAlg", "IPAuthenticationProvider.usexforwardedfor",
            "X509AuthenticationProvider.superUser", "zookeeper.superUser", "zookeeper.ensembleAuthName",
            "sessionRequireClientSASLAuth", "enforce.auth.enabled", "enforce.auth.schemes", "authProvider.1",
            "kerberos.removeHostFromPrincipal", "kerberos.removeRealmFromPrincipal", "kerberos.canonicalizeHostNames",
            "multiAddress.enabled", "multiAddress.reachabilityCheckTimeoutMs", "fips-mode", "readonlymode.enabled",
            "zookeeper.follower.skipLearnerRequestToNextProcessor", "forceSync", "jute.maxbuffer.extrasize",
            "quorumListenOnAllIPs", "multiAddress.reachabilityCheckEnabled", "zookeeper.datadir.autocreate",
            "zookeeper.db.autocreate", "zookeeper.nio.numSelectorThreads", "zookeeper.nio.numWorkerThreads",
            "zookeeper.commitProcessor.numWorkerThreads", "zookeeper.commitProcessor.maxReadBatchSize",
            "zookeeper.commitProcessor.maxCommitBatchSize", "znode.container.maxPerMinute",
            "znode.container.maxNeverUsedIntervalMs", "zookeeper.messageTracker.BufferSize",
            "zookeeper.messageTracker.Enabled", "admin.rateLimiterIntervalInMS", "admin.snapshot.enabled",
            "admin.restore.enabled", "admin.needClientAuth", "admin.forceHttps", "admin.portUnification",
            "admin.enableServer", "admin.idleTimeout", "admin.commandURL",
            "metricsProvider.className", "metricsProvider.httpHost", "metricsProvider.httpPort",
            "metricsProvider.exportJvmInfo", "metricsProvider.numWorkerThreads", "metricsProvider.maxQueueSize",
            "metricsProvider.workerShutdownTimeoutMs",
            // read by QuorumPeerConfig though the guide does not list them
            "peerType", "dynamicConfigFile", "portUnification", "quorum.auth.enableSasl",
            "quorum.auth.learnerRequireSasl", "quorum.auth.serverRequireSasl", "quorum.auth.learner.saslLoginContext",
            "quorum.auth.server.saslLoginContext", "quorum.auth.kerberos.servicePrincipal",
            "quorum.cnxn.threads.size", "jvm.pause.monitor", "jvm.pause.sleep.time.ms", "jvm.pause.warn-threshold.ms",
            "jvm.pause.info-threshold.ms", "oraclePath");

    /** Keys ignored today that the admin-binding and TLS work may implement: accepted either way. */
    private static final Map<String, String> EITHER_WAY = Map.of("admin.serverAddress", "127.0.0.1",
            "client.portUnification", "false", "client.certReload", "false");

    private static ServerConfig parse(String... lines) {
        return ZooCfgParser.parse("zoo.cfg", List.of(lines), Path.of("/base"));
    }

    @Test
    void everyImplementedGuideKeyIsReadWithoutAWarning() {
        List<String> lines = new ArrayList<>();
        IMPLEMENTED.forEach((k, v) -> lines.add(k + "=" + v));
        ServerConfig c = parse(lines.toArray(String[]::new));

        assertThat(c.warnings()).isEmpty();
        assertThat(c.enforceQuota()).isTrue();
        assertThat(c.fourLetterWords()).isEqualTo(FourLetterWordWhitelist.ALL);
        assertThat(c.purgeInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.containerCheckIntervalMs()).isEqualTo(60_000);
    }

    @Test
    void everyOtherGuideKeyIsAcceptedWithOneWarningNamingFileLineAndKey() {
        List<String> lines = new ArrayList<>(List.of("# ZooKeeper's keys QuorumLab ignores", "tickTime=2000"));
        GUIDE_IGNORED.forEach(k -> lines.add(k + "=1"));
        ServerConfig c = parse(lines.toArray(String[]::new));

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < GUIDE_IGNORED.size(); i++) {
            expected.add("zoo.cfg:" + (i + 3) + ": " + GUIDE_IGNORED.get(i)
                    + " is a ZooKeeper setting QuorumLab does not implement; ignored");
        }
        assertThat(c.warnings()).containsExactlyElementsOf(expected);
    }

    @Test
    void keysOtherWorkMayImplementAreImplementedOrIgnoredWithOneWarning() {
        EITHER_WAY.forEach((key, value) -> assertThat(parse(key + "=" + value).warnings()).as(key).hasSizeLessThan(2)
                .isSubsetOf("zoo.cfg:1: " + key + " is a ZooKeeper setting QuorumLab does not implement; ignored"));
    }

    @Test
    void aSystemPropertyOnlyKeyMayBeWrittenWithoutItsZookeeperPrefixAsZooKeeperReadsIt() {
        assertThat(parse("nio.numSelectorThreads=4").warnings()).containsExactly(
                "zoo.cfg:1: nio.numSelectorThreads is a ZooKeeper setting QuorumLab does not implement; ignored");
        assertThat(parse("zookeeper.enforceQuota=true").enforceQuota()).isTrue();
    }

    @Test
    void anUnknownKeyIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> parse("tickTime=2000", "", "forcesync=no"))
                .isInstanceOf(ConfigException.class).hasMessage("zoo.cfg:3: unknown key 'forcesync'");
        assertThatThrownBy(() -> parse("enforceQuota=yes"))
                .isInstanceOf(ConfigException.class).hasMessage("zoo.cfg:1: 'yes' is not true/false for enforceQuota");
    }

    @Test
    void theFourLetterWordWhitelistReadsAsZooKeeperReadsIt() {
        assertThat(ServerConfig.standalone(2181, Path.of("d")).fourLetterWords().words()).containsExactly("srvr");
        FourLetterWordWhitelist listed = parse("4lw.commands.whitelist= ruok , stat,,").fourLetterWords();
        assertThat(listed.all()).isFalse();
        assertThat(listed.words()).isEqualTo(Set.of("ruok", "stat", "srvr"));
        assertThat(listed.allows("ruok")).isTrue();
        assertThat(listed.allows("mntr")).isFalse();
        assertThat(parse("4lw.commands.whitelist=ruok, *").fourLetterWords().allows("mntr")).isTrue();

        ServerConfig typo = parse("4lw.commands.whitelist=ruok,mtnr");
        assertThat(typo.fourLetterWords().words()).contains("mtnr");
        assertThat(typo.warnings()).containsExactly(
                "zoo.cfg:1: 4lw.commands.whitelist lists 'mtnr', which is not a four-letter word");
    }

    @Test
    void autopurgeKeysReadAsZooKeeperReadsThem() {
        ServerConfig c = parse("autopurge.snapRetainCount=5", "autopurge.purgeInterval=24");
        assertThat(c.snapRetainCount()).isEqualTo(5);
        assertThat(c.purgeInterval()).isEqualTo(Duration.ofHours(24));

        ServerConfig defaults = parse("tickTime=2000");
        assertThat(defaults.snapRetainCount()).isEqualTo(3);
        assertThat(defaults.purgeInterval()).isZero();
        assertThat(parse("autopurge.purgeInterval=-1").purgeInterval()).isZero();

        ServerConfig low = parse("tickTime=2000", "autopurge.snapRetainCount=1");
        assertThat(low.snapRetainCount()).isEqualTo(3);
        assertThat(low.warnings()).containsExactly("zoo.cfg:2: autopurge.snapRetainCount 1 is below the minimum 3; "
                + "using 3");
        assertThatThrownBy(() -> new ServerConfigBuilder().snapRetainCount(2).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("at least 3");
    }

    @Test
    void warningsAndTheNewSettingsSurviveABuilderRoundTrip() {
        ServerConfig c = parse("forceSync=no", "enforceQuota=true", "4lw.commands.whitelist=ruok",
                "autopurge.purgeInterval=2", "autopurge.snapRetainCount=4");
        assertThat(c.toBuilder().clientPort(1234).build())
                .isEqualTo(new ServerConfigBuilder().clientPort(1234).dataDir(c.dataDir()).enforceQuota(true)
                        .fourLetterWords(FourLetterWordWhitelist.parse("ruok")).purgeInterval(Duration.ofHours(2))
                        .snapRetainCount(4).warn(c.warnings().get(0)).build());
    }
}
