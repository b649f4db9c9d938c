package org.quorumlab.engine.storage.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.quorumlab.engine.storage.Snapshot;
import org.quorumlab.engine.storage.SnapshotStore;

/**
 * {@link SnapshotStore} in the {@code snapshots} table, one row per snapshot. Thread-safe: every call holds this
 * object's monitor, which confines its connection.
 */
final class SqliteSnapshotStore implements SnapshotStore {

    private final SqliteSession session;
    private final LongSupplier wallClockMillis;
    private final PreparedStatement upsert;
    private final PreparedStatement selectLatest;
    private final PreparedStatement deleteOlder;

    SqliteSnapshotStore(SqliteSession session, LongSupplier wallClockMillis) {
        this.session = session;
        this.wallClockMillis = wallClockMillis;
        upsert = session.prepare("INSERT OR REPLACE INTO snapshots (last_zxid, data, created_ms) VALUES (?, ?, ?)");
        selectLatest = session.prepare("SELECT last_zxid, data FROM snapshots ORDER BY last_zxid DESC LIMIT 1");
        deleteOlder = session.prepare("DELETE FROM snapshots WHERE last_zxid NOT IN "
                + "(SELECT last_zxid FROM snapshots ORDER BY last_zxid DESC LIMIT ?)");
    }

    @Override
    public synchronized void save(Snapshot snapshot) {
        session.inWriteTransaction("save the snapshot at zxid 0x" + Long.toHexString(snapshot.lastZxid()), () -> {
            upsert.setLong(1, snapshot.lastZxid());
            upsert.setBytes(2, snapshot.data());
            upsert.setLong(3, wallClockMillis.getAsLong());
            upsert.executeUpdate();
        });
    }

    @Override
    public synchronized Optional<Snapshot> latest() {
        return session.read("read the latest snapshot", () -> {
            try (ResultSet rows = selectLatest.executeQuery()) {
                return rows.next() ? Optional.of(new Snapshot(rows.getLong(1), rows.getBytes(2))) : Optional.empty();
            }
        });
    }

    @Override
    public synchronized void retainLatest(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        session.inWriteTransaction("delete all but the latest " + count + " snapshots", () -> {
            deleteOlder.setInt(1, count);
            deleteOlder.executeUpdate();
        });
    }

    @Override
    public synchronized void close() {
        session.close();
    }
}
