package org.quorumlab.engine.compat;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * An in-process Apache ZooKeeper 3.9.3 standalone server (ZooKeeperServer + NIOServerCnxnFactory)
 * on an ephemeral port: the reference the differential tests compare QuorumLab against. No
 * ContainerManager runs, so containers and TTL nodes are never reaped here.
 *
 * <p>ZooKeeper's server classes need Dropwizard {@code metrics-core} and {@code snappy-java},
 * which its pom declares {@code provided}, so they are not on the engine's test classpath. Until
 * the engine pom adds them as test dependencies, the server runs in its own child-first class
 * loader over the zookeeper and jute jars plus those two from the local Maven repository (the
 * test is skipped, not failed, when they are absent). The client side of every test uses the ordinary classpath.
 */
final class RealZooKeeper implements AutoCloseable {

    static final int TICK_TIME = 2000;
    /** Jars ZooKeeper's server classes link against but its pom marks {@code provided}. */
    private static final List<String> PROVIDED_JARS = List.of(
            "io/dropwizard/metrics/metrics-core/4.1.12.1/metrics-core-4.1.12.1.jar",
            "org/xerial/snappy/snappy-java/1.1.10.5/snappy-java-1.1.10.5.jar");
    private static ClassLoader serverLoader;

    private final Object server;
    private final Object factory;

    private RealZooKeeper(Object server, Object factory) {
        this.server = server;
        this.factory = factory;
    }

    static RealZooKeeper start(Path dir) throws Exception {
        System.setProperty("zookeeper.extendedTypesEnabled", "true");
        System.setProperty("zookeeper.admin.enableServer", "false");
        ClassLoader loader = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            File data = dir.toFile();
            Class<?> serverClass = loader.loadClass("org.apache.zookeeper.server.ZooKeeperServer");
            Object zks = serverClass.getConstructor(File.class, File.class, int.class).newInstance(data, data, TICK_TIME);
            Class<?> factoryClass = loader.loadClass("org.apache.zookeeper.server.NIOServerCnxnFactory");
            Object factory = factoryClass.getConstructor().newInstance();
            factoryClass.getMethod("configure", InetSocketAddress.class, int.class)
                    .invoke(factory, new InetSocketAddress("127.0.0.1", 0), 200);
            factoryClass.getMethod("startup", serverClass).invoke(factory, zks);
            return new RealZooKeeper(zks, factory);
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

    private static synchronized ClassLoader loader() throws URISyntaxException, java.net.MalformedURLException {
        if (serverLoader == null) {
            String repo = System.getProperty("maven.repo.local",
                    System.getProperty("user.home") + "/.m2/repository");
            List<URL> urls = new ArrayList<>(List.of(jarOf(org.apache.zookeeper.ZooKeeper.class),
                    jarOf(org.apache.jute.Record.class)));
            for (String jar : PROVIDED_JARS) {
                Path p = Path.of(repo, jar);
                Assumptions.assumeTrue(Files.exists(p), "the real ZooKeeper server needs " + p
                        + " (fetch it with mvn dependency:get)");
                urls.add(p.toUri().toURL());
            }
            serverLoader = new ChildFirstLoader(urls.toArray(URL[]::new), RealZooKeeper.class.getClassLoader());
        }
        return serverLoader;
    }

    private static URL jarOf(Class<?> c) {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    /** Loads ZooKeeper, jute and metrics classes from its own jars; everything else from the parent. */
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
