package org.quorumlab.engine.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.LatencyHistogram;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.storage.GroupCommitStats;

/** Renders {@code /metrics} in the Prometheus text exposition format (version 0.0.4), by hand. */
final class PrometheusMetrics {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final List<String> ROLES = List.of("leader", "follower", "observer", "looking", "standalone");

    private final StringBuilder b = new StringBuilder(8192);

    private PrometheusMetrics() {
    }

    static String render(NodeView view, NodeState s, EventHub hub) {
        PrometheusMetrics m = new PrometheusMetrics();
        m.requests(view.stats());
        m.state(view, s);
        m.consensus(view, s, hub.counters());
        m.fsync(view.logStats());
        m.quorumQueueDelay(view.stats());
        m.header("quorumlab_event_stream_subscribers", "gauge", "Connected /events subscribers");
        m.sample("quorumlab_event_stream_subscribers", "", hub.subscriberCount());
        m.header("quorumlab_event_stream_dropped_total", "counter", "Events dropped for slow subscribers");
        m.sample("quorumlab_event_stream_dropped_total", "", hub.dropped());
        return m.b.toString();
    }

    private void requests(ServerStats st) {
        Map<Integer, long[]> perOp = st.perOpcode();
        header("quorumlab_requests_total", "counter", "Client requests answered, by opcode");
        perOp.forEach((op, v) -> sample("quorumlab_requests_total", label("op", OpCode.name(op)), v[0]));
        header("quorumlab_request_latency_seconds_total", "counter", "Summed request latency, by opcode");
        perOp.forEach((op, v) -> sample("quorumlab_request_latency_seconds_total", label("op", OpCode.name(op)),
                v[1] / 1e9));
        header("quorumlab_request_latency_seconds", "histogram",
                "Request latency from receipt to reply, by kind (read, write, other)");
        histogram("quorumlab_request_latency_seconds", "read", st.readLatency);
        histogram("quorumlab_request_latency_seconds", "write", st.writeLatency);
        histogram("quorumlab_request_latency_seconds", "other", st.otherLatency);
        gauge("quorumlab_outstanding_requests", "Requests received but not yet answered",
                Math.max(0, st.outstanding.get()));
        gauge("quorumlab_requests_in_flight", "Client requests admitted and not yet answered (globalOutstandingLimit)",
                st.requestsInFlight.get());
        gauge("quorumlab_requests_in_flight_peak", "Most client requests ever admitted at once",
                st.requestsInFlightPeak.get());
        counter("quorumlab_client_read_throttles_total",
                "Times a client connection stopped being read because an outstanding-request bound was reached",
                st.admissionThrottles.sum());
        counter("quorumlab_packets_received_total", "Client packets received (reset by srst)",
                st.packetsReceived.sum());
        counter("quorumlab_packets_sent_total", "Client packets sent (reset by srst)", st.packetsSent.sum());
        counter("quorumlab_watch_events_sent_total", "Watch notifications delivered to clients",
                st.watchEventsSent.sum());
    }

    /** How long received quorum messages waited for the owner thread (p99 and max over the process's life). */
    private void quorumQueueDelay(ServerStats st) {
        header("quorumlab_quorum_queue_delay_seconds", "histogram",
                "Wait of received quorum messages for the owner thread (priority lane)");
        histogram("quorumlab_quorum_queue_delay_seconds", "quorum", st.quorumQueueDelay);
        gauge("quorumlab_quorum_queue_delay_p99_seconds", "99th percentile of the quorum-message queue delay",
                LoadSampler.percentileMs(st.quorumQueueDelay.counts(), 0.99) / 1e3);
        gauge("quorumlab_quorum_queue_delay_max_seconds", "Longest quorum-message queue delay",
                st.quorumQueueDelayMaxNanos.get() / 1e9);
    }

    private void histogram(String name, String kind, LatencyHistogram h) {
        long[] counts = h.counts();
        long cumulative = 0;
        for (int i = 0; i < counts.length; i++) {
            cumulative += counts[i];
            String le = i < LatencyHistogram.BOUNDS_MICROS.length
                    ? fmt(LatencyHistogram.BOUNDS_MICROS[i] / 1e6) : "+Inf";
            sample(name + "_bucket", "{kind=\"" + kind + "\",le=\"" + le + "\"}", cumulative);
        }
        sample(name + "_sum", label("kind", kind), h.sumNanos() / 1e9);
        sample(name + "_count", label("kind", kind), cumulative);
    }

