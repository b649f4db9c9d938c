package org.quorumlab.gui.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.gui.admin.EventSubscription;
import org.quorumlab.gui.admin.NodeSnapshot;
import org.quorumlab.gui.common.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an ensemble through its admin API: one reconnecting event subscription per endpoint
 * (events are batched and handed to the UI every {@link #BATCH_MS} ms) and a poll of every
 * endpoint each {@link #POLL_MS} ms (snapshots, or "down" for nodes that stopped answering).
 * The endpoint list is re-read on every poll, so added/removed nodes are picked up.
 */
public final class ClusterMonitor implements AutoCloseable {

    /** Event batching period. */
    public static final long BATCH_MS = 100;
    /** Poll period. */
    public static final long POLL_MS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMonitor.class);

    /** Receives the monitor's output on the UI thread. */
    public interface Listener {
        /** A batch of streamed events, in arrival order. */
        void onEvents(List<ClusterEvent> batch);

        /** One poll round: answering nodes, ids of nodes that did not answer, members known. */
        void onPoll(List<NodeSnapshot> snapshots, Set<Long> down, Set<Long> members);
    }

    private final AdminClient client;
    private final Supplier<List<String>> endpoints;
    private final TaskExecutor executor;
    private final Listener listener;
    private final Map<String, EventSubscription> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, Long> idByEndpoint = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ClusterEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "cluster-monitor");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public ClusterMonitor(AdminClient client, Supplier<List<String>> endpoints, TaskExecutor executor,
            Listener listener) {
        this.client = client;
        this.endpoints = endpoints;
        this.executor = executor;
        this.listener = listener;
    }

    /** Starts subscriptions, polling and batching. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::pollSafely, 0, POLL_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flush, BATCH_MS, BATCH_MS, TimeUnit.MILLISECONDS);
    }

    /** One poll round (blocking); also (un)subscribes endpoints that appeared or vanished. */
    public void pollOnce() {
        List<String> eps = endpoints.get();
        syncSubscriptions(eps);
        List<NodeSnapshot> snaps = new ArrayList<>();
        Set<Long> down = new TreeSet<>();
        Set<Long> members = new TreeSet<>();
        for (String ep : eps) {
            try {
                NodeSnapshot s = client.snapshot(ep);
                snaps.add(s);
                idByEndpoint.put(ep, s.id());
                s.members().forEach(m -> members.add(m.id()));
            } catch (IOException | RuntimeException e) {
                Long id = idByEndpoint.get(ep);
                if (id != null) {
                    down.add(id);
                }
            }
        }
        executor.onUi(() -> listener.onPoll(snaps, down, members));
    }

    private void pollSafely() {
        if (closed) {
            return;
        }
        try {
            pollOnce();
        } catch (RuntimeException e) {
            LOG.debug("Cluster poll failed: {}", e.toString());
        }
    }

    /** Hands the pending events to the listener (UI thread). */
    public void flush() {
        List<ClusterEvent> batch = new ArrayList<>();
        for (ClusterEvent e; (e = pending.poll()) != null;) {
            batch.add(e);
        }
        if (!batch.isEmpty() && !closed) {
            executor.onUi(() -> listener.onEvents(batch));
        }
    }

    private void syncSubscriptions(List<String> eps) {
        for (String ep : eps) {
            subscriptions.computeIfAbsent(ep, e -> client.subscribe(e, ev -> {
                if (ev.type().equals("Hello")) {
                    idByEndpoint.put(e, ev.server());
                }
                pending.add(ev);
            }, up -> LOG.debug("Event stream {} {}", e, up ? "connected" : "lost")));
        }
        for (String ep : List.copyOf(subscriptions.keySet())) {
            if (!eps.contains(ep)) {
                subscriptions.remove(ep).close();
            }
        }
    }

    /** Endpoints with a live event stream. */
    public long connectedStreams() {
        return subscriptions.values().stream().filter(EventSubscription::isConnected).count();
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        subscriptions.values().forEach(EventSubscription::close);
        subscriptions.clear();
    }
}
