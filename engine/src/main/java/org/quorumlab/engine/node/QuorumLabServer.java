package org.quorumlab.engine.node;

import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.admin.AdminServer;
import org.quorumlab.engine.admin.FourLetterWords;
import org.quorumlab.engine.admin.NodeView;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.config.TlsConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.ZabNode;
import org.quorumlab.engine.net.ClientServer;
import org.quorumlab.engine.net.ServerView;
import org.quorumlab.engine.net.TlsContexts;
import org.quorumlab.engine.replication.ReceiveGate;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.server.PipelineClock;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.server.ServerStats;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.GroupCommitStats;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One QuorumLab server process: SQLite storage, recovered tree, request pipeline, group-commit
 * log, the Netty client port and, when zoo.cfg lists an ensemble, the ZAB host and quorum port.
 */
public final class QuorumLabServer implements AutoCloseable, ServerView, NodeView {

    private static final Logger LOG = LoggerFactory.getLogger(QuorumLabServer.class);

    private final ServerConfig config;
    private final Storage storage;
    private final GroupCommitLog log;
    private final RequestPipeline pipeline;
    private final ZabHost zab;
    private final ClientServer clientServer;
    private final AdminServer admin;
    private final ServerStats stats = new ServerStats();
    private final ScheduledExecutorService ticker;
    private final ExecutorService snapshotWriter;
    private final DataDirLock dataDirLock;

