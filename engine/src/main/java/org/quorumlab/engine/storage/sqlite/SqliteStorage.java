package org.quorumlab.engine.storage.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.storage.ChunkedSnapshotOutput;
import org.quorumlab.engine.storage.MetadataStore;
import org.quorumlab.engine.storage.SnapshotStore;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.StorageException;
import org.quorumlab.engine.storage.TxnLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Storage} in one SQLite file, {@code <dataDir>/quorumlab.db}, in WAL mode with {@code synchronous=FULL}.
 *
 * <p>Each store has its own connection, so the log-writer thread and a snapshot thread never share one; SQLite
 * serializes their write transactions (a writer waits up to a minute for the other).
 */
public final class SqliteStorage implements Storage {

    /** Name of the database file inside the data directory. */
    public static final String DB_FILE_NAME = "quorumlab.db";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStorage.class);

    private final Path dbFile;
    private final SqliteTxnLog txnLog;
    private final SqliteSnapshotStore snapshots;
    private final SqliteMetadataStore metadata;

    private SqliteStorage(Path dbFile, SqliteTxnLog txnLog, SqliteSnapshotStore snapshots,
                          SqliteMetadataStore metadata) {
        this.dbFile = dbFile;
        this.txnLog = txnLog;
        this.snapshots = snapshots;
        this.metadata = metadata;
    }

    /**
     * Opens (creating it and the directory if needed) the database of {@code dataDir}.
     *
     * @throws StorageException naming the file if it cannot be created or opened, is not an SQLite database, is
     *                          corrupt, or was written by a newer schema version
     */
    public static SqliteStorage open(Path dataDir) {
        return open(dataDir, ChunkedSnapshotOutput.DEFAULT_CHUNK_BYTES);
    }

    /**
     * Opens the database of {@code dataDir} with snapshots cut into {@code snapshotChunkBytes} chunks. For tests of
     * snapshots that span many chunks; the server uses {@link #open(Path)}.
     */
    public static SqliteStorage open(Path dataDir, int snapshotChunkBytes) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("Cannot create data directory " + dataDir.toAbsolutePath() + ": " + e, e);
        }
        SqliteDatabaseFile file = new SqliteDatabaseFile(dataDir.resolve(DB_FILE_NAME));
        List<SqliteSession> opened = new ArrayList<>();
        try {
            SqliteSession metadataSession = open(file, opened);
            SqliteSchema.ensure(metadataSession, file, snapshotChunkBytes);
            SqliteStorage storage = new SqliteStorage(file.path(),
                    new SqliteTxnLog(open(file, opened), file),
                    new SqliteSnapshotStore(open(file, opened), System::currentTimeMillis, snapshotChunkBytes),
                    new SqliteMetadataStore(metadataSession));
            LOG.info("Opened storage {} (last zxid 0x{})", file.path(), Long.toHexString(storage.txnLog.lastZxid()));
            return storage;
        } catch (RuntimeException e) {
            for (SqliteSession session : opened) {
                SqliteDatabaseFile.closeQuietly(session, e);
            }
            throw e;
        }
    }

    private static SqliteSession open(SqliteDatabaseFile file, List<SqliteSession> opened) {
        SqliteSession session = file.openSession();
        opened.add(session);
        return session;
    }

    /** The database file. */
    public Path dbFile() {
        return dbFile;
    }

    @Override
    public TxnLog txnLog() {
        return txnLog;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public MetadataStore metadata() {
        return metadata;
    }

    /** Closes the three stores (each idempotently), reporting the first failure with the others suppressed. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable store : List.<AutoCloseable>of(txnLog, snapshots, metadata)) {
            try {
                store.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException runtime ? runtime
                            : new StorageException("Cannot close " + dbFile, e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        LOG.debug("Closed storage {}", dbFile);
    }
}
