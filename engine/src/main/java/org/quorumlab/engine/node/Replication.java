package org.quorumlab.engine.node;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.config.QuorumServerSpec;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.consensus.DurableState;
import org.quorumlab.engine.consensus.StateSnapshotSource;
import org.quorumlab.engine.consensus.Timing;
import org.quorumlab.engine.consensus.ZabNode;
import org.quorumlab.engine.net.TlsContexts;
import org.quorumlab.engine.net.quorum.NettyQuorumTransport;
import org.quorumlab.engine.replication.DynamicConfigFile;
import org.quorumlab.engine.replication.ZabHost;
import org.quorumlab.engine.server.RequestPipeline;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.tree.DataTree;

/**
 * Builds the ZAB side of a replicated server: membership (dynamic config file, else zoo.cfg),
 * durable consensus state from storage, the Netty quorum transport and the {@link ZabHost}.
 */
final class Replication {

    /** Consensus ticks per tickTime: elections and heartbeats react faster than session expiry. */
    static final int TICKS_PER_TICKTIME = 10;
    static final String BOOT_COUNT = "bootCount";

    private Replication() {
    }

    static DynamicConfig membership(ServerConfig config) {
        return new DynamicConfigFile(config.dataDir()).read().orElseGet(() -> DynamicConfig.of(0, config.servers()));
    }

    static QuorumServerSpec self(ServerConfig config, DynamicConfig membership) {
        QuorumServerSpec me = membership.servers().get(config.serverId());
        if (me == null) {
            throw new ConfigException("server id " + config.serverId() + " is not in the ensemble configuration "
                    + membership.servers().keySet());
        }
        return me;
    }

    /**
     * In replicated mode the tree is the newest usable snapshot only (with {@link Recovery}'s fallback); ZAB
     * re-applies logged txns once known committed.
     */
    static DataTree initialTree(Storage storage, DynamicConfig membership) {
        DataTree tree = Recovery.snapshotTree(storage);
        byte[] current = tree.requireNode(DataTree.CONFIG).data();
        long treeVersion = current == null || current.length == 0 ? -1
                : DynamicConfig.parse(new String(current, StandardCharsets.UTF_8)).version();
        if (treeVersion < membership.version() || treeVersion < 0) {
            tree.initConfigData(membership.format().getBytes(StandardCharsets.UTF_8));
        }
        return tree;
    }

    /**
     * @param timers runs the teaching gate's wake-ups (the server's ticker); after shutdown they are
     *               skipped, the server is stopping
     */
    static ZabHost host(ServerConfig config, Storage storage, GroupCommitLog log, DynamicConfig membership,
            ScheduledExecutorService timers) {
        QuorumServerSpec me = self(config, membership);
        // The quorum port binds the host of this member's server.N line, as ZooKeeper's does.
        NettyQuorumTransport transport = new NettyQuorumTransport(config.serverId(), me.host(), me.quorumPort(),
                java.util.Map.of());
        if (config.tls().sslQuorum()) {
            transport.useTls(TlsContexts.quorumServer(config.tls().quorum()),
                    TlsContexts.quorumClient(config.tls().quorum()));
        }
        return new ZabHost(config, log, storage.metadata(), storage.snapshots(), transport,
                new DynamicConfigFile(config.dataDir()), membership, System::currentTimeMillis,
                (task, delayMs) -> {
                    try {
                        timers.schedule(task, delayMs, TimeUnit.MILLISECONDS);
                    } catch (RejectedExecutionException stopping) {
                        // The server is closing; held messages are discarded with it.
                    }
                });
    }

    static ZabNode node(ServerConfig config, Storage storage, GroupCommitLog log, DataTree tree,
            DynamicConfig membership, RequestPipeline pipeline) {
        long snapshotZxid = tree.lastProcessedZxid();
        long boot = storage.metadata().get(BOOT_COUNT, 0) + 1;
        storage.metadata().put(BOOT_COUNT, boot);
        List<org.quorumlab.engine.storage.LogEntry> stored = storage.txnLog().readAfter(snapshotZxid, Integer.MAX_VALUE);
        DurableState durable = new DurableState(
                storage.metadata().get("acceptedEpoch", 0),
                storage.metadata().get("currentEpoch", 0),
                ZabHostLog.toConsensusLog(stored), snapshotZxid, snapshotZxid, boot);
        Timing timing = new Timing(1, 16, 1, config.initLimit() * TICKS_PER_TICKTIME,
                config.syncLimit() * TICKS_PER_TICKTIME);
        StateSnapshotSource source = new StateSnapshotSource() {
            /** The SNAP message carries the tree whole, so here it is one array (see TreeSnapshotCodec). */
            @Override
            public byte[] snapshot() {
                return TreeSnapshotCodec.serialize(pipeline.tree());
            }

            @Override
            public long lastAppliedZxid() {
                return pipeline.tree().lastProcessedZxid();
            }
        };
        return new ZabNode(config.serverId(), ZabHost.toQuorumConfig(membership), durable, timing, source,
                new StoredLogHistory(log));
    }
}
