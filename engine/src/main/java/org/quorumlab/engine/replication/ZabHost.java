package org.quorumlab.engine.replication;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.quorumlab.engine.config.DynamicConfig;
import org.quorumlab.engine.config.ServerConfig;
import org.quorumlab.engine.consensus.Action;
import org.quorumlab.engine.consensus.Event;
import org.quorumlab.engine.consensus.LogEntry;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.consensus.ProposeResult;
import org.quorumlab.engine.consensus.QuorumConfig;
import org.quorumlab.engine.consensus.ServerState;
import org.quorumlab.engine.consensus.ZabNode;
import org.quorumlab.engine.proto.ErrorCode;
import org.quorumlab.engine.proto.MalformedRecordException;
import org.quorumlab.engine.proto.OpCode;
import org.quorumlab.engine.server.ForwardedRequestCodec;
import org.quorumlab.engine.server.ReplicationPort;
import org.quorumlab.engine.server.TxnReplicator;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.MetadataStore;
import org.quorumlab.engine.storage.SnapshotStore;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.txn.Txn;
import org.quorumlab.engine.txn.TxnCodec;
import org.quorumlab.engine.txn.TxnHeader;
import org.quorumlab.engine.txn.TxnRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link ZabNode} on the request pipeline's thread and carries out its actions with the
 * real adapters: Netty transport, group-commit SQLite log, metadata store, snapshot store. This
 * is the only class that knows both the consensus core and the server.
 */
public final class ZabHost implements TxnReplicator {

    private static final Logger LOG = LoggerFactory.getLogger(ZabHost.class);
    static final String ACCEPTED_EPOCH = "acceptedEpoch";
    static final String CURRENT_EPOCH = "currentEpoch";

    private final ServerConfig config;
    private final GroupCommitLog log;
    private final MetadataStore metadata;
    private final SnapshotStore snapshots;
    private final QuorumTransport transport;
    private final ReceiveGate tickGate;
    private final DynamicConfigFile configFile;
    private final TeachingGate teaching;
    private final List<Consumer<Object>> eventSinks = new CopyOnWriteArrayList<>();
    private ZabNode node;
    private ReplicationPort pipeline;
    private Listener listener;
    private DurabilityReports durability;
    /** The entry whose PROPOSAL packet was encoded last, and its bytes (pipeline thread only). */
    private LogEntry lastProposed;
    private byte[] lastProposalBytes;
    /** Leader: records proposed and not yet applied, in zxid order, so applying needs no decode. */
    private final java.util.ArrayDeque<TxnRecord> proposed = new java.util.ArrayDeque<>();
    /** Reused to encode proposed txns (pipeline thread only). */
    private final org.quorumlab.engine.proto.JuteOutput txnScratch = new org.quorumlab.engine.proto.JuteOutput(2048);
    /** A gap between two ticker runs longer than this is logged as a stall of the process. */
    private static final long TICK_STALL_NANOS = 250_000_000L;
    /** Ticker thread only. */
    private long lastTickNanos;
    /** Set by the ticker, cleared when that tick reaches the node: at most one tick is pending. */
    private volatile ServerState role = ServerState.LOOKING;
    private volatile long leaderId = -1;
    private volatile long epoch;
    private volatile DynamicConfig membership;

    /**
     * @param wallClock         epoch milliseconds, for teaching mode's message timestamps
     * @param teachingScheduler wakes teaching mode when a slowed message is due
     */
    public ZabHost(ServerConfig config, GroupCommitLog log, MetadataStore metadata, SnapshotStore snapshots,
            QuorumTransport transport, DynamicConfigFile configFile, DynamicConfig membership,
            LongSupplier wallClock, TeachingGate.Scheduler teachingScheduler) {
        this.config = config;
        this.log = log;
        this.metadata = metadata;
        this.snapshots = snapshots;
        this.transport = transport;
        this.tickGate = new ReceiveGate(transport);
        this.configFile = configFile;
        this.membership = membership;
        this.teaching = new TeachingGate(transport::send, wallClock, teachingScheduler, this::publish);
    }

    /** Binds the host to its pipeline and node; call before the pipeline starts the replicator. */
    public void attach(ReplicationPort pipeline, ZabNode node) {
        this.pipeline = pipeline;
        this.node = node;
        this.durability = new DurabilityReports(pipeline::execute, zxid -> {
            node.persisted(zxid);
            run();
        });
    }

