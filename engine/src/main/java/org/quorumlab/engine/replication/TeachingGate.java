package org.quorumlab.engine.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.quorumlab.engine.consensus.Message;

/**
 * Teaching mode ("slow motion") for one server's outgoing quorum traffic. At slow factor N > 1
 * every message is held for {@code (N-1) * 10} ms before it reaches the transport and the ZAB clock
 * runs N times slower; paused, messages wait until someone steps, releases or drops them and the
 * ZAB clock stands still. Messages to one peer always leave in send order.
 *
 * <p>At factor 1 and not paused, {@link #send} is one volatile read in front of the transport:
 * nothing is held and no event is published. Thread-safe: the pipeline thread sends, the admin
 * thread steers, the scheduler thread releases due messages; the clock and scheduler are injected
 * so tests run without real time.
 */
public final class TeachingGate {

    public static final int MAX_FACTOR = 1000;
    public static final long DELAY_PER_FACTOR_MS = 10;
    static final String DROP_REASON_CLICKED = "clicked";

    /** Hands an encoded frame to the transport; must not block. */
    @FunctionalInterface
    public interface Outlet {
        void send(long to, byte[] frame);
    }

    /** Runs a task once, {@code delayMs} from now, on some thread; must not block the caller. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, long delayMs);
    }

    /** A held message as the admin API shows it; {@code deliverTs} is null while paused. */
    public record Held(long id, long to, String kind, Long zxid, long sentTs, Long deliverTs) {
    }

    /** The speed settings. */
    public record Settings(int slowFactor, boolean paused, long messageDelayMs) {
    }

    /** Settings plus the held messages ordered by id. */
    public record State(Settings settings, List<Held> held) {
    }

    private static final class Entry {
        final long id;
        final long to;
        final String kind;
        final Long zxid;
        final byte[] frame;
        final long sentTs;
        /** When the delay started counting: the send, or the last resume. */
        long countdownFrom;

        Entry(long id, long to, String kind, Long zxid, byte[] frame, long sentTs) {
            this.id = id;
            this.to = to;
            this.kind = kind;
            this.zxid = zxid;
            this.frame = frame;
            this.sentTs = sentTs;
            this.countdownFrom = sentTs;
        }
    }

    private final Outlet outlet;
    private final LongSupplier clock;
    private final Scheduler scheduler;
    private final Consumer<Object> events;
    private final Object lock = new Object();
    private final TreeMap<Long, Entry> held = new TreeMap<>();
    /** Slowed or paused; the only thing the fast path reads. Changes under {@link #lock}. */
    private volatile boolean teaching;
    private int factor = 1;
    private boolean paused;
    private boolean closed;
    private long nextId = 1;
    private long ticks;
    private long armedAt = Long.MAX_VALUE;

    /**
     * @param outlet    where released frames go (the transport)
     * @param clock     epoch milliseconds
     * @param scheduler wakes the gate when the next held message is due
     * @param events    receives {@link TeachingEvent}s; must not block
     */
    public TeachingGate(Outlet outlet, LongSupplier clock, Scheduler scheduler, Consumer<Object> events) {
        this.outlet = outlet;
        this.clock = clock;
        this.scheduler = scheduler;
        this.events = events;
    }

    /** Sends {@code message} to {@code to} now, or holds it while slowed or paused. */
    public void send(long to, Message message) {
        if (!teaching) {
            outlet.send(to, MessageCodec.encode(message));
            return;
        }
        byte[] frame = MessageCodec.encode(message);
        synchronized (lock) {
            if (!teaching || closed) {
                // Speed went back to 1 meanwhile; nothing is held any more, so order is kept.
                outlet.send(to, frame);
                return;
            }
            Entry e = new Entry(nextId++, to, MessageKind.of(message), MessageKind.zxidOf(message), frame,
                    clock.getAsLong());
            held.put(e.id, e);
            events.accept(new TeachingEvent.MessageSent(e.id, e.to, e.kind, e.zxid, deliverTs(e)));
            arm(e.sentTs);
        }
    }

    /** Whether this real tick reaches the consensus core: every N-th while slowed, none while paused. */
    public boolean admitTick() {
        if (!teaching) {
            return true;
        }
        synchronized (lock) {
            if (paused) {
                return false;
            }
            return ++ticks % factor == 0;
        }
    }

    /** Slowed or paused: wall-clock timeouts (session expiry) must not fire. */
    public boolean isTeaching() {
        return teaching;
    }

