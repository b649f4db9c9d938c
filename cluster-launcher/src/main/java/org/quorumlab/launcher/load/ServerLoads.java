package org.quorumlab.launcher.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.quorumlab.launcher.load.balancing.ServerStatsView;

/** Live per-server counters of a load run, updated from client callbacks; the policies' view. */
final class ServerLoads implements ServerStatsView {

    /** Weight of the newest latency in the moving average. */
    static final double EWMA_ALPHA = 0.1;

    static final class Server {
        final String address;
        final LongAdder ok = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicInteger outstanding = new AtomicInteger();
        final AtomicInteger clients = new AtomicInteger();
        private double ewmaMs;
        private boolean measured;
        volatile boolean down;

        Server(String address) {
            this.address = address;
        }

        synchronized void latency(double ms) {
            ewmaMs = measured ? EWMA_ALPHA * ms + (1 - EWMA_ALPHA) * ewmaMs : ms;
            measured = true;
        }

        synchronized double ewmaMs() {
            return ewmaMs;
        }
    }

    private final Map<String, Server> servers = new LinkedHashMap<>();

    ServerLoads(List<String> addresses) {
        for (String a : addresses) {
            servers.put(a, new Server(a));
        }
    }

    Server get(String address) {
        Server s = servers.get(address);
        if (s == null) {
            throw new IllegalArgumentException("unknown server " + address);
        }
        return s;
    }

    Iterable<Server> all() {
        return servers.values();
    }

    @Override
    public double latencyEwmaMillis(String server) {
        Server s = servers.get(server);
        return s == null ? 0 : s.ewmaMs();
    }

    @Override
    public int outstanding(String server) {
        Server s = servers.get(server);
        return s == null ? 0 : Math.max(0, s.outstanding.get());
    }

    @Override
    public int clients(String server) {
        Server s = servers.get(server);
        return s == null ? 0 : s.clients.get();
    }

    /** The servers no client has recently failed to reach, or all when that leaves none. */
    List<String> reachable(String except) {
        List<String> up = servers.values().stream().filter(s -> !s.down && !s.address.equals(except))
                .map(s -> s.address).toList();
        if (!up.isEmpty()) {
            return up;
        }
        List<String> others = servers.keySet().stream().filter(a -> !a.equals(except)).toList();
        return others.isEmpty() ? List.copyOf(servers.keySet()) : others;
    }

    /** This view as seen by a client about to be moved: its own session and requests taken out. */
    ServerStatsView without(String server, int ownOutstanding) {
        ServerLoads self = this;
        return new ServerStatsView() {
            @Override
            public double latencyEwmaMillis(String s) {
                return self.latencyEwmaMillis(s);
            }

            @Override
            public int outstanding(String s) {
                return Math.max(0, self.outstanding(s) - (s.equals(server) ? ownOutstanding : 0));
            }

            @Override
            public int clients(String s) {
                return Math.max(0, self.clients(s) - (s.equals(server) ? 1 : 0));
            }
        };
    }
}