    public void addEventSink(Consumer<Object> sink) {
        eventSinks.add(sink);
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        transport.setPeers(addresses(membership));
        transport.onPeerDisconnected(peer -> pipeline.execute(() -> {
            node.peerDisconnected(peer);
            run();
        }));
        transport.start(this::receive);
        run();
    }

    /**
     * Advances the consensus clock; posted to the pipeline thread by the server's ticker. In
     * teaching mode only every N-th tick gets through (none while paused).
     */
    public void tick() {
        long now = System.nanoTime();
        long gap = lastTickNanos == 0 ? 0 : now - lastTickNanos;
        lastTickNanos = now;
        if (gap > TICK_STALL_NANOS) {
            // The ticker only posts a task; a long gap means this whole process was not running
            // (GC pause, CPU starvation, SIGSTOP). The evidence for any election that follows.
            LOG.warn("Server {}: consensus clock stalled for {} ms (process not scheduled)", config.serverId(),
                    gap / 1_000_000);
            publish(new ProcessStalled(gap / 1_000_000));
        }
        if (!teaching.admitTick()) {
            return;
        }
        // Dropped while the previous tick has not reached the node (receiving or owner thread not
        // scheduled): time this process could not observe is not counted twice.
        tickGate.post(pipeline::execute, () -> {
            node.tick();
            run();
        });
    }

    /**
     * On a transport thread: decodes there, so the pipeline thread only steps the node. A malformed
     * frame throws {@link MalformedRecordException}, and the transport closes the connection it came on.
     */
    private void receive(long from, byte[] frame) {
        Message message = MessageCodec.decode(frame);
        pipeline.executeQuorumMessage(() -> {
            node.step(message);
            run();
        });
    }

    // ------------------------------------------------------------ TxnReplicator

    @Override
    public boolean prepareLocally() {
        return node.isEstablishedLeader();
    }

    @Override
    public long nextZxid() {
        return node.nextZxid();
    }

    @Override
    public void propose(TxnRecord record) {
        byte[] payload = TxnCodec.encode(record, txnScratch);
        TxnRecord proposedRecord = record;
        ProposeResult result;
        if (record.txn() instanceof Txn.Reconfig r) {
            DynamicConfig next = DynamicConfig.parse(new String(r.configData(), StandardCharsets.UTF_8));
            result = node.proposeReconfig(toQuorumConfig(next), payload);
            if (result instanceof ProposeResult.Refused refused) {
                TxnHeader h = record.header();
                TxnRecord error = new TxnRecord(new TxnHeader(h.sessionId(), h.cxid(), h.zxid(), h.timeMs(), OpCode.error),
                        new Txn.Error(errorFor(refused.reason()).intValue()));
                proposedRecord = error;
                result = node.propose(TxnCodec.encode(error));
            }
        } else {
            result = node.propose(payload);
        }
        if (result instanceof ProposeResult.Accepted) {
            proposed.addLast(proposedRecord);
        }
        if (result instanceof ProposeResult.Accepted a && a.zxid() != record.zxid()) {
            throw new IllegalStateException("consensus assigned 0x" + Long.toHexString(a.zxid())
                    + " but the txn was prepared as 0x" + Long.toHexString(record.zxid()));
        }
        if (result instanceof ProposeResult.Refused refused) {
            LOG.info("Proposal 0x{} refused: {}", Long.toHexString(record.zxid()), refused.reason());
        }
        run();
    }

    private static ErrorCode errorFor(ProposeResult.RefusalReason reason) {
        return switch (reason) {
            case RECONFIG_IN_PROGRESS -> ErrorCode.RECONFIGINPROGRESS;
            case NEW_CONFIG_NO_QUORUM -> ErrorCode.NEWCONFIGNOQUORUM;
            case BAD_CONFIG -> ErrorCode.BADARGUMENTS;
            default -> ErrorCode.CONNECTIONLOSS;
        };
    }

    /** Slowed or paused: the leader must not expire sessions on wall-clock timeouts. */
    @Override
    public boolean sessionExpirySuspended() {
        return teaching.isTeaching();
    }

    @Override
    public boolean forward(byte[] encodedRequest) {
        boolean sent = node.forward(encodedRequest);
        run();
        return sent;
    }

    @Override
    public boolean sync(long token) {
        boolean pending = node.sync(token);
        run();
        return pending;
    }

