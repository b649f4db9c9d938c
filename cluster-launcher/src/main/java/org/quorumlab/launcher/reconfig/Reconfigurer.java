package org.quorumlab.launcher.reconfig;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.probe.ZooKeeperClients;
import org.quorumlab.launcher.state.SuperDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Incremental reconfig through the official {@link ZooKeeperAdmin}, authenticated as {@code super}.
 * Retries while the joiner is not yet synced ({@code NEWCONFIGNOQUORUM}) or the connection drops;
 * after a connection loss it first checks whether the change already took effect.
 */
public final class Reconfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(Reconfigurer.class);
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /**
     * @param config   the committed configuration text
     * @param version  its version (the zxid that committed it)
     * @param millis   round trip of the reconfig call that committed it
     * @param attempts how many reconfig calls were sent
     */
    public record Result(String config, long version, long millis, int attempts) {

        public SortedSet<Long> members() {
            return memberIds(config);
        }

        public SortedSet<Long> observers() {
            return observerIds(config);
        }
    }

    private final String superPassword;

    public Reconfigurer(String superPassword) {
        this.superPassword = superPassword;
    }

    /** Joins {@code serverLine} ({@code server.N=...:participant|observer;...}) to the ensemble. */
    public Result join(String connectString, long id, String serverLine, Duration timeout) {
        String what = (serverLine.contains(":observer;") ? "add observer " : "add server ") + id;
        return change(connectString, timeout, what, serverLine, null, members -> members.contains(id));
    }

    public Result leave(String connectString, long id, Duration timeout) {
        return change(connectString, timeout, "remove server " + id, null, Long.toString(id),
                members -> !members.contains(id));
    }

    private Result change(String connectString, Duration timeout, String what, String joining, String leaving,
            java.util.function.Predicate<SortedSet<Long>> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ZooKeeperAdmin admin = ZooKeeperClients.connect(connectString, timeout);
        try {
            admin.addAuthInfo("digest", SuperDigest.authBytes(superPassword));
            int attempts = 0;
            boolean ambiguous = false;
            KeeperException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    if (ambiguous) {
                        admin.sync("/zookeeper/config");
                        String current = new String(admin.getConfig(false, new Stat()), StandardCharsets.UTF_8);
                        if (done.test(memberIds(current))) {
                            LOG.info("{}: already committed after a connection loss", what);
                            return new Result(current, version(current), -1, attempts);
                        }
                        ambiguous = false;
                    }
                    attempts++;
                    long t0 = System.nanoTime();
                    byte[] data = admin.reconfigure(joining, leaving, null, -1, new Stat());
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    String config = new String(data, StandardCharsets.UTF_8);
                    LOG.info("{}: committed config version 0x{} in {} ms ({} attempts)", what,
                            Long.toHexString(version(config)), millis, attempts);
                    return new Result(config, version(config), millis, attempts);
                } catch (KeeperException.ConnectionLossException e) {
                    ambiguous = true;
                    last = e;
                } catch (KeeperException.NewConfigNoQuorum | KeeperException.ReconfigInProgress e) {
                    last = e;
                } catch (KeeperException.NoAuthException e) {
                    throw new LauncherException("cannot " + what + ": the ensemble refused the launcher's super "
                            + "credentials (was superDigest changed in zoo.cfg?)", e);
                } catch (KeeperException.ReconfigDisabledException e) {
                    throw new LauncherException("cannot " + what + ": reconfig is disabled on the ensemble", e);
                } catch (KeeperException e) {
                    throw new LauncherException("cannot " + what + ": " + e.getMessage(), e);
                }
                LockSupport.parkNanos(RETRY_NANOS);
            }
            throw new LauncherException("cannot " + what + ": not committed within " + timeout.toMillis() + " ms"
                    + (last == null ? "" : " (last error: " + last.code() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted during " + what, e);
        } finally {
            ZooKeeperClients.closeQuietly(admin);
        }
    }

    /** The {@code version=} of a configuration text, or -1. */
    public static long version(String config) {
        for (String line : config.split("\n")) {
            String l = line.trim();
            if (l.startsWith("version=")) {
                return Long.parseUnsignedLong(l.substring("version=".length()).trim(), 16);
            }
        }
        return -1;
    }

    /** Ids of the {@code server.N=...:observer;...} lines of a configuration text. */
    public static SortedSet<Long> observerIds(String config) {
        return serverIds(config, address -> address.endsWith(":observer"));
    }

    /** Ids of the {@code server.N=} lines of a configuration text. */
    public static SortedSet<Long> memberIds(String config) {
        return serverIds(config, address -> true);
    }

    private static SortedSet<Long> serverIds(String config, java.util.function.Predicate<String> address) {
        SortedSet<Long> ids = new TreeSet<>();
        for (String line : config.split("\n")) {
            String l = line.trim();
            int eq = l.indexOf('=');
            if (l.startsWith("server.") && eq > 0 && address.test(l.substring(eq + 1).split(";", 2)[0])) {
                ids.add(Long.parseLong(l.substring("server.".length(), eq)));
            }
        }
        return ids;
    }
}
