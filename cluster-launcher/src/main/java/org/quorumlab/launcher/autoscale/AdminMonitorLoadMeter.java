package org.quorumlab.launcher.autoscale;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.quorumlab.launcher.admin.AdminHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load from each member's admin server: {@code GET /commands/monitor}, whose
 * {@code packets_received} counter grows by one per client request (QuorumLab and ZooKeeper
 * alike); the rate is its growth between two polls. A member's first reading, a restarted
 * member (counter went down) or an unreachable admin port gives no rate for that member; the
 * total is {@code NaN} until every serving member has a rate.
 */
public final class AdminMonitorLoadMeter implements LoadMeter {

    private static final Logger LOG = LoggerFactory.getLogger(AdminMonitorLoadMeter.class);

    private final LongFunction<Optional<InetSocketAddress>> adminAddress;
    private final AdminHttpClient admin;
    private final Map<Long, long[]> last = new HashMap<>();

    public AdminMonitorLoadMeter(LongFunction<Optional<InetSocketAddress>> adminAddress, AdminHttpClient admin) {
        this.adminAddress = adminAddress;
        this.admin = admin;
    }

    @Override
    public Reading read(List<MemberState> members, long nowMs) {
        Map<Long, Double> rates = new HashMap<>();
        boolean complete = true;
        Map<Long, long[]> seen = new HashMap<>();
        for (MemberState m : members) {
            if (!m.serving()) {
                continue;
            }
            Optional<Long> packets = adminAddress.apply(m.id()).flatMap(this::packetsReceived);
            if (packets.isEmpty()) {
                complete = false;
                continue;
            }
            long[] before = last.get(m.id());
            seen.put(m.id(), new long[] {nowMs, packets.get()});
            if (before == null || packets.get() < before[1] || nowMs <= before[0]) {
                complete = false;
                continue;
            }
            rates.put(m.id(), (packets.get() - before[1]) * 1000.0 / (nowMs - before[0]));
        }
        last.clear();
        last.putAll(seen);
        double total = complete ? rates.values().stream().mapToDouble(Double::doubleValue).sum() : Double.NaN;
        return new Reading(total, rates);
    }

    private Optional<Long> packetsReceived(InetSocketAddress address) {
        String endpoint = address.getHostString() + ":" + address.getPort();
        try {
            JsonNode n = admin.getJson(endpoint, "/commands/monitor").get("packets_received");
            return n == null || !n.canConvertToLong() ? Optional.empty() : Optional.of(n.asLong());
        } catch (IOException e) {
            LOG.debug("No monitor reading from {}: {}", endpoint, e.toString());
            return Optional.empty();
        }
    }
}
