package org.quorumlab.launcher.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.quorumlab.launcher.load.balancing.BalancingPolicy;
import org.quorumlab.launcher.load.balancing.RoundRobinPolicy;

/**
 * What a {@link LoadGenerator} does. Build one with {@link #builder(String)}.
 *
 * @param servers                 {@code host:port} of each server clients may be pinned to
 * @param clients                 number of client sessions (each pinned to one server)
 * @param ratePerSecond           total target ops/s over all clients; 0 = as fast as possible
 * @param readRatio               fraction of operations that are {@code getData} (the rest {@code setData})
 * @param valueSize               bytes written by each {@code setData}
 * @param keyCount                number of znodes under {@code root} the operations pick from uniformly
 * @param root                    parent znode of the keys, created when absent
 * @param duration                how long to run; {@code null} = until {@link LoadGenerator#stop()}
 * @param maxOutstandingPerClient unanswered operations one client may have in flight
 * @param policy                  how clients are assigned to servers
 * @param sampleInterval          period of {@link LoadSample}s sent to listeners
 * @param rebalanceInterval       period of moving clients for {@link BalancingPolicy#adaptive() adaptive} policies
 * @param rebalanceFraction       fraction of the clients re-assigned at each rebalance (0 disables it)
 * @param reassignAfter           a client disconnected this long moves to another server
 * @param sessionTimeoutMs        requested session timeout
 * @param seed                    seeds the operation mix and key choice of every client
 */
public record LoadSpec(List<String> servers, int clients, double ratePerSecond, double readRatio, int valueSize,
        int keyCount, String root, Duration duration, int maxOutstandingPerClient, BalancingPolicy policy,
        Duration sampleInterval, Duration rebalanceInterval, double rebalanceFraction, Duration reassignAfter,
        int sessionTimeoutMs, long seed) {

    public static final String DEFAULT_ROOT = "/quorumlab-load";

    public LoadSpec {
        servers = List.copyOf(servers);
        Objects.requireNonNull(policy, "policy");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("no servers to connect to (--connect host:port,...)");
        }
        if (new java.util.HashSet<>(servers).size() != servers.size()) {
            throw new IllegalArgumentException("a server is listed twice in " + servers);
        }
        require(clients >= 1, "--clients must be at least 1, got " + clients);
        require(ratePerSecond >= 0, "--rate must be >= 0 (0 = as fast as possible), got " + ratePerSecond);
        require(readRatio >= 0 && readRatio <= 1, "--read-ratio must be between 0 and 1, got " + readRatio);
        require(valueSize >= 0 && valueSize <= 1_000_000, "--value-size must be 0..1000000 bytes, got " + valueSize);
        require(keyCount >= 1, "key count must be at least 1, got " + keyCount);
        require(root.startsWith("/") && !root.endsWith("/") && root.length() > 1, "bad root znode '" + root + "'");
        require(duration == null || !duration.isNegative() && !duration.isZero(), "duration must be positive");
        require(maxOutstandingPerClient >= 1, "max outstanding per client must be at least 1");
        require(rebalanceFraction >= 0 && rebalanceFraction <= 1, "rebalance fraction must be 0..1");
        require(!sampleInterval.isNegative() && !sampleInterval.isZero(), "sample interval must be positive");
        require(!rebalanceInterval.isNegative() && !rebalanceInterval.isZero(), "rebalance interval must be positive");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Splits {@code host:port,host:port,...} (an optional {@code /chroot} suffix is not supported). */
    public static List<String> parseConnect(String connect) {
        List<String> servers = Arrays.stream(connect.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String s : servers) {
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad server address '" + s + "' in --connect, expected host:port");
            }
        }
        return servers;
    }

    public static Builder builder(String connect) {
        return new Builder(parseConnect(connect));
    }

    public static Builder builder(List<String> servers) {
        return new Builder(servers);
    }

    /** Defaults: 4 clients, unthrottled, 90% reads, 100-byte values, 16 keys, round-robin, until stopped. */
    public static final class Builder {
        private final List<String> servers;
        private int clients = 4;
        private double rate;
        private double readRatio = 0.9;
        private int valueSize = 100;
        private int keyCount = 16;
        private String root = DEFAULT_ROOT;
        private Duration duration;
        private int maxOutstanding = 16;
        private BalancingPolicy policy = new RoundRobinPolicy();
        private Duration sampleInterval = Duration.ofSeconds(1);
        private Duration rebalanceInterval = Duration.ofSeconds(5);
        private double rebalanceFraction = 0.1;
        private Duration reassignAfter = Duration.ofSeconds(2);
        private int sessionTimeoutMs = 10_000;
        private long seed = 1;

        private Builder(List<String> servers) {
            this.servers = servers;
        }

        public Builder clients(int v) { clients = v; return this; }
        public Builder ratePerSecond(double v) { rate = v; return this; }
        public Builder readRatio(double v) { readRatio = v; return this; }
        public Builder valueSize(int v) { valueSize = v; return this; }
        public Builder keyCount(int v) { keyCount = v; return this; }
        public Builder root(String v) { root = v; return this; }
        /** {@code null}: until stopped. */
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder maxOutstandingPerClient(int v) { maxOutstanding = v; return this; }
        public Builder policy(BalancingPolicy v) { policy = v; return this; }
        public Builder sampleInterval(Duration v) { sampleInterval = v; return this; }
        public Builder rebalanceInterval(Duration v) { rebalanceInterval = v; return this; }
        public Builder rebalanceFraction(double v) { rebalanceFraction = v; return this; }
        public Builder reassignAfter(Duration v) { reassignAfter = v; return this; }
        public Builder sessionTimeoutMs(int v) { sessionTimeoutMs = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public LoadSpec build() {
            return new LoadSpec(servers, clients, rate, readRatio, valueSize, keyCount, root, duration, maxOutstanding,
                    policy, sampleInterval, rebalanceInterval, rebalanceFraction, reassignAfter, sessionTimeoutMs, seed);
        }
    }
}
