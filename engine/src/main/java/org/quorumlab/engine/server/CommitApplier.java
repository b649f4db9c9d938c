package org.quorumlab.engine.server;

import java.util.function.Consumer;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.ReplyHeader;
import org.quorumlab.engine.proto.SyncRequest;
import org.quorumlab.engine.proto.SyncResponse;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.ProcessTxnResult;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicator's side of the {@link RequestPipeline}: applies committed txns to the tree on the
 * pipeline thread, keeps sessions in step, answers the writes (and syncs) that this server's clients
 * are waiting for, and triggers snapshots. A storage failure stops further writes.
 */
final class CommitApplier implements TxnReplicator.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(CommitApplier.class);

    private final RequestPipeline pipeline;
    private final ServerConfig config;
    private final SessionOrdering ordering;
    private final SessionTracker sessions;
    private final SessionHandshake handshake;
    private final ReplySender replies;
    private final ServerStats stats;
    private final PipelineClock clock;
    private final Consumer<DataTree> snapshotter;
    private long txnsSinceSnapshot;
    private volatile boolean failed;

    CommitApplier(RequestPipeline pipeline, ServerConfig config, SessionOrdering ordering, SessionTracker sessions,
            SessionHandshake handshake, ReplySender replies, ServerStats stats, PipelineClock clock,
            Consumer<DataTree> snapshotter) {
        this.pipeline = pipeline;
        this.config = config;
        this.ordering = ordering;
        this.sessions = sessions;
        this.handshake = handshake;
        this.replies = replies;
        this.stats = stats;
        this.clock = clock;
        this.snapshotter = snapshotter;
    }

    boolean isFailed() {
        return failed;
    }

    @Override
    public void committed(TxnRecord record) {
        pipeline.onOwner(() -> apply(record));
    }

    @Override
    public void fatal(Throwable t) {
        LOG.error("Replication failed; refusing further writes", t);
        failed = true;
        pipeline.onOwner(() -> handshake.closeAll("server storage failure"));
    }

    @Override
    public void syncCompleted(long token) {
        pipeline.onOwner(() -> {
            Request r = ordering.takeSync(token);
            if (r != null) {
                String path = SyncRequest.read(new JuteInput(r.body())).path();
                replies.reply(r, new ReplyHeader(r.xid(), pipeline.tree().lastProcessedZxid(), 0), new SyncResponse(path));
                pipeline.finishInflight(r.sessionId());
            }
        });
    }

    private void apply(TxnRecord record) {
        DataTree tree = pipeline.tree();
        TxnHeader header = record.header();
        ProcessTxnResult result = tree.processTxn(header, record.txn());
        pipeline.pendingChanges().committed(header.zxid());
        SessionOrdering.InFlight f = ordering.takeInflight(header.sessionId(), header.cxid());
        long sid = header.sessionId();
        if (record.txn() instanceof Txn.CreateSession cs) {
            sessions.add(sid, cs.timeoutMs(), clock.wallMillis());
            handshake.sessionCreated(sid, cs.timeoutMs());
            pipeline.publish(new SessionEvent.Created(sid, cs.timeoutMs()));
            stats.outstanding.decrementAndGet();
            pipeline.finishInflight(sid);
        } else if (record.txn() instanceof Txn.CloseSession) {
            sessions.remove(sid);
            handshake.sessionClosed(sid, tree, f == null);
            pipeline.publish(new SessionEvent.Closed(sid));
        }
        if (f != null) {
            replies.replyToWrite(f, result, header);
            pipeline.finishInflight(sid);
        } else if (header.sessionId() == 0 || !pipeline.preparesLocally()) {
            stats.outstanding.updateAndGet(v -> Math.max(0, v));
        }
        if (++txnsSinceSnapshot >= config.snapCount()) {
            txnsSinceSnapshot = 0;
            snapshotter.accept(tree);
        }
        pipeline.replayIfReady();
    }
}
