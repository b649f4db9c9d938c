package org.quorumlab.engine.node;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.net.ClientServer;
import org.quorumlab.engine.net.ServerView;
import org.quorumlab.engine.server.PipelineClock;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.Snapshot;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeSnapshotCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone QuorumLab server: SQLite storage, recovered tree, request pipeline, group-commit
 * log and the Netty client port, wired together.
 */
public final class QuorumLabServer implements AutoCloseable, ServerView {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumLabServer.class);
    private static final int SNAPSHOTS_KEPT = 3;

    private final ServerConfig config;
    private final Storage storage;
    private final GroupCommitLog log;
    private final RequestPipeline pipeline;
    private final ClientServer clientServer;
    private final ServerStats stats = new ServerStats();
    private final ScheduledExecutorService ticker;
    private final ExecutorService snapshotWriter;

    private QuorumLabServer(ServerConfig config) throws InterruptedException {
        this.config = config;
        this.storage = SqliteStorage.open(config.dataDir());
        DataTree tree = Recovery.recover(storage);
        this.log = new GroupCommitLog(storage.txnLog());
        this.snapshotWriter = Executors.newSingleThreadExecutor(daemon("snapshot-writer"));
        this.pipeline = new RequestPipeline(config, tree, new StandaloneReplicator(log), PipelineClock.SYSTEM, stats,
                this::snapshot);
        this.clientServer = new ClientServer(config.clientPortAddress(), config.clientPort(), config.juteMaxBuffer(),
                pipeline, this, stats, config.superDigest());
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("session-ticker"));
        ticker.scheduleAtFixedRate(pipeline::tick, config.tickTime(), config.tickTime(), TimeUnit.MILLISECONDS);
        LOG.info("QuorumLab server {} serving clients on port {}, data in {}", config.serverId(), port(),
                config.dataDir().toAbsolutePath());
    }

    public static QuorumLabServer start(ServerConfig config) {
        try {
            return new QuorumLabServer(config);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the client port", e);
        }
    }

    public int port() {
        return clientServer.port();
    }

    public ServerConfig config() {
        return config;
    }

    public RequestPipeline pipeline() {
        return pipeline;
    }

    /** Called on the pipeline thread: serialise now, write in the background. */
    private void snapshot(DataTree tree) {
        byte[] bytes = TreeSnapshotCodec.serialize(tree);
        long zxid = tree.lastProcessedZxid();
        snapshotWriter.execute(() -> {
            try {
                storage.snapshots().save(new Snapshot(zxid, bytes));
                storage.snapshots().retainLatest(SNAPSHOTS_KEPT);
                LOG.info("Snapshot at 0x{} ({} bytes)", Long.toHexString(zxid), bytes.length);
            } catch (RuntimeException e) {
                LOG.error("Snapshot at 0x{} failed", Long.toHexString(zxid), e);
            }
        });
    }

    @Override
    public String fourLetterWord(String command) {
        try {
            FourLetterWords.Snapshot s = pipeline.query(t -> new FourLetterWords.Snapshot(t.lastProcessedZxid(),
                    t.nodeCount(), t.watchCount(), t.ephemeralsBySession().values().stream().mapToInt(java.util.Set::size).sum(),
                    t.dataSize(), t.sessions().size())).get(5, TimeUnit.SECONDS);
            List<String> clients = clientServer.connectionInfos().stream()
                    .map(c -> c.remote() + "[1](queued=0,recved=" + c.received() + ",sent=" + c.sent() + ")")
                    .toList();
            return FourLetterWords.reply(command, stats, clients, "standalone", s, confText());
        } catch (Exception e) {
            return "This ZooKeeper instance is not currently serving requests\n";
        }
    }

    private String confText() {
        return "clientPort=" + port() + "\n"
                + "dataDir=" + config.dataDir().toAbsolutePath() + "\n"
                + "tickTime=" + config.tickTime() + "\n"
                + "maxClientCnxns=" + config.maxClientCnxns() + "\n"
                + "minSessionTimeout=" + config.minSessionTimeout() + "\n"
                + "maxSessionTimeout=" + config.maxSessionTimeout() + "\n"
                + "serverId=" + config.serverId() + "\n";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        clientServer.close();
        pipeline.close();
        log.flushAndClose();
        snapshotWriter.shutdown();
        try {
            snapshotWriter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        storage.close();
        LOG.info("QuorumLab server {} stopped", config.serverId());
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
