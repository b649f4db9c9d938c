package org.quorumlab.launcher.load.balancing;

/**
 * What the load generator has measured per server (a server is a {@code host:port} from the
 * connect list), read by {@link BalancingPolicy policies}. Values for a server never used are 0.
 */
public interface ServerStatsView {

    /** Exponentially weighted moving average of this server's operation latency, ms; 0 when unmeasured. */
    double latencyEwmaMillis(String server);

    /** Operations sent to this server and not yet answered, over all its clients. */
    int outstanding(String server);

    /** Client sessions currently assigned to this server. */
    int clients(String server);

    /** A view with no measurements, for the first assignment or tests. */
    static ServerStatsView empty() {
        return new ServerStatsView() {
            @Override
            public double latencyEwmaMillis(String server) {
                return 0;
            }

            @Override
            public int outstanding(String server) {
                return 0;
            }

            @Override
            public int clients(String server) {
                return 0;
            }
        };
    }
}