    private void state(NodeView view, NodeState s) {
        gauge("quorumlab_connections", "Live client connections", view.connections().size());
        gauge("quorumlab_znode_count", "Znodes in the tree", s.nodeCount());
        gauge("quorumlab_watch_count", "Watches set (data and child)", s.watchCount());
        gauge("quorumlab_ephemerals_count", "Ephemeral znodes", s.ephemeralsCount());
        gauge("quorumlab_approximate_data_size_bytes", "Approximate size of paths and data", s.dataSize());
        gauge("quorumlab_sessions", "Sessions in the replicated session table", s.sessions().size());
        gauge("quorumlab_last_processed_zxid", "Last applied zxid", s.zxid());
        header("quorumlab_role", "gauge", "1 for this server's current role");
        String mode = view.mode();
        for (String role : ROLES) {
            sample("quorumlab_role", label("role", role), role.equals(mode) ? 1 : 0);
        }
        gauge("quorumlab_serving", "1 while the server accepts client requests", s.serving() ? 1 : 0);
    }

    private void consensus(NodeView view, NodeState s, ConsensusCounters c) {
        counter("quorumlab_proposals_total", "Proposals broadcast as leader", c.proposals.sum());
        counter("quorumlab_acks_received_total", "Proposal acknowledgements received as leader", c.acks.sum());
        counter("quorumlab_commits_total", "Transactions committed", c.commits.sum());
        counter("quorumlab_votes_sent_total", "Election notifications sent", c.votesSent.sum());
        counter("quorumlab_votes_received_total", "Election notifications received", c.votesReceived.sum());
        counter("quorumlab_step_downs_total", "Times this server lost its leader or its quorum", c.stepDowns.sum());
        counter("quorumlab_reconfigs_total", "Reconfigurations activated", c.reconfigs.sum());
        counter("quorumlab_elections_total", "Elections completed (LOOKING until serving in a role)",
                c.elections.sum());
        gauge("quorumlab_last_election_duration_seconds", "Duration of the last completed election",
                c.lastElectionMs() / 1e3);
        if (view.zab() != null) {
            gauge("quorumlab_epoch", "Current epoch", view.zab().epoch());
            gauge("quorumlab_leader_id", "Server id of the current leader (-1 if none)", view.zab().leaderId());
            gauge("quorumlab_learners", "Learners connected to this leader", s.learners().size());
            gauge("quorumlab_synced_followers", "Voting learners synced with this leader", s.syncedFollowers());
        }
    }

    private void fsync(GroupCommitStats g) {
        List<Long> recent = new ArrayList<>(g.recentCommitNanos());
        recent.sort(null);
        header("quorumlab_fsync_latency_seconds", "summary",
                "Transaction log commit (write + fsync) latency; quantiles over the last "
                        + recent.size() + " commits");
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double v = recent.isEmpty() ? 0 : recent.get(Math.min(recent.size() - 1, (int) (q * recent.size()))) / 1e9;
            sample("quorumlab_fsync_latency_seconds", label("quantile", fmt(q)), v);
        }
        sample("quorumlab_fsync_latency_seconds_sum", "", g.totalCommitNanos() / 1e9);
        sample("quorumlab_fsync_latency_seconds_count", "", g.batches());
        gauge("quorumlab_fsync_max_seconds", "Slowest log commit so far", g.maxCommitNanos() / 1e9);
        counter("quorumlab_log_entries_total", "Entries made durable in the transaction log", g.entries());
        gauge("quorumlab_log_queued_entries", "Entries waiting for the next log commit", g.queuedEntries());
    }

    private void gauge(String name, String help, double value) {
        header(name, "gauge", help);
        sample(name, "", value);
    }

    private void counter(String name, String help, double value) {
        header(name, "counter", help);
        sample(name, "", value);
    }

    private void header(String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private void sample(String name, String labels, double value) {
        b.append(name).append(labels).append(' ').append(fmt(value)).append('\n');
    }

    private static String label(String key, String value) {
        return "{" + key + "=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
