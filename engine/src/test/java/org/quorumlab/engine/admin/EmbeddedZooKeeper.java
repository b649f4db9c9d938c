package org.quorumlab.engine.admin;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Apache ZooKeeper 3.9.3 standalone server (ZooKeeperServer + NIOServerCnxnFactory) on an
 * ephemeral port, by default with every four-letter word enabled, for format comparisons. Its server
 * classes need metrics-core and snappy-java, which its pom marks provided and the engine pom adds
 * as test dependencies. They run in a child-first loader over the jars the test class path holds;
 * when one is missing the test fails saying which, it is never skipped. Each server has its own
 * loader, so the settings ZooKeeper reads once into static fields from system properties
 * ({@code zookeeper.enforceQuota}, {@code zookeeper.4lw.commands.whitelist}) can differ from one
 * server to the next: {@link #start(Path, Map)} sets them for the server's lifetime and
 * {@link #close()} restores them.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    /** Classes whose jars the real server needs, one per jar. */
    static final List<String> SERVER_JARS = List.of(
            "org.apache.zookeeper.server.ZooKeeperServer",
            "org.apache.jute.Record",
            "com.codahale.metrics.MetricRegistry",
            "org.xerial.snappy.Snappy");

    private final Object server;
    private final Object factory;
    private final Map<String, String> previousProperties;

    private EmbeddedZooKeeper(Object server, Object factory, Map<String, String> previousProperties) {
        this.server = server;
        this.factory = factory;
        this.previousProperties = previousProperties;
    }

    /** Every four-letter word enabled. */
    public static EmbeddedZooKeeper start(Path dir) throws Exception {
        return start(dir, Map.of("zookeeper.4lw.commands.whitelist", "*"));
    }

    /**
     * @param properties system properties for this server (a null value clears one), kept until {@link #close()}
     *                   since ZooKeeper reads some of them lazily (the four-letter-word whitelist: at the first word)
     */
    public static EmbeddedZooKeeper start(Path dir, Map<String, String> properties) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(properties);
        all.putIfAbsent("zookeeper.admin.enableServer", "false");
        Map<String, String> previous = new HashMap<>();
        all.forEach((key, value) -> {
            previous.put(key, System.getProperty(key));
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
        try {
            return launch(dir, previous);
        } catch (Exception | Error e) {
            restore(previous);
            throw e;
        }
    }

    private static EmbeddedZooKeeper launch(Path dir, Map<String, String> previous) throws Exception {
        ClassLoader loader = loader();
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
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
            return new EmbeddedZooKeeper(zks, factory, previous);
        } finally {
            thread.setContextClassLoader(previousLoader);
        }
    }

    public int port() throws ReflectiveOperationException {
        return (int) factory.getClass().getMethod("getLocalPort").invoke(factory);
    }

    @Override
    public void close() throws ReflectiveOperationException {
        try {
            factory.getClass().getMethod("shutdown").invoke(factory);
            server.getClass().getMethod("shutdown").invoke(server);
        } finally {
            restore(previousProperties);
        }
    }

    private static void restore(Map<String, String> previous) {
        previous.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
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