    private QuorumLabServer(ServerConfig config, ClientServer clientServer, DataDirLock dataDirLock)
            throws InterruptedException {
        this.config = config;
        this.clientServer = clientServer;
        config.warnings().forEach(LOG::warn);
        this.dataDirLock = dataDirLock;
        this.storage = SqliteStorage.open(config.dataDir());
        this.snapshotWriter = Executors.newSingleThreadExecutor(daemon("snapshot-writer-" + config.serverId()));
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("ticker-" + config.serverId()));
        if (config.isReplicated()) {
            DynamicConfig membership = Replication.membership(config);
            DataTree tree = Replication.initialTree(storage, membership);
            this.log = new GroupCommitLog(storage.txnLog());
            this.zab = Replication.host(config, storage, log, membership, ticker);
            this.pipeline = new RequestPipeline(config, tree, zab, PipelineClock.SYSTEM, stats, this::snapshot);
            ZabNode node = Replication.node(config, storage, log, tree, membership, pipeline);
            zab.attach(pipeline, node);
            pipeline.setServing(false, false);
        } else {
            DataTree tree = Recovery.recover(storage);
            this.log = new GroupCommitLog(storage.txnLog());
            this.zab = null;
            this.pipeline = new RequestPipeline(config, tree, new StandaloneReplicator(log, tree.lastProcessedZxid()),
                    PipelineClock.SYSTEM, stats, this::snapshot);
        }
        this.admin = new AdminServer(this, config.serverId());
        admin.observe();
        pipeline.start();
        clientServer.open(pipeline, this, stats);
        if (zab == null) {
            ticker.scheduleAtFixedRate(pipeline::tick, config.tickTime(), config.tickTime(), TimeUnit.MILLISECONDS);
        } else {
            // Session expiry on a leader must not overtake the keep-alives its learners forwarded
            // that still wait unread in its sockets (its reading threads starved of CPU): the same
            // gate as the consensus ticks below, at most one housekeeping tick in flight.
            ReceiveGate housekeepingGate = new ReceiveGate(zab.transport());
            ticker.scheduleWithFixedDelay(() -> housekeepingGate.post(Runnable::run, pipeline::tick),
                    config.tickTime(), config.tickTime(), TimeUnit.MILLISECONDS);
        }
        if (zab != null) {
            long period = Math.max(1, config.tickTime() / Replication.TICKS_PER_TICKTIME);
            // Fixed delay, not fixed rate: after this process was stopped (a GC pause stretched by a
            // busy CPU, SIGSTOP) the missed ticks must not all arrive at once, ahead of the peer
            // messages still waiting in the sockets, or a learner would count its own pause as a
            // silent leader (and a leader as silent followers) and start an election nothing caused.
            ticker.scheduleWithFixedDelay(zab::tick, period, period, TimeUnit.MILLISECONDS);
        }
        if (!config.purgeInterval().isZero()) {
            scheduleAutopurge();
        }
        if (config.adminPort() >= 0) {
            try {
                admin.start(config.adminServerAddress(), config.adminPort());
            } catch (RuntimeException | InterruptedException e) {
                close(); // a server whose admin API cannot be bound as configured does not run without it
                throw e;
            }
        }
        LOG.info("QuorumLab server {} serving clients on port {}{}{}, data in {}", config.serverId(), port(),
                securePort() >= 0 ? " (TLS on port " + securePort() + ")" : "",
                zab == null ? "" : " (quorum port " + zab.transport().port() + ")", config.dataDir().toAbsolutePath());
    }

    /**
     * Binds the client port first, before storage is opened and recovered, so clients reconnecting
     * to a restarting server connect (and wait in the backlog) instead of being refused; then
     * recovers and starts serving. The data directory is locked first ({@link DataDirLock}).
     *
     * @throws org.quorumlab.engine.storage.StorageException if another server (or a restore) uses the data directory
     */
    public static QuorumLabServer start(ServerConfig config) {
        DataDirLock lock = DataDirLock.acquire(config.dataDir(), "server " + config.serverId());
        ClientServer clientServer = null;
        try {
            // Opened before anything is bound: a wrong password or a missing store stops the start here.
            TlsConfig tls = config.tls();
            SslContext secureClientTls = tls.secureClientPort() >= 0 ? TlsContexts.clientPort(tls.client()) : null;
            ClientAddress client = clientAddress(config);
            clientServer = new ClientServer(client.host(), client.port(), config.juteMaxBuffer(),
                    config.maxClientCnxns(), config.globalOutstandingLimit(), config.outstandingLimitPerConnection(),
                    config.superDigest());
            if (secureClientTls != null) {
                clientServer.bindSecure(tls.secureClientPortAddress() != null ? tls.secureClientPortAddress()
                        : client.host(), tls.secureClientPort(), secureClientTls);
            }
            return new QuorumLabServer(config, clientServer, lock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (clientServer != null) {
                clientServer.close();
            }
            lock.close();
            throw new IllegalStateException("interrupted while starting the server", e);
        } catch (RuntimeException | Error e) {
            if (clientServer != null) {
                clientServer.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Where the client port binds: the {@code ;clientHost:clientPort} of the member's own line
     * (dynamic config first), else zoo.cfg's {@code clientPortAddress} and {@code clientPort}.
     */
    private static ClientAddress clientAddress(ServerConfig config) {
        if (config.isReplicated()) {
            QuorumServerSpec me = Replication.self(config, Replication.membership(config));
            if (me.clientPort() > 0) {
                return new ClientAddress(me.clientHost(), me.clientPort());
            }
        }
        return new ClientAddress(config.clientPortAddress(), config.clientPort());
    }

    private record ClientAddress(String host, int port) {
    }

    public int port() {
        return clientServer.port();
    }

    /** The secure (TLS) client port, or -1 when zoo.cfg sets no {@code secureClientPort}. */
    @Override
    public int securePort() {
        return clientServer.securePort();
    }

    public ServerConfig config() {
        return config;
    }

    public RequestPipeline pipeline() {
        return pipeline;
    }

    /** The ZAB host, or null for a standalone server. */
    public ZabHost zab() {
        return zab;
    }

    /** leader / follower / observer / looking / standalone, as four-letter words report it. */
    public String mode() {
        if (zab == null) {
            return "standalone";
        }
        ServerState role = zab.role();
        return switch (role) {
            case LEADING -> "leader";
            case FOLLOWING -> "follower";
            case OBSERVING -> "observer";
            case LOOKING -> "looking";
        };
    }

    /**
     * Called on the pipeline thread, which only takes a detached image of the tree (one small record per node;
     * the data arrays are shared, not copied). The snapshot thread serialises it straight into the store's
     * chunks, so the serialised snapshot never exists whole in memory, then lets the consensus core forget its
     * in-memory log before the previous snapshot ({@link SnapshotRetention#compactionPoint}). Old snapshots and
     * the log on disk stay until an autopurge ({@link Autopurge}): every {@code autopurge.purgeInterval}, and
     * after each snapshot with {@code autopurge.afterSnapshot=true}.
     */
    private void snapshot(DataTree tree) {
        TreeImage image = tree.image();
        long zxid = image.lastZxid();
        snapshotWriter.execute(() -> {
            try {
                SnapshotInfo saved = storage.snapshots().save(zxid, image.nodes().size(),
                        out -> TreeSnapshotCodec.write(image, out));
                long compactTo = SnapshotRetention.compactionPoint(storage.snapshots());
                if (zab != null && compactTo > 0) {
                    zab.snapshotTaken(compactTo);
                }
                LOG.info("Saved {}", saved);
                if (config.purgeAfterSnapshot()) {
                    autopurge().run();
                }
            } catch (RuntimeException e) {
                LOG.error("Snapshot at 0x{} failed", Long.toHexString(zxid), e);
            }
        });
    }

    /**
     * Every {@code autopurge.purgeInterval}, the first time now (as ZooKeeper's DatadirCleanupManager), an
     * {@link Autopurge} on the snapshot thread, so it never overlaps a snapshot being written.
     */
    private void scheduleAutopurge() {
        Autopurge purge = autopurge();
        Runnable run = () -> {
            try {
                purge.run();
            } catch (RuntimeException e) {
                LOG.error("Autopurge failed", e);
            }
        };
        ticker.scheduleAtFixedRate(() -> {
            try {
                snapshotWriter.execute(run);
            } catch (RejectedExecutionException stopping) {
                // The server is closing.
            }
        }, 0, config.purgeInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    private Autopurge autopurge() {
        return new Autopurge(storage.snapshots(), zxid -> log.runExclusive(l -> l.purgeThrough(zxid)),
                config.snapRetainCount());
    }

    /** The server's stores, for tests in this package (the snapshot store is thread-safe). */
    Storage storage() {
        return storage;
    }

    @Override
    public String fourLetterWord(String command) {
        return FourLetterWords.reply(command, this);
    }

    /** Bound admin HTTP port, or -1 when the admin server is disabled ({@code admin.serverPort=-1}). */
    public int adminPort() {
        return admin.port();
    }

    @Override
    public ServerStats stats() {
        return stats;
    }

    @Override
    public List<ClientServer.ConnectionInfo> connections() {
        return clientServer.connectionInfos();
    }

    @Override
    public void resetConnectionStats() {
        clientServer.resetConnectionStats();
    }

    @Override
    public GroupCommitStats logStats() {
        return log.stats();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        admin.close();
        clientServer.close();
        if (zab != null) {
            zab.close();
        }
        pipeline.close();
        // Snapshots and autopurges still queued finish before the log closes (a purge writes to it).
        snapshotWriter.shutdown();
        try {
            snapshotWriter.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.flushAndClose();
        try {
            storage.close();
        } finally {
            dataDirLock.close();
        }
        LOG.info("QuorumLab server {} stopped", config.serverId());
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
