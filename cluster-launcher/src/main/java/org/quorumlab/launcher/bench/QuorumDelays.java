package org.quorumlab.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;

/**
 * Reads how long quorum messages waited in each QuorumLab server before its consensus thread
 * handled them ({@code quorumlab_quorum_queue_delay_*} in {@code /metrics}), one line per server.
 */
final class QuorumDelays {

    static final String P99 = "quorumlab_quorum_queue_delay_p99_seconds";
    static final String MAX = "quorumlab_quorum_queue_delay_max_seconds";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private QuorumDelays() {
    }

    static List<String> read(ClusterLauncher cluster, Engine engine) throws InterruptedException {
        List<String> out = new ArrayList<>();
        if (engine != Engine.QUORUMLAB) {
            return out;
        }
        for (long id : cluster.members()) {
            int admin = cluster.ports(id).admin();
            try {
                String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
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
