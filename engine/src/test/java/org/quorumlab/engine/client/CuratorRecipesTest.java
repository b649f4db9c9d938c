package org.quorumlab.engine.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.barriers.DistributedBarrier;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderSelector;
import org.apache.curator.framework.recipes.leader.LeaderSelectorListenerAdapter;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.recipes.queue.DistributedQueue;
import org.apache.curator.framework.recipes.queue.QueueBuilder;
import org.apache.curator.framework.recipes.queue.QueueConsumer;
import org.apache.curator.framework.recipes.queue.QueueSerializer;
import org.apache.curator.framework.recipes.shared.SharedCount;
import org.apache.curator.framework.recipes.shared.VersionedValue;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;

/** Curator 5.7.1 recipes, unchanged, against a QuorumLab server. */
class CuratorRecipesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    static QuorumLabServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = QuorumLabServer.start(ServerConfig.standalone(0, dir).toBuilder().tickTime(500).build());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeAll() {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            AutoCloseable c = closeables.get(i);
            try {
                c.close();
            } catch (Exception e) {
                // best effort: the server goes away with the class anyway
            }
        }
    }

    private <T extends AutoCloseable> T track(T c) {
        closeables.add(c);
        return c;
    }

    private CuratorFramework client() throws InterruptedException {
        CuratorFramework c = CuratorFrameworkFactory.builder()
                .connectString("127.0.0.1:" + server.port())
                .sessionTimeoutMs(5_000)
                .connectionTimeoutMs(10_000)
                .retryPolicy(new ExponentialBackoffRetry(100, 5))
                .build();
        track(c);
        c.start();
        assertThat(c.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
        return c;
    }

    @Test
    void interProcessMutexGivesMutualExclusion() throws Exception {
        int clients = 4;
        int rounds = 10;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger total = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                InterProcessMutex mutex = new InterProcessMutex(client(), "/recipes/mutex");
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        assertThat(mutex.acquire(30, TimeUnit.SECONDS)).isTrue();
                        try {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            total.incrementAndGet();
                            inside.decrementAndGet();
                        } finally {
                            mutex.release();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(total.get()).isEqualTo(clients * rounds);
    }

    @Test
    void leaderLatchElectsExactlyOneAndMovesOnClose() throws Exception {
        List<LeaderLatch> latches = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LeaderLatch latch = track(new LeaderLatch(client(), "/recipes/latch", "p" + i));
            latch.start();
            latches.add(latch);
        }
        await().atMost(WAIT).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
        LeaderLatch leader = latches.stream().filter(LeaderLatch::hasLeadership).findFirst().orElseThrow();
        assertThat(latches.get(0).getLeader().getId()).isEqualTo(leader.getId());
        leader.close();
        latches.remove(leader);
        await().atMost(WAIT).until(() -> latches.stream().filter(LeaderLatch::hasLeadership).count() == 1);
        assertThat(latches.get(0).getParticipants()).hasSize(2);
    }

    @Test
    void leaderSelectorRunsOneLeaderAtATime() throws Exception {
        AtomicInteger leaders = new AtomicInteger();
        AtomicInteger maxLeaders = new AtomicInteger();
        Set<String> led = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 3; i++) {
            String name = "s" + i;
            LeaderSelector selector = track(new LeaderSelector(client(), "/recipes/selector",
                    new LeaderSelectorListenerAdapter() {
                        @Override
                        public void takeLeadership(CuratorFramework c) {
                            maxLeaders.accumulateAndGet(leaders.incrementAndGet(), Math::max);
                            led.add(name);
                            leaders.decrementAndGet(); // returning gives up leadership
                        }
                    }));
            selector.setId(name);
            selector.autoRequeue();
            selector.start();
        }
        await().atMost(WAIT).until(() -> led.size() == 3);
        assertThat(maxLeaders.get()).isEqualTo(1);
    }

    @Test
    void distributedQueueDeliversEveryItemExactlyOnce() throws Exception {
        QueueSerializer<String> serializer = new QueueSerializer<>() {
            @Override
            public byte[] serialize(String item) {
                return item.getBytes(UTF_8);
            }

            @Override
            public String deserialize(byte[] bytes) {
                return new String(bytes, UTF_8);
            }
        };
        List<String> consumed = new CopyOnWriteArrayList<>();
        int items = 40;
        CountDownLatch all = new CountDownLatch(items);
        QueueConsumer<String> consumer = new QueueConsumer<>() {
            @Override
            public void consumeMessage(String message) {
                consumed.add(message);
                all.countDown();
            }

            @Override
            public void stateChanged(CuratorFramework c, ConnectionState s) {
            }
        };
        for (int i = 0; i < 2; i++) {
            DistributedQueue<String> q = track(QueueBuilder.builder(client(), consumer, serializer, "/recipes/queue")
                    .lockPath("/recipes/queue-lock").buildQueue());
            q.start();
        }
        DistributedQueue<String> producer = track(QueueBuilder.builder(client(), null, serializer, "/recipes/queue")
                .buildQueue());
        producer.start();
        for (int i = 0; i < items; i++) {
            producer.put("item-" + i);
        }
        assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(consumed).hasSize(items).doesNotHaveDuplicates();
        CuratorFramework check = client();
        await().atMost(WAIT).until(() -> check.getChildren().forPath("/recipes/queue").isEmpty());
    }

    @Test
    void distributedBarrierHoldsUntilRemoved() throws Exception {
        CuratorFramework owner = client();
        DistributedBarrier barrier = new DistributedBarrier(owner, "/recipes/barrier");
        barrier.setBarrier();
        CountDownLatch passed = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 2; i++) {
                DistributedBarrier waiter = new DistributedBarrier(client(), "/recipes/barrier");
                pool.submit(() -> {
                    if (waiter.waitOnBarrier(60, TimeUnit.SECONDS)) {
                        passed.countDown();
                    }
                    return null;
                });
            }
            assertThat(passed.await(300, TimeUnit.MILLISECONDS)).isFalse();
            barrier.removeBarrier();
            assertThat(passed.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void curatorCacheSeesCreatesChangesAndDeletes() throws Exception {
        CuratorFramework c = client();
        c.create().creatingParentsIfNeeded().forPath("/recipes/cache/a", "1".getBytes(UTF_8));
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch initialized = new CountDownLatch(1);
        CuratorCache cache = track(CuratorCache.build(c, "/recipes/cache"));
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreates(n -> events.add("create " + n.getPath()))
                .forChanges((o, n) -> events.add("change " + n.getPath() + " " + new String(n.getData(), UTF_8)))
                .forDeletes(o -> events.add("delete " + o.getPath()))
                .forInitialized(initialized::countDown)
                .build());
        cache.start();
        assertThat(initialized.await(30, TimeUnit.SECONDS)).isTrue();
        CuratorFramework other = client();
        other.create().forPath("/recipes/cache/b", "x".getBytes(UTF_8));
        other.create().forPath("/recipes/cache/b/deep");
        other.setData().forPath("/recipes/cache/a", "2".getBytes(UTF_8));
        other.delete().forPath("/recipes/cache/b/deep");
        await().atMost(WAIT).until(() -> events.contains("delete /recipes/cache/b/deep"));
        assertThat(events).contains("create /recipes/cache", "create /recipes/cache/a", "create /recipes/cache/b",
                "create /recipes/cache/b/deep", "change /recipes/cache/a 2");
        assertThat(cache.get("/recipes/cache/a")).hasValueSatisfying(d -> assertThat(d.getData()).isEqualTo(
                "2".getBytes(UTF_8)));
        assertThat(cache.get("/recipes/cache/b/deep")).isEmpty();
    }

    @Test
    void persistentNodeIsRecreatedAfterDeletion() throws Exception {
        CuratorFramework c = client();
        PersistentNode node = track(new PersistentNode(c, CreateMode.EPHEMERAL, false, "/recipes/pnode/me",
                "alive".getBytes(UTF_8)));
        node.start();
        assertThat(node.waitForInitialCreate(30, TimeUnit.SECONDS)).isTrue();
        CuratorFramework other = client();
        long firstCzxid = other.checkExists().forPath("/recipes/pnode/me").getCzxid();
        other.delete().forPath("/recipes/pnode/me");
        await().atMost(WAIT).ignoreExceptions().until(() -> other.checkExists().forPath("/recipes/pnode/me")
                .getCzxid() > firstCzxid);
        assertThat(other.getData().forPath("/recipes/pnode/me")).isEqualTo("alive".getBytes(UTF_8));
        assertThat(other.checkExists().forPath("/recipes/pnode/me").getEphemeralOwner())
                .isEqualTo(c.getZookeeperClient().getZooKeeper().getSessionId());
        node.close();
        await().atMost(WAIT).until(() -> other.checkExists().forPath("/recipes/pnode/me") == null);
    }

    @Test
    void sharedCountCompareAndSet() throws Exception {
        SharedCount a = track(new SharedCount(client(), "/recipes/count", 0));
        SharedCount b = track(new SharedCount(client(), "/recipes/count", 0));
        a.start();
        b.start();
        VersionedValue<Integer> seenByA = a.getVersionedValue();
        VersionedValue<Integer> seenByB = b.getVersionedValue();
        assertThat(a.trySetCount(seenByA, 5)).isTrue();
        assertThat(b.trySetCount(seenByB, 7)).isFalse(); // stale version: CAS refused
        await().atMost(WAIT).until(() -> b.getCount() == 5);
        assertThat(b.trySetCount(b.getVersionedValue(), 8)).isTrue();
        await().atMost(WAIT).until(() -> a.getCount() == 8);
    }
}