    // ------------------------------------------------------------ actions

    /** Drains and executes the node's actions until none are left. */
    private void run() {
        var actions = node.drain();
        while (!actions.isEmpty()) {
            for (Action a : actions) {
                execute(a);
            }
            actions = node.drain();
        }
    }

    private void execute(Action a) {
        if (a instanceof Action.Send s) {
            send(s);
        } else if (a instanceof Action.PersistEntries p) {
            persist(p);
        } else if (a instanceof Action.PersistEpoch p) {
            log.flush();
            metadata.put(ACCEPTED_EPOCH, p.acceptedEpoch());
            metadata.put(CURRENT_EPOCH, p.currentEpoch());
        } else if (a instanceof Action.Truncate t) {
            durability.newHistory();
            log.runExclusive(l -> l.truncateAfter(t.afterZxid()));
        } else if (a instanceof Action.InstallSnapshot s) {
            installSnapshot(s.zxid(), s.snapshot());
        } else if (a instanceof Action.Apply ap) {
            apply(ap.entry());
        } else if (a instanceof Action.ActivateConfig c) {
            activate(c.config());
        } else if (a instanceof Action.RoleChanged r) {
            roleChanged(r);
        } else if (a instanceof Action.HandleForwardedRequest f) {
            pipeline.handleForwarded(ForwardedRequestCodec.decode(f.request(), System.nanoTime()));
        } else if (a instanceof Action.SyncCompleted s) {
            listener.syncCompleted(s.token());
        } else if (a instanceof Event e) {
            if (e instanceof Event.StateChanged sc && sc.to() == ServerState.LOOKING) {
                LOG.info("Server {} leaves {}: {}", config.serverId(), sc.from(), sc.reason());
            } else if (e instanceof Event.SyncModeChosen sync) {
                // once per learner connection, as ZooKeeper's leader logs it: how a rejoining server
                // was brought up to date (a few entries, or the whole tree) explains its catch-up time
                LOG.info("Server {}: syncing learner {} by {} (its last zxid 0x{}, entries from 0x{})",
                        config.serverId(), sync.peer(), sync.mode(), Long.toHexString(sync.peerLastZxid()),
                        Long.toHexString(sync.fromZxid()));
            }
            publish(e);
        }
    }

    /** A PROPOSAL goes to every follower: its packet is encoded once and shared behind per-link headers. */
    private void send(Action.Send s) {
        if (teaching.isTeaching()) {
            // slow motion or paused: the gate holds whole frames and releases them in order
            teaching.send(s.to(), s.message());
            return;
        }
        if (s.message() instanceof Message.Peer m && m.packet() instanceof Packet.Proposal proposal) {
            if (proposal.entry() != lastProposed) {
                lastProposed = proposal.entry();
                lastProposalBytes = MessageCodec.encodePacket(proposal);
            }
            transport.send(s.to(), MessageCodec.encodePeerHeader(m.from(), m.session(), m.seq()), lastProposalBytes);
        } else {
            transport.send(s.to(), MessageCodec.encode(s.message()));
        }
    }

    private void persist(Action.PersistEntries p) {
        CompletableFuture<Long> last = null;
        for (LogEntry e : p.entries()) {
            last = log.appendAsync(new org.quorumlab.engine.storage.LogEntry(e.zxid(), e.payload()));
        }
        long lastZxid = p.lastZxid();
        long history = durability.history();
        last.whenComplete((zxid, error) -> {
            if (error != null) {
                listener.fatal(error);
            } else {
                durability.durable(history, lastZxid);
            }
        });
    }

    /** A leader applies the records it proposed; anything else is decoded from the log entry. */
    private void apply(LogEntry entry) {
        while (!proposed.isEmpty() && proposed.peekFirst().zxid() < entry.zxid()) {
            proposed.pollFirst();
        }
        TxnRecord record = !proposed.isEmpty() && proposed.peekFirst().zxid() == entry.zxid() ? proposed.pollFirst()
                : TxnCodec.decode(entry.payload());
        listener.committed(record);
    }

