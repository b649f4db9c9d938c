package org.quorumlab.engine.tree;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text of a quota's {@code zookeeper_limits} and {@code zookeeper_stats} nodes, read and written exactly as
 * ZooKeeper 3.9.3's {@code org.apache.zookeeper.StatsTrack} does. Read: {@code key=value} pairs separated by runs
 * of {@code ,} and {@code ;}; an empty value, or a key not present, reads as -1. Written:
 * {@code count=C,bytes=B}, then, when any other key is present, {@code =} and {@code ;key=value} for each other
 * key in key order, e.g. {@code count=-1,bytes=-1=;byteHardLimit=20;countHardLimit=4}. Immutable.
 *
 * <p>ZooKeeper's server throws on a pair without {@code =} or with a value that is not a number (a client can write
 * anything into these nodes); here such a pair is skipped, so applying a transaction never fails on it.
 */
public final class StatsTrack {

    public static final String COUNT = "count";
    public static final String BYTES = "bytes";
    public static final String COUNT_HARD_LIMIT = "countHardLimit";
    public static final String BYTE_HARD_LIMIT = "byteHardLimit";

    private static final Pattern PAIRS_SEPARATOR = Pattern.compile("[,;]+");

    private final Map<String, Long> values;

    private StatsTrack(Map<String, Long> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** A stats record as ZooKeeper's DataTree writes one for a subtree: count and bytes only. */
    public static StatsTrack of(long count, long bytes) {
        return new StatsTrack(Map.of(COUNT, count, BYTES, bytes));
    }

    /** Reads a node's data; null or empty data has no keys. */
    public static StatsTrack parse(byte[] data) {
        Map<String, Long> values = new TreeMap<>();
        String text = data == null ? "" : new String(data, StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            for (String pair : PAIRS_SEPARATOR.split(text)) {
                String[] kv = pair.split("=");
                if (kv.length < 2) {
                    continue;
                }
                try {
                    values.put(kv[0], kv[1].isEmpty() ? -1 : Long.parseLong(kv[1]));
                } catch (NumberFormatException e) {
                    // skipped: see the class comment
                }
            }
        }
        return new StatsTrack(values);
    }

    public long count() {
        return get(COUNT);
    }

    public long bytes() {
        return get(BYTES);
    }

    public long countHardLimit() {
        return get(COUNT_HARD_LIMIT);
    }

    public long byteHardLimit() {
        return get(BYTE_HARD_LIMIT);
    }

    /** The value of {@code key}, -1 when absent. */
    public long get(String key) {
        Long v = values.get(key);
        return v == null ? -1 : v;
    }

    /** This record with count and bytes moved by the given amounts (ZooKeeper's DataTree.updateQuotaStat). */
    public StatsTrack plus(long countDiff, long bytesDiff) {
        Map<String, Long> next = new TreeMap<>(values);
        next.put(COUNT, count() + countDiff);
        next.put(BYTES, bytes() + bytesDiff);
        return new StatsTrack(next);
    }

    public byte[] encode() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(COUNT).append('=').append(count()).append(',')
                .append(BYTES).append('=').append(bytes());
        boolean first = true;
        for (Map.Entry<String, Long> e : values.entrySet()) {
            if (e.getKey().equals(COUNT) || e.getKey().equals(BYTES)) {
                continue;
            }
            if (first) {
                b.append('=');
                first = false;
            }
            b.append(';').append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatsTrack other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
