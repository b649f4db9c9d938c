package org.quorumlab.gui.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.quorumlab.launcher.admin.AdminHttpClient;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reconnecting subscription to one node's {@code /events} WebSocket. Each text message is one
 * JSON event; malformed lines are logged once at debug and skipped.
 */
public final class EventSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventSubscription.class);
    private static final long MIN_BACKOFF_MS = 250;
    private static final long MAX_BACKOFF_MS = 2_000;

    private final AdminHttpClient http;
    private final String endpoint;
    private final URI uri;
    private final Consumer<ClusterEvent> sink;
    private final Consumer<Boolean> connected;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private volatile WebSocket socket;
    private volatile boolean up;
    private long backoffMs = MIN_BACKOFF_MS;

    EventSubscription(AdminHttpClient http, String endpoint, Consumer<ClusterEvent> sink, Consumer<Boolean> connected,
            ScheduledExecutorService scheduler) {
        this.http = http;
        this.endpoint = endpoint;
        this.uri = URI.create("ws://" + endpoint + "/events");
        this.sink = sink;
        this.connected = connected;
        this.scheduler = scheduler;
    }

    /** The {@code ws://} address. */
    public URI uri() {
        return uri;
    }

    /** True while the socket is open. */
    public boolean isConnected() {
        return up;
    }

    void connect() {
        if (closed) {
            return;
        }
        http.events(endpoint, new Listener())
                .whenComplete((ws, e) -> {
                    if (e != null) {
                        LOG.debug("Event stream {} not open: {}", uri, e.getMessage());
                        retry();
                    } else if (closed) {
                        ws.abort();
                    } else {
                        socket = ws;
                        backoffMs = MIN_BACKOFF_MS;
                        setUp(true);
                    }
                });
    }

    private synchronized void retry() {
        setUp(false);
        if (closed) {
            return;
        }
        long delay = backoffMs;
        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the client is closing
        }
    }

    private void setUp(boolean now) {
        if (up != now) {
            up = now;
            connected.accept(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String line = partial.toString();
                partial.setLength(0);
                try {
                    sink.accept(ClusterEvent.parse(line));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("Skipping a bad event line from {}: {}", uri, e.toString());
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            retry();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            LOG.debug("Event stream {} failed: {}", uri, error.toString());
            retry();
        }
    }
}