    /**
     * Replaces the log and tree with the leader's snapshot. Order matters for a crash in between: the old log goes
     * first (a restart then recovers an older committed state, never the old log's divergent tail on top of the
     * new snapshot), the snapshot is stored, and only then is the log's purge watermark raised to it, which tells
     * recovery that the log no longer holds the history before the snapshot.
     */
    private void installSnapshot(long zxid, byte[] bytes) {
        DataTree tree = TreeSnapshotCodec.deserialize(bytes);
        durability.newHistory();
        log.runExclusive(l -> l.truncateAfter(0));
        snapshots.save(zxid, tree.nodeCount(), out -> out.write(bytes));
        log.runExclusive(l -> l.purgeThrough(zxid));
        pipeline.replaceTree(tree);
        LOG.info("Installed snapshot at 0x{} ({} nodes) from the leader", Long.toHexString(zxid), tree.nodeCount());
    }

    private void activate(QuorumConfig qc) {
        DynamicConfig known = configFor(qc);
        membership = known;
        configFile.write(known);
        transport.setPeers(addresses(known));
        LOG.info("Activated configuration {}", qc);
    }

    /**
     * The member addresses of an activated configuration. ActivateConfig may come before the
     * reconfig txn is applied to the tree, so the txn is read from the consensus log first.
     */
    private DynamicConfig configFor(QuorumConfig qc) {
        if (qc.version() == membership.version()) {
            return membership;
        }
        LogEntry entry = node.historyContains(qc.version()) ? node.entry(qc.version()) : null;
        if (entry != null) {
            TxnRecord rec = TxnCodec.decode(entry.payload());
            if (rec.txn() instanceof Txn.Reconfig r) {
                return DynamicConfig.parse(new String(r.configData(), StandardCharsets.UTF_8)).withVersion(qc.version());
            }
        }
        DynamicConfig fromTree = currentTreeConfig();
        if (fromTree != null && fromTree.version() == qc.version()) {
            return fromTree;
        }
        LOG.warn("No addresses known for configuration {}; keeping the members' last known addresses", qc);
        java.util.Map<Long, org.quorumlab.engine.config.QuorumServerSpec> specs = new java.util.TreeMap<>();
        membership.servers().forEach((id, spec) -> {
            if (qc.contains(id)) {
                specs.put(id, spec);
            }
        });
        return new DynamicConfig(qc.version(), specs);
    }

    private DynamicConfig currentTreeConfig() {
        byte[] data = pipeline.appliedConfigData();
        if (data.length == 0) {
            return null;
        }
        return DynamicConfig.parse(new String(data, StandardCharsets.UTF_8));
    }

    private void roleChanged(Action.RoleChanged r) {
        proposed.clear();
        role = r.role();
        leaderId = r.leaderId();
        epoch = r.epoch();
        boolean serving = r.role() != ServerState.LOOKING;
        LOG.info("Server {} is now {} (epoch {}, leader {})", config.serverId(), r.role(), r.epoch(), r.leaderId());
        pipeline.setServing(serving, r.role() == ServerState.LEADING);
        if (serving) {
            pipeline.resumeWhenApplied(node.lastLoggedZxid());
        }
        publish(r);
    }

    private void publish(Object event) {
        LOG.debug("{}", event);
        for (Consumer<Object> sink : eventSinks) {
            sink.accept(event);
        }
    }

    /** The applied tree was snapshotted at {@code zxid}: let the core forget older log entries. */
    public void snapshotTaken(long zxid) {
        pipeline.execute(() -> node.compactLog(zxid));
    }

    // ------------------------------------------------------------ views

    public ServerState role() {
        return role;
    }

    public long leaderId() {
        return leaderId;
    }

    public long epoch() {
        return epoch;
    }

    public DynamicConfig membership() {
        return membership;
    }

    /** Learners connected to this leader (empty unless leading); call on the pipeline thread. */
    public List<org.quorumlab.engine.consensus.LearnerStatus> learners() {
        return node.learners();
    }

    public QuorumTransport transport() {
        return transport;
    }

    /** Teaching mode (slow motion, pause, stepping) of this server's outgoing quorum messages. */
    public TeachingGate teaching() {
        return teaching;
    }

    public static QuorumConfig toQuorumConfig(DynamicConfig c) {
        return QuorumConfig.of(c.version(), c.voters(), c.observers());
    }

    static Map<Long, PeerAddress> addresses(DynamicConfig c) {
        Map<Long, PeerAddress> out = new java.util.HashMap<>();
        c.servers().forEach((id, s) -> out.put(id, new PeerAddress(s.host(), s.quorumPort())));
        return out;
    }

    @Override
    public void close() {
        teaching.close();
        transport.close();
    }

}
