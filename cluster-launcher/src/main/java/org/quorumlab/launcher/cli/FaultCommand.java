package org.quorumlab.launcher.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.quorumlab.launcher.cli.AdminEndpoints.Endpoint;

/**
 * {@code quorumlab fault partition|drop|delay|heal|show ... (--dir D | --admin host:port[,...] --token T)}: fault
 * injection through the nodes' admin API, inside QuorumLab's transport (no root needed).
 * Partition and heal go to every listed node (each cuts its own outgoing links); {@code A->B}
 * faults change node A's link to B and so go to A's admin port.
 */
public final class FaultCommand {

    static final String USAGE = """
            usage: quorumlab fault <action> (--dir D | --admin host:port[,host:port...]) [--token T | --token-file F]
              partition 1,2|3     nodes 1,2 and node 3 stop hearing each other (send to every node)
              drop 1->2 30%       node 1 drops 30% of its messages to node 2
              delay 2->3 200ms    node 2 delays its messages to node 3 by 200 ms
              heal                remove every fault on the listed nodes
              show                print the faults active on the listed nodes
            --dir D reads the admin token from D/admin.token; with --admin give it with --token or --token-file
            """;

    private FaultCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("--help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        AdminEndpoints.Args a = AdminEndpoints.parse(args, "fault");
        List<String> p = a.positional();
        String action = p.get(0);
        switch (action) {
            case "partition" -> {
                String groups = arg(p, 1, "partition needs groups like 1,2|3");
                for (Endpoint e : a.admins()) {
                    print(out, e, a.client().post(e.toString(), "/faults/partition", Map.of("groups", groups)));
                }
            }
            case "drop" -> {
                Link l = Link.parse(arg(p, 1, "drop needs A->B"));
                String percent = arg(p, 2, "drop needs a percentage, e.g. 30%").replace("%", "");
                Endpoint e = find(a, l.from());
                print(out, e, a.client().post(e.toString(), "/faults/drop",
                        Map.of("to", Long.toString(l.to()), "percent", percent)));
            }
            case "delay" -> {
                Link l = Link.parse(arg(p, 1, "delay needs A->B"));
                String ms = arg(p, 2, "delay needs a duration, e.g. 200ms").replace("ms", "");
                Endpoint e = find(a, l.from());
                print(out, e, a.client().post(e.toString(), "/faults/delay", Map.of("to", Long.toString(l.to()), "ms", ms)));
            }
            case "heal" -> {
                for (Endpoint e : a.admins()) {
                    print(out, e, a.client().post(e.toString(), "/faults/heal", Map.of()));
                }
            }
            case "show" -> {
                for (Endpoint e : a.admins()) {
                    print(out, e, a.client().getJson(e.toString(), "/faults"));
                }
            }
            default -> {
                err.println("quorumlab fault: unknown action '" + action + "'");
                err.print(USAGE);
                return 2;
            }
        }
        return 0;
    }

    /** {@code A->B}: A's outgoing link to B. */
    record Link(long from, long to) {
        static Link parse(String s) {
            String[] parts = s.split("->");
            try {
                if (parts.length == 2) {
                    return new Link(Long.parseLong(parts[0].trim()), Long.parseLong(parts[1].trim()));
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw new IllegalArgumentException("expected a link like 1->2, got '" + s + "'");
        }
    }

    private static Endpoint find(AdminEndpoints.Args a, long serverId) throws Exception {
        for (Endpoint e : a.admins()) {
            if (AdminEndpoints.serverId(a.client(), e) == serverId) {
                return e;
            }
        }
        throw new IllegalArgumentException("none of the --admin endpoints " + a.admins() + " is server " + serverId
                + "; list server " + serverId + "'s admin port");
    }

    private static String arg(List<String> p, int i, String missing) {
        if (p.size() <= i) {
            throw new IllegalArgumentException(missing);
        }
        return p.get(i);
    }

    private static void print(PrintStream out, Endpoint e, JsonNode state) {
        out.println("server " + state.path("server").asText("?") + " (" + e + "): blocked=" + state.get("blocked")
                + " drop%=" + state.get("dropPercent") + " delayMs=" + state.get("delayMs"));
    }
}
