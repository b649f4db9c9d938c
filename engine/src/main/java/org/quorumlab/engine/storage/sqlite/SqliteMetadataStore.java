package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.util.Objects;
import org.quorumlab.engine.storage.MetadataStore;

/**
 * {@link MetadataStore} in the {@code metadata} table. Thread-safe: every call holds this object's monitor, which
 * confines its connection.
 */
final class SqliteMetadataStore implements MetadataStore {

    private final SqliteSession session;
    private final PreparedStatement select;
    private final PreparedStatement upsert;

    SqliteMetadataStore(SqliteSession session) {
        this.session = session;
        select = session.prepare("SELECT value FROM metadata WHERE key = ?");
        upsert = session.prepare("INSERT INTO metadata (key, value) VALUES (?, ?) "
                + "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    }

    @Override
    public synchronized long get(String key, long defaultValue) {
        Objects.requireNonNull(key, "key");
        return session.read("read metadata '" + key + "'", () -> {
            select.setString(1, key);
            return SqliteSession.queryLong(select, defaultValue);
        });
    }

    @Override
    public synchronized void put(String key, long value) {
        Objects.requireNonNull(key, "key");
        session.inWriteTransaction("write metadata '" + key + "'", () -> {
            upsert.setString(1, key);
            upsert.setLong(2, value);
            upsert.executeUpdate();
        });
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
