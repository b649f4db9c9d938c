package org.quorumlab.engine.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.ServerConfigBuilder;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.PipelineClock;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.server.SessionEvent;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.InMemoryStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;

/**
 * After a restart the sessions of the recovered tree are timed from the moment the server leads,
 * not from when its process started: a leader elected long after start-up does not expire them
 * at once, and expires them one timeout after it began to lead if no client comes back.
 */
class LeaderSessionTimersTest {

    private static final int TICK = 100;
    private static final int TIMEOUT = 1_000;
    private static final long SESSION = 0x1234L;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final PipelineClock clock = new PipelineClock() {
        @Override
        public long wallMillis() {
            return now.get();
        }

        @Override
        public long nanos() {
            return TimeUnit.MILLISECONDS.toNanos(now.get());
        }
    };

    @Test
    void recoveredSessionsGetAFreshTimeoutWhenTheServerStartsToLead() throws Exception {
        DataTree before = new DataTree();
        before.processTxn(new TxnHeader(SESSION, 0, 1, now.get(), OpCode.createSession), new Txn.CreateSession(TIMEOUT));
        DataTree recovered = TreeSnapshotCodec.deserialize(TreeSnapshotCodec.serialize(before));
        assertThat(recovered.sessions()).containsEntry(SESSION, TIMEOUT);

        ServerConfig config = new ServerConfigBuilder().tickTime(TICK).build();
        GroupCommitLog log = new GroupCommitLog(new InMemoryStorage().txnLog());
        List<Long> expired = new CopyOnWriteArrayList<>();
        try (RequestPipeline pipeline = new RequestPipeline(config, recovered,
                new StandaloneReplicator(log, recovered.lastProcessedZxid()), clock, new ServerStats(), t -> { })) {
            pipeline.addEventSink(e -> {
                if (e instanceof SessionEvent.Expired x) {
                    expired.add(x.sessionId());
                }
            });
            pipeline.setServing(false, false);
            long startedAt = now.get();

            // The election takes ten session timeouts; then this server leads.
            long ledAt = now.addAndGet(10L * TIMEOUT);
            pipeline.execute(() -> pipeline.setServing(true, true));
            assertThat(pipeline.sessionExpiryView().get(10, TimeUnit.SECONDS).firstKey())
                    .as("expiry counted from leading, not from %d", startedAt).isGreaterThan(ledAt + TIMEOUT - TICK);

            tick(pipeline);
            advanceTo(pipeline, ledAt + TIMEOUT / 2);
            assertThat(expired).as("half a timeout after leading").isEmpty();
            assertThat(pipeline.sessionsView().get(10, TimeUnit.SECONDS)).containsKey(SESSION);

            advanceTo(pipeline, ledAt + TIMEOUT + 2 * TICK);
            assertThat(expired).as("one timeout after leading, no client came back").containsExactly(SESSION);
        } finally {
            log.flushAndClose();
        }
    }

    /**
     * Moves the clock to {@code target} one tick at a time, running housekeeping at each, as the
     * server's ticker does (a longer gap between two runs would mean the server itself stalled).
     */
    private void advanceTo(RequestPipeline pipeline, long target) throws Exception {
        while (now.get() < target) {
            now.set(Math.min(target, now.get() + TICK));
            tick(pipeline);
        }
    }

    /** Runs housekeeping and waits until the pipeline thread has done it. */
    private static void tick(RequestPipeline pipeline) throws Exception {
        pipeline.tick();
        pipeline.query(t -> true).get(10, TimeUnit.SECONDS);
    }
}
