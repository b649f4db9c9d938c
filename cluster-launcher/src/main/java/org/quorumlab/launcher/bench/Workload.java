package org.quorumlab.launcher.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The workloads of the throughput suite, in the order they run. */
public enum Workload {
    WRITE("write", "100% setData"),
    READ("read", "100% getData"),
    MIXED("mixed", "90% getData / 10% setData"),
    CHURN("churn", "create + delete of ephemerals"),
    WATCH("watch", "watch fan-out: notification latency");

    private final String cliName;
    private final String description;

    Workload(String cliName, String description) {
        this.cliName = cliName;
        this.description = description;
    }

    public String cliName() {
        return cliName;
    }

    public String description() {
        return description;
    }

    /** Parses {@code write,read,...} or {@code all}. */
    public static List<Workload> parseList(String text) {
        if (text.equalsIgnoreCase("all")) {
            return List.of(values());
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(Workload::parse).toList();
    }

    /** One workload by its command-line name. */
    public static Workload parse(String name) {
        for (Workload w : values()) {
            if (w.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (write, read, mixed, churn, watch, all)");
    }
}
