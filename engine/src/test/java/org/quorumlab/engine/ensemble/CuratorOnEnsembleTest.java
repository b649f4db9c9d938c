package org.quorumlab.engine.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curator recipes keep their guarantees on a 3-node ensemble while nodes are killed and restarted. */
class CuratorOnEnsembleTest {

    @TempDir
    Path dir;

    @Test
    void latchMutexAndCacheSurviveNodeRestarts() throws Exception {
        try (LocalEnsemble e = new LocalEnsemble(dir, 3, 100)) {
            e.startAll();
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            List<CuratorFramework> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CuratorFramework c = CuratorFrameworkFactory.newClient(e.connectString(), 15000, 5000,
                        new ExponentialBackoffRetry(50, 20, 500));
                c.start();
                assertThat(c.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
                clients.add(c);
            }
            List<LeaderLatch> latches = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                LeaderLatch latch = new LeaderLatch(clients.get(i), "/latch", "client-" + i);
                latch.start();
                latches.add(latch);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);

            CopyOnWriteArrayList<String> seen = new CopyOnWriteArrayList<>();
            CuratorCache cache = CuratorCache.build(clients.get(0), "/cache");
            cache.listenable().addListener((type, oldData, data) -> {
                if (data != null) {
                    seen.add(data.getPath());
                }
            });
            cache.start();

            AtomicInteger inside = new AtomicInteger();
            AtomicInteger maxInside = new AtomicInteger();
            AtomicInteger acquired = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (CuratorFramework c : clients) {
                InterProcessMutex mutex = new InterProcessMutex(c, "/mutex");
                Thread t = new Thread(() -> {
                    for (int n = 0; n < 5; n++) {
                        try {
                            if (mutex.acquire(30, TimeUnit.SECONDS)) {
                                try {
                                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                                    acquired.incrementAndGet();
                                } finally {
                                    inside.decrementAndGet();
                                    mutex.release();
                                }
                            }
                        } catch (Exception retryNextRound) {
                            // connection loss during a restart: try again next round
                        }
                    }
                });
                t.start();
                workers.add(t);
            }
            long restarted = e.servers.keySet().stream().filter(id -> id != e.leaderId()).findFirst().orElseThrow();
            e.stop(restarted);
            clients.get(1).create().creatingParentsIfNeeded().forPath("/cache/a", "1".getBytes());
            e.start(restarted);
            long leader = e.leaderId();
            e.stop(leader);
            await().atMost(Duration.ofSeconds(30)).until(() -> e.leaderId() > 0);
            clients.get(2).create().creatingParentsIfNeeded().forPath("/cache/b", "2".getBytes());
            e.start(leader);
            for (Thread t : workers) {
                t.join(TimeUnit.SECONDS.toMillis(90));
            }
            assertThat(maxInside.get()).isEqualTo(1);
            assertThat(acquired.get()).isGreaterThan(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains("/cache/a") && seen.contains("/cache/b"));
            await().atMost(Duration.ofSeconds(30)).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
            cache.close();
            for (LeaderLatch l : latches) {
                l.close();
            }
            clients.forEach(CuratorFramework::close);
        }
    }
}
