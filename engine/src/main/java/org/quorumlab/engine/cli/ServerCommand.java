package org.quorumlab.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.config.ZooCfgParser;
import org.quorumlab.engine.node.QuorumLabServer;

/**
 * {@code quorumlab server [zoo.cfg] [--port P] [--data-dir D] [--tick-time T] [--parent-pid PID]}:
 * runs one server until the process is stopped, or until process {@code PID} exits (so a node
 * spawned by a launcher never outlives it). Quotas are enforced when zoo.cfg says {@code enforceQuota=true}
 * or the JVM runs with {@code -Dzookeeper.enforceQuota=true}, ZooKeeper's system property; it is read here,
 * once, into the configuration.
 */
public final class ServerCommand {

    static final String ENFORCE_QUOTA_PROPERTY = "zookeeper.enforceQuota";

    private ServerCommand() {
    }

    public static int run(String[] args) throws InterruptedException {
        long parentPid = -1;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--parent-pid")) {
                parentPid = intArg(args, ++i, "--parent-pid");
            } else {
                rest.add(args[i]);
            }
        }
        ServerConfig config = parse(rest.toArray(String[]::new), System.getProperties());
        Optional<ProcessHandle> parent = parentPid < 0 ? Optional.empty() : ProcessHandle.of(parentPid);
        if (parentPid >= 0 && parent.isEmpty()) {
            throw new ConfigException("parent process " + parentPid + " is not running");
        }
        QuorumLabServer server = QuorumLabServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        parent.ifPresent(p -> p.onExit().thenRun(() -> {
            System.err.println("QuorumLab server " + config.serverId() + ": parent process " + p.pid()
                    + " exited, shutting down");
            System.exit(0);
        }));
        System.out.println("QuorumLab server listening on port " + server.port() + " (data: "
                + config.dataDir().toAbsolutePath() + ")");
        System.out.flush();
        stopped.await();
        return 0;
    }

    static ServerConfig parse(String[] args, Properties system) {
        ServerConfigBuilder b = new ServerConfigBuilder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port" -> b.clientPort(intArg(args, ++i, a));
                case "--data-dir" -> b.dataDir(Path.of(arg(args, ++i, a)));
                case "--tick-time" -> b.tickTime(intArg(args, ++i, a));
                case "--server-id" -> b.serverId(intArg(args, ++i, a));
                case "--snap-count" -> b.snapCount(intArg(args, ++i, a));
                default -> {
                    if (a.startsWith("--")) {
                        throw new ConfigException("unknown option " + a);
                    }
                    Path cfg = Path.of(a);
                    if (!Files.isRegularFile(cfg)) {
                        throw new ConfigException("config file not found: " + a);
                    }
                    b = ZooCfgParser.parse(cfg).toBuilder();
                }
            }
        }
        if (Boolean.parseBoolean(system.getProperty(ENFORCE_QUOTA_PROPERTY))) {
            b.enforceQuota(true);
        }
        return b.build();
    }

    static String arg(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new ConfigException(name + " needs a value");
        }
        return args[i];
    }

    static int intArg(String[] args, int i, String name) {
        String v = arg(args, i, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " expects a number, got '" + v + "'");
        }
    }
}
