package org.quorumlab.launcher.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
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
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LongFunction<Optional<InetSocketAddress>> adminAddress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Long, long[]> last = new HashMap<>();

    public AdminMonitorLoadMeter(LongFunction<Optional<InetSocketAddress>> adminAddress) {
        this.adminAddress = adminAddress;
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

    private Optional<Long> packetsReceived(InetSocketAddress admin) {
        URI uri = URI.create("http://" + admin.getHostString() + ":" + admin.getPort() + "/commands/monitor");
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode n = JSON.readTree(r.body()).get("packets_received");
            return n == null || !n.canConvertToLong() ? Optional.empty() : Optional.of(n.asLong());
        } catch (IOException e) {
            LOG.debug("No monitor reading from {}: {}", uri, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
