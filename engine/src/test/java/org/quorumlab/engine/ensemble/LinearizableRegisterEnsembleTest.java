package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quorumlab.engine.ensemble.ClientHelpers.connect;
import static org.quorumlab.engine.ensemble.ClientHelpers.retry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.consensus.lincheck.LinearizabilityChecker;
import org.quorumlab.engine.consensus.lincheck.RegisterOp;

/**
 * Real servers, real clients: a register (one znode; value = data, version = stat version) is
 * read (sync + getData), written and compare-and-set from clients on different servers while the
 * leader is stopped mid-run. The recorded history must be linearizable.
 */
class LinearizableRegisterEnsembleTest {

    private static final String PATH = "/register";
    private static final int CLIENTS = 3;
    private static final int OPS_PER_CLIENT = 40;

    @TempDir
    Path dir;

    @Test
    void historyWithLeaderFailoverIsLinearizable() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            ZooKeeper setup = connect(e.connectString());
            retry(() -> setup.create(PATH, "0".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT));
            setup.close();

            List<RegisterOp> history = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger ids = new AtomicInteger();
            AtomicInteger completed = new AtomicInteger();
            long start = System.nanoTime();
            CountDownLatch halfway = new CountDownLatch(CLIENTS * OPS_PER_CLIENT / 3);
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int seed = c;
                clients.add(CompletableFuture.runAsync(() -> runClient(e.connectString(), seed, history, ids,
                        completed, halfway, start)));
            }
            assertThat(halfway.await(60, TimeUnit.SECONDS)).isTrue();
            e.stop(e.leaderId());
            CompletableFuture.allOf(clients.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);

            List<RegisterOp> ops = new ArrayList<>(history);
            ops.sort((a, b) -> Integer.compare(a.id(), b.id()));
            LinearizabilityChecker.Result result = LinearizabilityChecker.check(ops);
            assertThat(result.linearizable()).as("history of %d ops is linearizable", ops.size()).isTrue();
            assertThat(completed.get()).isGreaterThan(CLIENTS * OPS_PER_CLIENT / 2);
        }
    }

    private static void runClient(String connect, int seed, List<RegisterOp> history, AtomicInteger ids,
            AtomicInteger completed, CountDownLatch halfway, long start) {
        Random random = new Random(seed);
        try {
            ZooKeeper zk = connect(connect);
            for (int i = 0; i < OPS_PER_CLIENT; i++) {
                int kind = random.nextInt(3);
                long call = System.nanoTime() - start;
                try {
                    if (kind == 0) {
                        CountDownLatch synced = new CountDownLatch(1);
                        zk.sync(PATH, (rc, p, ctx) -> synced.countDown(), null);
                        if (!synced.await(10, TimeUnit.SECONDS)) {
                            continue;
                        }
                        Stat stat = new Stat();
                        long value = Long.parseLong(new String(zk.getData(PATH, false, stat), StandardCharsets.UTF_8));
                        record(history, ids, RegisterOp.read(0, call, System.nanoTime() - start, value, stat.getVersion()));
                    } else if (kind == 1) {
                        long v = seed * 1000L + i + 1;
                        try {
                            zk.setData(PATH, Long.toString(v).getBytes(StandardCharsets.UTF_8), -1);
                            record(history, ids, RegisterOp.write(0, call, System.nanoTime() - start, v));
                        } catch (KeeperException.ConnectionLossException lost) {
                            record(history, ids, RegisterOp.write(0, call, RegisterOp.PENDING, v));
                        }
                    } else {
                        Stat stat = new Stat();
                        zk.getData(PATH, false, stat);
                        int expected = stat.getVersion();
                        long v = seed * 1000L + i + 1;
                        long casCall = System.nanoTime() - start;
                        try {
                            zk.setData(PATH, Long.toString(v).getBytes(StandardCharsets.UTF_8), expected);
                            record(history, ids, RegisterOp.cas(0, casCall, System.nanoTime() - start, expected, v, true));
                        } catch (KeeperException.BadVersionException conflict) {
                            record(history, ids, RegisterOp.cas(0, casCall, System.nanoTime() - start, expected, v, false));
                        } catch (KeeperException.ConnectionLossException lost) {
                            record(history, ids, RegisterOp.cas(0, casCall, RegisterOp.PENDING, expected, v, false));
                        }
                    }
                    completed.incrementAndGet();
                    halfway.countDown();
                } catch (KeeperException.ConnectionLossException | KeeperException.OperationTimeoutException retryLater) {
                    awaitReconnect(zk);
                }
            }
            zk.close();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void awaitReconnect(ZooKeeper zk) {
        await().atMost(Duration.ofSeconds(30)).until(() -> zk.getState() == ZooKeeper.States.CONNECTED);
    }

    private static void record(List<RegisterOp> history, AtomicInteger ids, RegisterOp op) {
        synchronized (history) {
            int id = ids.getAndIncrement();
            history.add(new RegisterOp(id, op.kind(), op.arg(), op.expected(), op.call(), op.ret(), op.ok(),
                    op.value(), op.version()));
        }
    }
}
