package org.quorumlab.engine.admin;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Apache ZooKeeper 3.9.3 standalone server (ZooKeeperServer + NIOServerCnxnFactory) on an
 * ephemeral port, with every four-letter word enabled, for format comparisons. Its server
 * classes need metrics-core and snappy-java, which its pom marks provided; like the compat
 * package's RealZooKeeper, they run in a child-first loader over those jars from the local Maven
 * repository, and the test is skipped when they are absent.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    private static final List<String> PROVIDED_JARS = List.of(
            "io/dropwizard/metrics/metrics-core/4.1.12.1/metrics-core-4.1.12.1.jar",
            "org/xerial/snappy/snappy-java/1.1.10.5/snappy-java-1.1.10.5.jar");

    private final Object server;
    private final Object factory;

    private EmbeddedZooKeeper(Object server, Object factory) {
        this.server = server;
        this.factory = factory;
    }

    static EmbeddedZooKeeper start(Path dir) throws Exception {
        System.setProperty("zookeeper.4lw.commands.whitelist", "*");
        System.setProperty("zookeeper.admin.enableServer", "false");
        ClassLoader loader = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            File data = dir.toFile();
            Class<?> serverClass = loader.loadClass("org.apache.zookeeper.server.ZooKeeperServer");
            Object zks = serverClass.getConstructor(File.class, File.class, int.class).newInstance(data, data, 2000);
            Class<?> factoryClass = loader.loadClass("org.apache.zookeeper.server.NIOServerCnxnFactory");
            Object factory = factoryClass.getConstructor().newInstance();
            factoryClass.getMethod("configure", InetSocketAddress.class, int.class)
                    .invoke(factory, new InetSocketAddress("127.0.0.1", 0), 100);
            factoryClass.getMethod("startup", serverClass).invoke(factory, zks);
            return new EmbeddedZooKeeper(zks, factory);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    int port() throws ReflectiveOperationException {
        return (int) factory.getClass().getMethod("getLocalPort").invoke(factory);
    }

    @Override
    public void close() throws ReflectiveOperationException {
        factory.getClass().getMethod("shutdown").invoke(factory);
        server.getClass().getMethod("shutdown").invoke(server);
    }

    private static ClassLoader loader() throws Exception {
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        List<URL> urls = new ArrayList<>(List.of(jarOf(org.apache.zookeeper.ZooKeeper.class),
                jarOf(org.apache.jute.Record.class)));
        for (String jar : PROVIDED_JARS) {
            Path p = Path.of(repo, jar);
            Assumptions.assumeTrue(Files.exists(p), "the real ZooKeeper server needs " + p);
            urls.add(p.toUri().toURL());
        }
        return new ChildFirstLoader(urls.toArray(URL[]::new), EmbeddedZooKeeper.class.getClassLoader());
    }

    private static URL jarOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads ZooKeeper, jute, metrics and snappy classes from its own jars; the rest from the parent. */
    private static final class ChildFirstLoader extends URLClassLoader {

        static {
            ClassLoader.registerAsParallelCapable();
        }

        ChildFirstLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!(name.startsWith("org.apache.zookeeper.") || name.startsWith("org.apache.jute.")
                    || name.startsWith("com.codahale.metrics.") || name.startsWith("org.xerial.snappy."))) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        c = findClass(name);
                    } catch (ClassNotFoundException e) {
                        c = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
