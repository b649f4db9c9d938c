package org.quorumlab.gui.cluster;

/** The live charts, each with the lines it draws. */
public enum Metric {
    OPS("ops/s", "read", "write"),
    LATENCY("latency (ms)", "p50", "p99"),
    OUTSTANDING("outstanding requests", "outstanding"),
    CONNECTIONS("connections", "connections"),
    ZNODES("znodes", "znodes");

    private final String title;
    private final String[] lines;

    Metric(String title, String... lines) {
        this.title = title;
        this.lines = lines;
    }

    public String title() {
        return title;
    }

    /** Line names in the single-node or total view. */
    public String[] lines() {
        return lines.clone();
    }
}
