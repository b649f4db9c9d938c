package org.quorumlab.gui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.quorumlab.engine.config.FourLetterWordWhitelist;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.gui.service.ConnectionSpec;
import org.quorumlab.gui.service.WatchEventBus;
import org.quorumlab.gui.service.ZkSession;

/** A real in-process QuorumLab server for tests (tests may use engine classes; main code may not). */
public final class TestServer implements AutoCloseable {

    private final QuorumLabServer server;
    private final Path dir;

    static {
        preloadEngine();
    }

    /**
     * Loads every engine class up front: other builds on this machine may rewrite the engine jar
     * while tests run, and a lazily loaded class would then be missing mid-test.
     */
    private static void preloadEngine() {
        try {
            Path src = Path.of(QuorumLabServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ClassLoader cl = QuorumLabServer.class.getClassLoader();
            java.util.List<String> names = new java.util.ArrayList<>();
            if (Files.isDirectory(src)) {
                try (var walk = Files.walk(src)) {
                    walk.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(src.relativize(f).toString()));
                }
            } else {
                try (var jar = new java.util.jar.JarFile(src.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            }
            for (String n : names) {
                try {
                    Class.forName(n.replace('/', '.').replace(".class", ""), false, cl);
                } catch (Throwable e) {
                    // optional class
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public TestServer() throws Exception {
        dir = Files.createTempDirectory("gui-test");
        // every four-letter word, as on a launcher's cluster (4lw.commands.whitelist=*): the watches view uses wchc
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir).toBuilder()
                .fourLetterWords(FourLetterWordWhitelist.ALL).build());
    }

    public String connectString() {
        return "127.0.0.1:" + server.port();
    }

    public ZkSession session() throws Exception {
        return ZkSession.connect(ConnectionSpec.parse(connectString()), new WatchEventBus(), Duration.ofSeconds(20));
    }

    /** Creates a persistent node and its parents. */
    public static void create(ZkSession s, String path, String data) throws Exception {
        int i = path.indexOf('/', 1);
        while (i > 0) {
            try {
                s.client().create(path.substring(0, i), new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            } catch (KeeperException.NodeExistsException e) {
                // fine
            }
            i = path.indexOf('/', i + 1);
        }
        s.client().create(path, data.getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    }

    @Override
    public void close() {
        server.close();
    }
}
