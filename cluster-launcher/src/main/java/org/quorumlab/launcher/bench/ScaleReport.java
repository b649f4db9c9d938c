package org.quorumlab.launcher.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report of {@code quorumlab bench scale}: one table per phase (load, restart, follower catch-up,
 * memory), what failed and why, the load average before each phase, and every figure as raw CSV
 * ({@code engine,phase,metric,node,value}) so a table can be recomputed. A phase an engine did not
 * reach shows as "—".
 */
public final class ScaleReport {

    private static final String NOT_REACHED = "—";

    private ScaleReport() {
    }

    public static String markdown(List<ScaleBenchmark.Result> results, String machine, String load) {
        StringBuilder b = new StringBuilder("# Scale: a big tree on a 3-node ensemble\n\n");
        b.append("Machine: ").append(machine).append("  \nDate: ").append(LocalDate.now())
                .append("  \nLoad average: ").append(load).append("\n\n");
        if (!results.isEmpty()) {
            ScaleBenchmark.Result first = results.get(0);
            ScaleBenchmark.Spec s = first.spec();
            b.append(String.format(Locale.ROOT, "Each engine on a fresh ensemble (tickTime %d ms), nodes started with "
                    + "`%s` (the environment variable QUORUMLAB_NODE_JAVA_OPTS replaces these). %d znodes of %d bytes "
                    + "under %s parents, created by %d sessions with %d asynchronous creates each in flight; then %d "
                    + "more while one follower is stopped.%n%n", ThroughputBenchmark.TICK_TIME_MS,
                    first.nodeJvmOptions(), s.znodes(), s.valueBytes(),
                    first.load() == null ? "a few hundred" : Integer.toString(first.load().parents()), s.sessions(),
                    s.outstanding(), s.missed()));
        }
        b.append("## Load\n\n| engine | znodes created | failed | time s | creates/s | zk_znode_count after |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (ScaleBenchmark.Result r : results) {
            ScaleBenchmark.Load l = r.load();
            b.append(row(r, l == null ? null : List.of(Long.toString(l.created()), Long.toString(l.failed()),
                    seconds(l.millis()), String.format(Locale.ROOT, "%.0f", l.perSecond()),
                    Long.toString(l.znodeCount())), 5));
        }
        b.append("\n## Restart to serving\n\nEvery node stopped cleanly (SIGTERM), then all started together; "
                + "timed until each answers `srvr` as leader or follower and its `mntr` zk_znode_count holds the "
                + "whole tree.\n\n| engine | stop all s | every node serving with the tree s | per node s | leader |\n")
                .append("|---|---:|---:|---|---:|\n");
        for (ScaleBenchmark.Result r : results) {
            ScaleBenchmark.Restart x = r.restart();
            b.append(row(r, x == null ? null : List.of(seconds(x.stopMillis()), seconds(x.servingMillis()),
                    perNode(x.perNodeMillis(), ScaleReport::seconds), Long.toString(x.leader())), 4));
        }
        b.append("\n## Follower catch-up\n\nOne follower stopped, znodes created without it, then started; timed "
                + "until it serves with as many znodes as its leader. Sync mode: what the leader's log says it sent.\n\n"
                + "| engine | follower | znodes created without it | failed | creates/s | caught up s | sync mode |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        for (ScaleBenchmark.Result r : results) {
            ScaleBenchmark.CatchUp c = r.catchUp();
            b.append(row(r, c == null ? null : List.of(Long.toString(c.follower()), Long.toString(c.created()),
                    Long.toString(c.failed()), String.format(Locale.ROOT, "%.0f", c.createsPerSecond()),
                    seconds(c.catchUpMillis()), c.syncMode()), 6));
        }
        b.append("\n## Memory after the load\n\nResident set (VmRSS) of each node process; data directory as "
                + "disk blocks used (`du`) and as bytes its files claim (ZooKeeper preallocates its logs sparsely)."
                + "\n\n| engine | RSS MiB per node | data dir MiB per node (du) | data dir MiB per node (files) |\n")
                .append("|---|---|---|---|\n");
        for (ScaleBenchmark.Result r : results) {
            ScaleBenchmark.Memory m = r.memory();
            b.append(row(r, m == null ? null : List.of(perNode(m.rssMiB(), ScaleReport::mib),
                    perNode(m.dataDirMiB(), ScaleReport::mib), perNode(m.dataDirApparentMiB(), ScaleReport::mib)), 3));
        }
        b.append("\n## Outcome\n\n");
        for (ScaleBenchmark.Result r : results) {
            b.append("- ").append(r.engine().cliName()).append(": ")
                    .append(r.complete() ? "every phase ran" : "**failed** in " + r.failure());
            if (!r.outOfMemory().isEmpty()) {
                b.append("; **out of memory** on node(s) ").append(r.outOfMemory())
                        .append(" (OutOfMemoryError in their logs) with `").append(r.nodeJvmOptions())
                        .append("`; set QUORUMLAB_NODE_JAVA_OPTS (e.g. \"-Xmx2g -XX:+UseSerialGC\") to give nodes more");
            }
            b.append(". Load average before each phase: ").append(r.loadBefore().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(".\n");
        }
        b.append("\n## Raw figures\n\n```csv\n").append(csv(results)).append("```\n");
        return b.toString();
    }

    /** Every figure, one per line: {@code engine,phase,metric,node,value} ({@code node} empty for an ensemble figure). */
    public static String csv(List<ScaleBenchmark.Result> results) {
        StringBuilder b = new StringBuilder("engine,phase,metric,node,value\n");
        for (ScaleBenchmark.Result r : results) {
            String e = r.engine().cliName();
            if (r.load() != null) {
                ScaleBenchmark.Load l = r.load();
                line(b, e, "load", "created", "", l.created());
                line(b, e, "load", "failed", "", l.failed());
                line(b, e, "load", "millis", "", l.millis());
                line(b, e, "load", "creates_per_second", "", Math.round(l.perSecond()));
                line(b, e, "load", "parents", "", l.parents());
                line(b, e, "load", "znode_count", "", l.znodeCount());
            }
            if (r.memory() != null) {
                new TreeMap<>(r.memory().rssMiB()).forEach((id, v) -> line(b, e, "memory", "rss_mib", id, v));
                new TreeMap<>(r.memory().dataDirMiB()).forEach((id, v) -> line(b, e, "memory", "data_dir_mib", id, v));
                new TreeMap<>(r.memory().dataDirApparentMiB())
                        .forEach((id, v) -> line(b, e, "memory", "data_dir_apparent_mib", id, v));
            }
            if (r.restart() != null) {
                ScaleBenchmark.Restart x = r.restart();
                line(b, e, "restart", "stop_millis", "", x.stopMillis());
                line(b, e, "restart", "serving_millis", "", x.servingMillis());
                new TreeMap<>(x.perNodeMillis()).forEach((id, v) -> line(b, e, "restart", "serving_millis", id, v));
                line(b, e, "restart", "leader", "", x.leader());
                line(b, e, "restart", "znode_count", "", x.znodeCount());
            }
            if (r.catchUp() != null) {
                ScaleBenchmark.CatchUp c = r.catchUp();
                line(b, e, "catch-up", "follower", "", c.follower());
                line(b, e, "catch-up", "leader", "", c.leader());
                line(b, e, "catch-up", "created", "", c.created());
                line(b, e, "catch-up", "failed", "", c.failed());
                line(b, e, "catch-up", "create_millis", "", c.createMillis());
                line(b, e, "catch-up", "catch_up_millis", c.follower(), c.catchUpMillis());
                line(b, e, "catch-up", "znode_count", "", c.znodeCount());
                line(b, e, "catch-up", "sync_mode", c.follower(), c.syncMode());
            }
            r.outOfMemory().forEach(id -> line(b, e, "outcome", "out_of_memory", id, true));
            line(b, e, "outcome", "complete", "", r.complete());
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String engine, String phase, String metric, Object node, Object value) {
        String v = value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : String.valueOf(value);
        b.append(engine).append(',').append(phase).append(',').append(metric).append(',').append(node).append(',')
                .append(v).append('\n');
    }

    /** A table row: the engine, then {@code cells}, or "—" in each of {@code width} cells when not reached. */
    private static String row(ScaleBenchmark.Result r, List<String> cells, int width) {
        StringBuilder b = new StringBuilder("| ").append(r.engine().cliName());
        for (int i = 0; i < width; i++) {
            b.append(" | ").append(cells == null ? NOT_REACHED : cells.get(i));
        }
        return b.append(" |\n").toString();
    }

    private static <V> String perNode(Map<Long, V> values, Function<V, String> format) {
        return new TreeMap<>(values).entrySet().stream().map(e -> e.getKey() + ": " + format.apply(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    private static String mib(double mib) {
        return mib < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", mib);
    }
}
