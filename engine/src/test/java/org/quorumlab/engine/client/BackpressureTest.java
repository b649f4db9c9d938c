package org.quorumlab.engine.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.node.QuorumLabServer;
import org.quorumlab.engine.server.ServerStats;

/**
 * globalOutstandingLimit: a server never admits more client requests than the bound (a quarter of
 * it per connection); beyond it, it stops reading the sockets, and every request is still answered,
 * in order, once earlier ones complete.
 */
class BackpressureTest {

    private static final int LIMIT = 8;
    private static final int CLIENTS = 6;
    private static final int REQUESTS = 300;

    @TempDir
    Path dir;

    @Test
    void floodsFromManyClientsStayWithinTheBoundAndAreAllAnsweredInOrder() throws Exception {
        ServerConfig config = ServerConfig.standalone(0, dir).toBuilder().globalOutstandingLimit(LIMIT).build();
        assertThat(config.outstandingLimitPerConnection()).isEqualTo(LIMIT / 4);
        try (QuorumLabServer server = QuorumLabServer.start(config)) {
            List<ZooKeeper> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Zk.connect(server.port()));
            }
            clients.get(0).create("/flood", new byte[100], ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
            CountDownLatch done = new CountDownLatch(CLIENTS * REQUESTS);
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger outOfOrder = new AtomicInteger();
            for (ZooKeeper zk : clients) {
                AtomicInteger expected = new AtomicInteger();
                for (int r = 0; r < REQUESTS; r++) {
                    int seq = r;
                    if (r % 10 == 9) {
                        zk.setData("/flood", new byte[100], -1, (rc, p, ctx, stat) -> answered(rc, seq, expected,
                                failures, outOfOrder, done), null);
                    } else {
                        zk.getData("/flood", false, (rc, p, ctx, data, stat) -> answered(rc, seq, expected, failures,
                                outOfOrder, done), null);
                    }
                }
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).as("every request answered").isTrue();
            assertThat(failures.get()).as("failed requests").isZero();
            assertThat(outOfOrder.get()).as("replies out of request order").isZero();
            ServerStats stats = server.stats();
            assertThat(stats.requestsInFlightPeak.get()).as("most requests admitted at once").isBetween(2, LIMIT);
            assertThat(stats.admissionThrottles.sum()).as("connections that had to stop reading").isPositive();
            assertThat(stats.requestsInFlight.get()).as("nothing left admitted after the replies").isZero();
            for (ZooKeeper zk : clients) {
                zk.close();
            }
        }
    }

    private static void answered(int rc, int seq, AtomicInteger expected, AtomicInteger failures,
            AtomicInteger outOfOrder, CountDownLatch done) {
        if (rc != KeeperException.Code.OK.intValue()) {
            failures.incrementAndGet();
        }
        if (!expected.compareAndSet(seq, seq + 1)) {
            outOfOrder.incrementAndGet();
        }
        done.countDown();
    }
}
