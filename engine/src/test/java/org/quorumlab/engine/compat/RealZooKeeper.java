package org.quorumlab.engine.compat;

import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.apache.zookeeper.server.NIOServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;

/**
 * An in-process Apache ZooKeeper 3.9.3 standalone server (ZooKeeperServer + NIOServerCnxnFactory)
 * on an ephemeral port: the reference the differential tests compare QuorumLab against. No
 * ContainerManager runs, so containers and TTL nodes are never reaped here. (ZooKeeper's server
 * classes need metrics-core and snappy-java, which the engine pom adds as test dependencies.)
 */
final class RealZooKeeper implements AutoCloseable {

    static final int TICK_TIME = 2000;

    private final ZooKeeperServer server;
    private final NIOServerCnxnFactory factory;

    private RealZooKeeper(ZooKeeperServer server, NIOServerCnxnFactory factory) {
        this.server = server;
        this.factory = factory;
    }

    static RealZooKeeper start(Path dir) throws Exception {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        System.setProperty("zookeeper.admin.enableServer", "false");
        File data = dir.toFile();
        ZooKeeperServer zks = new ZooKeeperServer(data, data, TICK_TIME);
        NIOServerCnxnFactory factory = new NIOServerCnxnFactory();
        factory.configure(new InetSocketAddress("127.0.0.1", 0), 200);
        factory.startup(zks);
        return new RealZooKeeper(zks, factory);
    }

    int port() {
        return factory.getLocalPort();
    }

    @Override
    public void close() {
        factory.shutdown();
        server.shutdown();
    }
}
