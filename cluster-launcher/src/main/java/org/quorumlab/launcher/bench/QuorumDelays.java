package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.admin.AdminCredentials;
import org.quorumlab.launcher.admin.AdminHttpClient;

/**
 * Reads how long quorum messages waited in each QuorumLab server before its consensus thread
 * handled them ({@code quorumlab_quorum_queue_delay_*} in {@code /metrics}), one line per server.
 */
final class QuorumDelays {

    static final String P99 = "quorumlab_quorum_queue_delay_p99_seconds";
    static final String MAX = "quorumlab_quorum_queue_delay_max_seconds";

    private QuorumDelays() {
    }

    static List<String> read(ClusterLauncher cluster, Engine engine) throws InterruptedException {
        List<String> out = new ArrayList<>();
        if (engine != Engine.QUORUMLAB) {
            return out;
        }
        AdminHttpClient http = new AdminHttpClient(AdminCredentials.of(cluster), Duration.ofSeconds(5));
        for (long id : cluster.members()) {
            String admin = cluster.adminEndpoint(id).orElse(null);
            if (admin == null) {
                continue;
            }
            try {
                String metrics = http.get(admin, "/metrics");
                out.add(String.format(java.util.Locale.ROOT, "server %d: p99 %.1f ms, max %.1f ms", id, 1000 * value(metrics, P99),
                        1000 * value(metrics, MAX)));
            } catch (IOException e) {
                out.add("server " + id + ": /metrics unreachable (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    /** The value of the unlabelled sample {@code name}, or NaN when the text has none. */
    static double value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        return Double.NaN;
    }
}
