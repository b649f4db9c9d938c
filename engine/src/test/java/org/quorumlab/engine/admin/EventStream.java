package org.quorumlab.engine.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test subscriber of one server's {@code /events} WebSocket; queues every JSON line. */
final class EventStream implements AutoCloseable {

    final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    /** Every event received, including those {@link #await} skipped. */
    final List<JsonNode> all = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    EventStream(int adminPort) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + adminPort + "/events"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                JsonNode event = AdminClient.JSON.readTree(partial.toString());
                                all.add(event);
                                events.add(event);
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** Next event matching {@code p}, skipping others; fails after {@code seconds}. */
    JsonNode await(Predicate<JsonNode> p, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonNode e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no matching event within " + seconds + " s");
            }
            if (p.test(e)) {
                return e;
            }
        }
    }

    static Predicate<JsonNode> type(String type) {
        return e -> type.equals(e.path("type").asText());
    }

    @Override
    public void close() {
        socket.abort();
    }
}
