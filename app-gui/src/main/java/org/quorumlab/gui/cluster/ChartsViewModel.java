package org.quorumlab.gui.cluster;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.quorumlab.launcher.admin.ClusterEvent;

/**
 * Time series for the live charts: one sample per node per second from {@code LoadSample}
 * events (plus the polled znode count), kept for {@link #WINDOW_MS}. Lines are computed for the
 * chosen scope: {@link #TOTAL} (sums; latency is the worst node) or one node.
 */
public final class ChartsViewModel {

    /** How much history the charts keep. */
    public static final long WINDOW_MS = 5 * 60_000;
    /** Scope name of the whole-ensemble view. */
    public static final String TOTAL = "Total";

    /** One point: seconds relative to the newest sample (≤ 0) and a value. */
    public record Point(double x, double y) {
    }

    /** A named line of a chart. */
    public record Line(String name, List<Point> points) {
    }

    record Sample(long ts, double reads, double writes, double p50, double p99, double outstanding,
            double connections, double znodes) {
    }

    private final Map<Long, Deque<Sample>> samples = new TreeMap<>();
    private final Map<Long, Long> znodes = new HashMap<>();
    private final ObservableList<String> scopes = FXCollections.observableArrayList(TOTAL);
    private final StringProperty scope = new SimpleStringProperty(TOTAL);
    private final IntegerProperty revision = new SimpleIntegerProperty();
    private long newest = -1;

    public ObservableList<String> scopes() {
        return scopes;
    }

    /** {@link #TOTAL} or {@code "Node <id>"}. */
    public StringProperty scopeProperty() {
        return scope;
    }

    /** Incremented when lines change. */
    public IntegerProperty revisionProperty() {
        return revision;
    }

    /** Takes {@code LoadSample} events; ignores others. */
    public void accept(ClusterEvent e) {
        if (!e.type().equals("LoadSample") || e.server() < 0) {
            return;
        }
        Deque<Sample> d = samples.computeIfAbsent(e.server(), id -> {
            scopes.add("Node " + id);
            FXCollections.sort(scopes, (a, b) -> a.equals(TOTAL) ? -1 : b.equals(TOTAL) ? 1
                    : Long.compare(idOf(a), idOf(b)));
            return new ArrayDeque<>();
        });
        d.addLast(new Sample(e.ts(), e.decimal("readsPerSec", 0), e.decimal("writesPerSec", 0),
                e.decimal("p50Ms", 0), e.decimal("p99Ms", 0), e.decimal("outstanding", 0),
                e.decimal("connections", 0), znodes.getOrDefault(e.server(), -1L)));
        newest = Math.max(newest, e.ts());
        trim();
        revision.set(revision.get() + 1);
    }

    /** Latest polled znode count of a node (joins its next samples). */
    public void setZnodeCount(long server, long count) {
        znodes.put(server, count);
    }

    /** The lines of {@code metric} for the current scope. */
    public List<Line> lines(Metric metric) {
        String s = scope.get();
        if (s == null || s.equals(TOTAL)) {
            if (metric == Metric.CONNECTIONS) {
                List<Line> perNode = new ArrayList<>();
                samples.forEach((id, d) -> perNode.add(line("node " + id, d, Sample::connections)));
                return perNode;
            }
            return linesOf(metric, total());
        }
        Deque<Sample> d = samples.get(idOf(s));
        return d == null ? List.of() : linesOf(metric, d);
    }

    /** Newest sample time (ms), -1 before any. */
    public long newest() {
        return newest;
    }

    private List<Line> linesOf(Metric metric, java.util.Collection<Sample> d) {
        return switch (metric) {
            case OPS -> List.of(line("read", d, Sample::reads), line("write", d, Sample::writes));
            case LATENCY -> List.of(line("p50", d, Sample::p50), line("p99", d, Sample::p99));
            case OUTSTANDING -> List.of(line("outstanding", d, Sample::outstanding));
            case CONNECTIONS -> List.of(line("connections", d, Sample::connections));
            case ZNODES -> List.of(line("znodes", d.stream().filter(x -> x.znodes() >= 0).toList(),
                    Sample::znodes));
        };
    }

    private Line line(String name, java.util.Collection<Sample> d, java.util.function.ToDoubleFunction<Sample> f) {
        List<Point> pts = new ArrayList<>(d.size());
        for (Sample x : d) {
            pts.add(new Point((x.ts() - newest) / 1000.0, f.applyAsDouble(x)));
        }
        return new Line(name, pts);
    }

    /** Per-second buckets summed over nodes (latency: max; znodes: max, every node holds the tree). */
    private List<Sample> total() {
        TreeMap<Long, Sample> byBucket = new TreeMap<>();
        for (Deque<Sample> d : samples.values()) {
            Map<Long, Sample> lastPerBucket = new HashMap<>();
            d.forEach(x -> lastPerBucket.put(x.ts() / 1000, x));
            lastPerBucket.forEach((bucket, x) -> byBucket.merge(bucket, new Sample(bucket * 1000, x.reads(),
                    x.writes(), x.p50(), x.p99(), x.outstanding(), x.connections(), x.znodes()),
                    (a, b) -> new Sample(a.ts(), a.reads() + b.reads(), a.writes() + b.writes(),
                            Math.max(a.p50(), b.p50()), Math.max(a.p99(), b.p99()),
                            a.outstanding() + b.outstanding(), a.connections() + b.connections(),
                            Math.max(a.znodes(), b.znodes()))));
        }
        return new ArrayList<>(byBucket.values());
    }

    private void trim() {
        long cutoff = newest - WINDOW_MS;
        for (Deque<Sample> d : samples.values()) {
            while (!d.isEmpty() && d.peekFirst().ts() < cutoff) {
                d.removeFirst();
            }
        }
    }

    private static long idOf(String scope) {
        try {
            return Long.parseLong(scope.replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
