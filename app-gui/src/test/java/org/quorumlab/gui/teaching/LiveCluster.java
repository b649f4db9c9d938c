package org.quorumlab.gui.teaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.gui.cluster.ClusterMonitor;
import org.quorumlab.gui.cluster.TestEnsemble;
import org.quorumlab.gui.common.TaskExecutor;

/**
 * A {@link TeachingViewModel} on a real in-process ensemble, driven entirely from the test thread:
 * the monitor is never started; {@link #until} flushes streamed events into the ViewModel (a
 * synchronous executor) while it waits, so no other thread ever touches the ViewModel.
 */
final class LiveCluster implements AutoCloseable {

    final TestEnsemble ensemble;
    final AdminClient client;
    final TeachingViewModel vm;
    final ClusterMonitor monitor;

    LiveCluster(TestEnsemble ensemble) {
        this.ensemble = ensemble;
        this.client = new AdminClient(ensemble.adminCredentials());
        this.vm = new TeachingViewModel(new AdminTeaching(client, ensemble::adminEndpoints), TaskExecutor.synchronous(),
                System::currentTimeMillis);
        this.monitor = new ClusterMonitor(client, ensemble::adminEndpoints, TaskExecutor.synchronous(), vm);
    }

    /** Subscribes to every node, reads what they hold, and waits until the ViewModel shows the leader. */
    LiveCluster open() {
        monitor.pollOnce();
        vm.start();
        until("three nodes and the leader", () -> monitor.connectedStreams() == 3
                && vm.replay().state().nodes().size() == 3 && vm.replay().state().leaderId() == ensemble.leaderId());
        return this;
    }

    TeachingState state() {
        return vm.replay().state();
    }

    String endpointOf(long server) {
        return ensemble.adminEndpoints().get((int) server - 1);
    }

    /** Waits for {@code condition}, feeding streamed events to the ViewModel meanwhile. */
    void until(String what, BooleanSupplier condition) {
        await(what).pollInSameThread().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofSeconds(60))
                .until(() -> {
                    monitor.flush();
                    return condition.getAsBoolean();
                });
    }

    /** Ids of the messages node {@code server} holds, straight from its admin API. */
    List<Long> heldIds(long server) throws Exception {
        List<Long> ids = new ArrayList<>();
        client.teaching(endpointOf(server)).path("held").forEach(h -> ids.add(h.path("id").asLong()));
        return ids;
    }

    static ZooKeeper connect(String connectString) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        ZooKeeper zk = new ZooKeeper(connectString, 30_000, ev -> {
            if (ev.getState() == Watcher.Event.KeeperState.SyncConnected) {
                up.countDown();
            }
        });
        assertThat(up.await(30, TimeUnit.SECONDS)).as("client connected").isTrue();
        return zk;
    }

    static CompletableFuture<String> create(ZooKeeper zk, String path) {
        CompletableFuture<String> f = new CompletableFuture<>();
        zk.create(path, new byte[0], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT, (rc, p, ctx, name) -> {
            if (rc == 0) {
                f.complete(name);
            } else {
                f.completeExceptionally(KeeperException.create(KeeperException.Code.get(rc), p));
            }
        }, null);
        return f;
    }

    @Override
    public void close() {
        monitor.close();
        client.close();
    }
}
