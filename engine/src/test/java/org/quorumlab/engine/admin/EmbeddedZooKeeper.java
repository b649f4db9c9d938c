package org.quorumlab.engine.admin;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Apache ZooKeeper 3.9.3 standalone server (ZooKeeperServer + NIOServerCnxnFactory) on an
 * ephemeral port, with every four-letter word enabled, for format comparisons. Its server
 * classes need metrics-core and snappy-java, which its pom marks provided and the engine pom adds
 * as test dependencies. They run in a child-first loader (fresh static state, so the four-letter
 * word whitelist set here is the one ZooKeeper reads) over the jars the test class path holds;
 * when one is missing the test fails saying which, it is never skipped.
 */
final class EmbeddedZooKeeper implements AutoCloseable {

    /** Classes whose jars the real server needs, one per jar. */
    static final List<String> SERVER_JARS = List.of(
            "org.apache.zookeeper.server.ZooKeeperServer",
            "org.apache.jute.Record",
            "com.codahale.metrics.MetricRegistry",
            "org.xerial.snappy.Snappy");

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

    private static ClassLoader loader() {
        List<URL> urls = new ArrayList<>();
        for (String className : SERVER_JARS) {
            urls.add(jarOf(className));
        }
        return new ChildFirstLoader(urls.toArray(URL[]::new), EmbeddedZooKeeper.class.getClassLoader());
    }

    /**
     * The class path entry holding {@code className}.
     *
     * @throws IllegalStateException naming the class when the test class path lacks it: the comparison with real
     *                               ZooKeeper is then impossible, and that is a failure, not a reason to skip
     */
    static URL jarOf(String className) {
        try {
            Class<?> c = Class.forName(className, false, EmbeddedZooKeeper.class.getClassLoader());
            return c.getProtectionDomain().getCodeSource().getLocation();
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("the real ZooKeeper server needs " + className + " on the test class path "
                    + "(see the engine pom's test dependencies): " + e, e);
        }
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
