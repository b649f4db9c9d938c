package org.quorumlab.engine.net.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.replication.PeerAddress;

/**
 * Consensus ticks pass through {@link NettyQuorumTransport#afterPendingReceives}: a server whose
 * receiving threads were not scheduled must read what its peers sent before it counts a tick,
 * or it would take its own starvation for their silence.
 */
class PendingReceivesTest {

    private static final int FRAMES = 20;

    @Test
    void aTickWaitsForTheFramesThatArrivedWhileTheReceiverWasNotRunning() throws Exception {
        NioEventLoopGroup receiverLoops = new NioEventLoopGroup(2);
        List<byte[]> received = new CopyOnWriteArrayList<>();
        try (NettyQuorumTransport receiver = new NettyQuorumTransport(2, "127.0.0.1", 0, Map.of(), receiverLoops)) {
            receiver.start((from, frame) -> received.add(frame));
            try (NettyQuorumTransport sender = new NettyQuorumTransport(1, "127.0.0.1", 0,
                    Map.of(2L, new PeerAddress("127.0.0.1", receiver.port())))) {
                sender.start((from, frame) -> { });
                // The connection is up and registered on one of the receiver's loops.
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    sender.send(2, new byte[] {0});
                    return !received.isEmpty();
                });
                // A marker after the probes: once it is in, no earlier frame is still on its way.
                sender.send(2, new byte[] {100});
                await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(f -> f[0] == 100));

                // The receiver's loops stop running, as when its process gets no CPU.
                CountDownLatch starved = new CountDownLatch(receiverLoops.executorCount());
                CountDownLatch resume = new CountDownLatch(1);
                for (EventExecutor loop : receiverLoops) {
                    loop.execute(() -> {
                        starved.countDown();
                        awaitQuietly(resume);
                    });
                }
                assertThat(starved.await(30, TimeUnit.SECONDS)).isTrue();
                int sentBefore = receivedQueueBytes(receiver.port());
                for (int i = 1; i <= FRAMES; i++) {
                    sender.send(2, new byte[] {(byte) i});
                }
                // Each frame is 4 bytes of length and 1 byte of body, all waiting in the kernel.
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receivedQueueBytes(receiver.port()) - sentBefore >= FRAMES * 5);

                AtomicInteger seenAtTick = new AtomicInteger(-1);
                CountDownLatch ticked = new CountDownLatch(1);
                receiver.afterPendingReceives(() -> {
                    seenAtTick.set((int) received.stream().filter(f -> f[0] >= 1 && f[0] <= FRAMES).count());
                    ticked.countDown();
                });
                assertThat(ticked.getCount()).as("no tick while the receiving threads do not run").isEqualTo(1);

                resume.countDown();
                assertThat(ticked.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(seenAtTick.get()).as("frames delivered before the tick").isEqualTo(FRAMES);
            }
        }
    }

    @Test
    void aClosedTransportDropsTheTickQuietly() {
        NettyQuorumTransport transport = new NettyQuorumTransport(1, "127.0.0.1", 0, Map.of());
        transport.start((from, frame) -> { });
        transport.close();
        AtomicInteger runs = new AtomicInteger();
        transport.afterPendingReceives(runs::incrementAndGet);
        assertThat(runs).hasValue(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Linux only (as CI): sum of rx_queue over established sockets whose local port is {@code port} (/proc/net/tcp). */
    private static int receivedQueueBytes(int port) throws IOException {
        int total = 0;
        for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(file);
            if (!Files.isReadable(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String local = f[1];
                int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
                boolean established = f[3].equals("01");
                if (localPort == port && established) {
                    String queues = f[4];
                    total += Integer.parseInt(queues.substring(queues.indexOf(':') + 1), 16);
                }
            }
        }
        return total;
    }
}
