package org.quorumlab.launcher.chaos;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.probe.ZooKeeperClients;

/**
 * Reads the final state back from every member, each through a session connected to that server
 * alone, after a {@code sync}: every register (timed on the history's clock, so the reads join the
 * linearizability check) and every queued item. A read that fails on a healed cluster is retried
 * until it succeeds (bounded): reading again has no effect on what is checked.
 */
final class FinalReads {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FinalReads() {
    }

    static FinalState read(ClusterLauncher launcher, ChaosWorkload workload, History clock) {
        List<FinalState.ServerSnapshot> servers = new ArrayList<>();
        for (long id : launcher.members()) {
            AtomicReference<FinalState.ServerSnapshot> snapshot = new AtomicReference<>();
            String server = "127.0.0.1:" + launcher.ports(id).client();
            await("final read from server " + id).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptionsInstanceOf(KeeperException.class)
                    .until(() -> {
                        snapshot.set(readServer(id, server, workload, clock));
                        return true;
                    });
            servers.add(snapshot.get());
        }
        return new FinalState(servers);
    }

    private static FinalState.ServerSnapshot readServer(long id, String server, ChaosWorkload workload,
            History clock) throws KeeperException, InterruptedException {
        ZooKeeper zk = ZooKeeperClients.connect(server, TIMEOUT);
        try {
            Map<String, FinalState.Cell> registers = new LinkedHashMap<>();
            for (String key : workload.keys()) {
                long call = clock.now();
                zk.sync(key);
                Stat stat = new Stat();
                long value = Long.parseLong(new String(zk.getData(key, false, stat), StandardCharsets.UTF_8));
                registers.put(key, new FinalState.Cell(value, stat.getVersion(), call, clock.now()));
            }
            zk.sync(workload.queue());
            SortedMap<String, String> queue = new TreeMap<>();
            for (String child : zk.getChildren(workload.queue(), false)) {
                String path = workload.queue() + "/" + child;
                queue.put(path, new String(zk.getData(path, false, null), StandardCharsets.UTF_8));
            }
            return new FinalState.ServerSnapshot(id, registers, queue);
        } finally {
            ZooKeeperClients.closeQuietly(zk);
        }
    }
}