    /**
     * Sets the slow factor; held messages are re-timed to the new delay.
     *
     * @throws IllegalArgumentException unless 1 &lt;= factor &lt;= {@value #MAX_FACTOR}
     */
    public Settings setSpeed(int slowFactor) {
        if (slowFactor < 1 || slowFactor > MAX_FACTOR) {
            throw new IllegalArgumentException("factor must be an integer within 1.." + MAX_FACTOR + ", got "
                    + slowFactor);
        }
        synchronized (lock) {
            factor = slowFactor;
            ticks = 0;
            return changed();
        }
    }

    /** Holds every message until stepped, released or dropped; stops the ZAB clock. */
    public Settings pause() {
        synchronized (lock) {
            paused = true;
            return changed();
        }
    }

    /** Leaves pause; held messages wait the current delay counted from now. */
    public Settings resume() {
        synchronized (lock) {
            if (paused) {
                paused = false;
                long now = clock.getAsLong();
                held.values().forEach(e -> e.countdownFrom = now);
            }
            return changed();
        }
    }

    /** Delivers the oldest held message now; empty when nothing is held. */
    public Optional<Held> step() {
        synchronized (lock) {
            if (held.isEmpty()) {
                return Optional.empty();
            }
            Entry e = held.firstEntry().getValue();
            Held view = view(e);
            releaseThrough(e);
            return Optional.of(view);
        }
    }

    /** Delivers message {@code id} now, after any older message held for the same peer; empty if unknown. */
    public Optional<Held> release(long id) {
        synchronized (lock) {
            Entry e = held.get(id);
            if (e == null) {
                return Optional.empty();
            }
            Held view = view(e);
            releaseThrough(e);
            return Optional.of(view);
        }
    }

    /** Discards message {@code id}; empty if unknown. */
    public Optional<Held> drop(long id) {
        synchronized (lock) {
            Entry e = held.remove(id);
            if (e == null) {
                return Optional.empty();
            }
            events.accept(new TeachingEvent.MessageDropped(e.id, e.to, e.kind, DROP_REASON_CLICKED));
            return Optional.of(view(e));
        }
    }

    public Settings settings() {
        synchronized (lock) {
            return new Settings(factor, paused, delayMs());
        }
    }

    public State state() {
        synchronized (lock) {
            List<Held> out = new ArrayList<>(held.size());
            held.values().forEach(e -> out.add(view(e)));
            return new State(new Settings(factor, paused, delayMs()), List.copyOf(out));
        }
    }

    /** Forgets held messages and sends nothing more through the gate's hold path (server stopping). */
    public void close() {
        synchronized (lock) {
            closed = true;
            held.clear();
        }
    }

    // ------------------------------------------------------------ under lock

    private Settings changed() {
        teaching = factor > 1 || paused;
        Settings s = new Settings(factor, paused, delayMs());
        events.accept(new TeachingEvent.TeachingChanged(s.slowFactor(), s.paused(), s.messageDelayMs()));
        long now = clock.getAsLong();
        releaseDue(now);
        arm(now);
        return s;
    }

    private long delayMs() {
        return (factor - 1) * DELAY_PER_FACTOR_MS;
    }

    private Long deliverTs(Entry e) {
        return paused ? null : e.countdownFrom + delayMs();
    }

    private Held view(Entry e) {
        return new Held(e.id, e.to, e.kind, e.zxid, e.sentTs, deliverTs(e));
    }

    private void releaseDue(long now) {
        if (paused) {
            return;
        }
        for (Entry e : List.copyOf(held.values())) {
            // Back at real time everything leaves at once, even if the clock stepped backwards.
            if (held.containsKey(e.id) && (!teaching || e.countdownFrom + delayMs() <= now)) {
                releaseThrough(e);
            }
        }
    }

    /** Per-link FIFO: older messages to the same peer leave first. */
    private void releaseThrough(Entry target) {
        for (Entry e : List.copyOf(held.headMap(target.id, true).values())) {
            if (e.to == target.to) {
                held.remove(e.id);
                outlet.send(e.to, e.frame);
                events.accept(new TeachingEvent.MessageDelivered(e.id, e.to, e.kind));
            }
        }
    }

    /** Makes sure the scheduler wakes the gate when the earliest held message is due. */
    private void arm(long now) {
        if (paused || closed || held.isEmpty()) {
            return;
        }
        long earliest = Long.MAX_VALUE;
        for (Entry e : held.values()) {
            earliest = Math.min(earliest, e.countdownFrom + delayMs());
        }
        if (earliest < armedAt) {
            armedAt = earliest;
            scheduler.schedule(this::wake, Math.max(0, earliest - now));
        }
    }

    private void wake() {
        synchronized (lock) {
            armedAt = Long.MAX_VALUE;
            if (closed) {
                return;
            }
            long now = clock.getAsLong();
            releaseDue(now);
            arm(now);
        }
    }
}
