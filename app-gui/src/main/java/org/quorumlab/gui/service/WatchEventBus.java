package org.quorumlab.gui.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.zookeeper.WatchedEvent;
import org.apache.zookeeper.Watcher;

/**
 * Fan-out of every watch notification the console receives, so the Watches tab can log them.
 * Listeners run on the ZooKeeper event thread and must hand UI work to the TaskExecutor.
 */
public final class WatchEventBus {

    private final List<Consumer<WatchEventRecord>> listeners = new CopyOnWriteArrayList<>();

    /** Registers a listener. */
    public void subscribe(Consumer<WatchEventRecord> listener) {
        listeners.add(listener);
    }

    /** Removes a listener. */
    public void unsubscribe(Consumer<WatchEventRecord> listener) {
        listeners.remove(listener);
    }

    /** Publishes one event. */
    public void publish(WatchedEvent event, long sessionId, String origin) {
        WatchEventRecord r = new WatchEventRecord(Instant.now(), event.getType().name(),
                event.getPath() == null ? "" : event.getPath(), sessionId, event.getState().name(), origin);
        listeners.forEach(l -> l.accept(r));
    }

    /** Wraps {@code delegate} so its events are also published with {@code origin}. */
    public Watcher tap(ZkSession session, String origin, Watcher delegate) {
        return event -> {
            publish(event, session.sessionId(), origin);
            if (delegate != null) {
                delegate.process(event);
            }
        };
    }
}
