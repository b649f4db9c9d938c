package org.quorumlab.launcher.cli;

import java.io.PrintStream;
import java.net.http.WebSocket;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.quorumlab.launcher.admin.AdminRefusedException;
import org.quorumlab.launcher.admin.ClusterEvent;
import org.quorumlab.launcher.cli.AdminEndpoints.Endpoint;

/**
 * {@code quorumlab events (--dir D | --admin host:port[,...]) [--json] [--no-load]}: subscribes to every listed
 * node's {@code /events} WebSocket and prints one line per event, e.g.
 * {@code 12:00:01.234 [2] StateChanged from=FOLLOWING to=LOOKING reason=...}, until Ctrl-C or
 * until every stream has closed. Schema: docs/events.md.
 */
public final class EventsCommand {

    static final String USAGE = """
            usage: quorumlab events (--dir D | --admin host:port[,host:port...]) [--token T | --token-file F] [--json] [--no-load]
              --json      print the raw JSON lines
              --no-load   hide the once-per-second LoadSample events
            """;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private EventsCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length > 0 && args[0].equals("--help")) {
            out.print(USAGE);
            return 0;
        }
        AdminEndpoints.Args a = AdminEndpoints.parse(args, "events");
        boolean json = a.positional().contains("--json");
        boolean noLoad = a.positional().contains("--no-load");
        for (String p : a.positional()) {
            if (!p.equals("--json") && !p.equals("--no-load")) {
                throw new IllegalArgumentException("unexpected argument '" + p + "'\n" + USAGE);
            }
        }
        CountDownLatch open = new CountDownLatch(a.admins().size());
        List<WebSocket> sockets = new ArrayList<>();
        for (Endpoint e : a.admins()) {
            try {
                sockets.add(a.client().events(e.toString(), new Printer(out, err, e, json, noLoad, open))
                        .get(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException ex) {
                if (ex.getCause() instanceof AdminRefusedException refused) {
                    throw refused; // a bad token: one line, exit 2
                }
                err.println("quorumlab events: cannot subscribe to " + e + ": " + ex.getCause().getMessage());
                open.countDown();
            }
        }
        if (sockets.isEmpty()) {
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> sockets.forEach(WebSocket::abort)));
        open.await();
        return 0;
    }

    /** One line for one event: time, server, type, then the remaining fields as key=value. */
    static String format(ClusterEvent e) {
        StringBuilder b = new StringBuilder();
        b.append(TIME.format(Instant.ofEpochMilli(e.ts()))).append(" [")
                .append(e.server() < 0 ? "?" : String.valueOf(e.server())).append("] ").append(e.type());
        e.fields().forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    private static final class Printer implements WebSocket.Listener {
        private final PrintStream out;
        private final PrintStream err;
        private final Endpoint endpoint;
        private final boolean json;
        private final boolean noLoad;
        private final CountDownLatch open;
        private final StringBuilder partial = new StringBuilder();

        Printer(PrintStream out, PrintStream err, Endpoint endpoint, boolean json, boolean noLoad,
                CountDownLatch open) {
            this.out = out;
            this.err = err;
            this.endpoint = endpoint;
            this.json = json;
            this.noLoad = noLoad;
            this.open = open;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String line = partial.toString();
                partial.setLength(0);
                try {
                    ClusterEvent e = ClusterEvent.parse(line);
                    if (!(noLoad && "LoadSample".equals(e.type()))) {
                        synchronized (out) {
                            out.println(json ? line : format(e));
                        }
                    }
                } catch (java.io.IOException ex) {
                    err.println("quorumlab events: bad line from " + endpoint + ": " + line);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            err.println("quorumlab events: " + endpoint + " closed the stream");
            open.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            err.println("quorumlab events: " + endpoint + ": " + error.getMessage());
            open.countDown();
        }
    }
}
