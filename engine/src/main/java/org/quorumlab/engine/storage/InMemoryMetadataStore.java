package org.quorumlab.engine.storage;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** {@link MetadataStore} held in memory; see {@link InMemoryTxnLog} for the crash semantics. Thread-safe. */
public final class InMemoryMetadataStore implements MetadataStore {

    private final Map<String, Long> values = new HashMap<>();

    @Override
    public synchronized long get(String key, long defaultValue) {
        return values.getOrDefault(Objects.requireNonNull(key, "key"), defaultValue);
    }

    @Override
    public synchronized void put(String key, long value) {
        values.put(Objects.requireNonNull(key, "key"), value);
    }

    /** Keeps the values: see {@link InMemoryTxnLog}. */
    @Override
    public void close() {
        // Nothing to release.
    }
}
