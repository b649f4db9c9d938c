package org.quorumlab.engine.admin;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out of one server's events to stream subscribers. Producers (the pipeline thread, the load
 * sampler, fault commands) call {@link #publish}, which only counts and, when someone listens,
 * offers to a bounded queue: it never blocks and never encodes. One daemon thread (started with
 * the first subscriber) encodes each event once and offers the line to every subscriber; a full
 * queue or a subscriber that cannot keep up loses events, counted in {@link #dropped()}.
 */
public final class EventHub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    static final int QUEUE_CAPACITY = 16_384;

    private record Envelope(long ts, Object event) {
    }

    private final ConsensusCounters counters = new ConsensusCounters();
    private final EventJson json;
    private final BlockingQueue<Envelope> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<EventSubscriber, AtomicLong> subscribers = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder delivered = new LongAdder();
    private final Thread publisher;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean running = true;

    public EventHub(long serverId) {
        this.json = new EventJson(serverId);
        this.publisher = new Thread(this::run, "admin-events-" + serverId);
        publisher.setDaemon(true);
    }

    /** Accepts a consensus event, role change, session event or a field map with a {@code type}. */
    public void publish(Object event) {
        long now = System.currentTimeMillis();
        counters.observe(event, now);
        if (!subscribers.isEmpty() && !queue.offer(new Envelope(now, event))) {
            dropped.increment();
        }
    }

    /** Adds a subscriber; {@code hello} (a field map with a {@code type}) is sent to it first. */
    public void subscribe(EventSubscriber s, Map<String, Object> hello) {
        if (started.compareAndSet(false, true)) {
            publisher.start();
        }
        s.offer(json.encode(System.currentTimeMillis(), hello));
        subscribers.put(s, new AtomicLong());
    }

    public void unsubscribe(EventSubscriber s) {
        subscribers.remove(s);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Events lost because the queue or a subscriber was full. */
    public long dropped() {
        return dropped.sum();
    }

    public long delivered() {
        return delivered.sum();
    }

    public ConsensusCounters counters() {
        return counters;
    }

    /** Subscribers and how many events each lost, for /commands/event_stream. */
    Map<String, Long> subscriberDrops() {
        Map<String, Long> out = new java.util.TreeMap<>();
        subscribers.forEach((s, n) -> out.put(s.toString(), n.get()));
        return out;
    }

    private void run() {
        while (running) {
            Envelope e;
            try {
                e = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ex) {
                return;
            }
            if (e == null) {
                continue;
            }
            String line;
            try {
                line = json.encode(e.ts(), e.event());
            } catch (RuntimeException ex) {
                LOG.warn("Cannot encode event {}: {}", e.event(), ex.toString());
                continue;
            }
            for (Map.Entry<EventSubscriber, AtomicLong> s : Set.copyOf(subscribers.entrySet())) {
                if (s.getKey().offer(line)) {
                    delivered.increment();
                } else {
                    s.getValue().incrementAndGet();
                    dropped.increment();
                }
            }
        }
    }

    @Override
    public void close() {
        running = false;
        publisher.interrupt();
        subscribers.clear();
    }
}
