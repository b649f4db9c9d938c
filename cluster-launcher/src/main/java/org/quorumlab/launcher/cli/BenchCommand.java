package org.quorumlab.launcher.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.bench.BenchReport;
import org.quorumlab.launcher.bench.FailoverBenchmark;

/**
 * {@code quorumlab bench failover [--engine quorumlab|zookeeper|both] [--runs 20] [--reconfig-runs 5]
 * [--out bench]}: kill -9 leader failover and add-server reconfig figures on real processes.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0 || !args[0].equals("failover")) {
            throw new LauncherException("usage: quorumlab bench failover [--engine quorumlab|zookeeper|both] "
                    + "[--runs N] [--reconfig-runs N] [--out DIR]");
        }
        String engines = "quorumlab";
        int runs = 20;
        int reconfigRuns = 5;
        Path out = Path.of("bench");
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--engine" -> engines = require(value, args[i]);
                case "--runs" -> runs = Integer.parseInt(require(value, args[i]));
                case "--reconfig-runs" -> reconfigRuns = Integer.parseInt(require(value, args[i]));
                case "--out" -> out = Path.of(require(value, args[i]));
                default -> throw new LauncherException("unknown option " + args[i]);
            }
            i++;
        }
        List<Engine> list = engines.equals("both") ? List.of(Engine.QUORUMLAB, Engine.ZOOKEEPER)
                : List.of(Engine.parse(engines));
        List<FailoverBenchmark.Result> results = new ArrayList<>();
        FailoverBenchmark bench = new FailoverBenchmark(System.out::println);
        for (Engine e : list) {
            Path dir = Files.createTempDirectory("quorumlab-bench-" + e.cliName());
            results.add(bench.run(dir, e, runs, reconfigRuns));
        }
        String table = BenchReport.failoverTable(results, BenchReport.machine());
        System.out.println();
        System.out.println(table);
        System.out.println("written to " + BenchReport.write(out, "failover", "# Failover and reconfig\n\n" + table));
        return 0;
    }

    private static String require(String value, String option) {
        if (value == null) {
            throw new LauncherException(option + " needs a value");
        }
        return value;
    }
}
