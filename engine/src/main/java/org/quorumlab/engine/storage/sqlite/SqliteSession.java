package org.quorumlab.engine.storage.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quorumlab.engine.storage.StorageException;

/**
 * One JDBC connection with the prepared statements of the store that owns it, reused for the connection's
 * lifetime. Not thread-safe: the owning store confines or synchronizes its use.
 */
final class SqliteSession implements AutoCloseable {

    private final SqliteDatabaseFile file;
    private final Connection connection;
    private final List<PreparedStatement> statements = new ArrayList<>();
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;
    private boolean closed;

    SqliteSession(SqliteDatabaseFile file, Connection connection) {
        this.file = file;
        this.connection = connection;
        try {
            this.begin = prepare("BEGIN IMMEDIATE");
            this.commit = prepare("COMMIT");
            this.rollback = prepare("ROLLBACK");
        } catch (StorageException e) {
            close();
            throw e;
        }
    }

    /** Prepares {@code sql} once; the statement is closed with the session. */
    PreparedStatement prepare(String sql) {
        try {
            PreparedStatement statement = connection.prepareStatement(sql);
            statements.add(statement);
            return statement;
        } catch (SQLException e) {
            throw failure("prepare \"" + sql + "\"", e);
        }
    }

    /**
     * Runs {@code work} in a {@code BEGIN IMMEDIATE} transaction and commits it (fsync'd, since the connection runs
     * with {@code synchronous=FULL}). On any failure rolls back, so nothing of {@code work} becomes visible, and
     * throws: a {@link StorageException} naming the file and {@code action} for SQL errors, the original exception
     * otherwise.
     */
    void inWriteTransaction(String action, SqlWork work) {
        requireOpen();
        try {
            begin.execute();
        } catch (SQLException e) {
            throw failure(action, e);
        }
        try {
            work.run();
            commit.execute();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure(action, e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        }
    }

    /** Executes a one-off statement (DDL, pragma) that is not worth preparing. */
    void execute(String action, String sql) {
        requireOpen();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Runs a read with the file-naming error mapping. */
    <T> T read(String action, SqlRead<T> read) {
        requireOpen();
        try {
            return read.run();
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    /** Returns the single long of a one-column query, or {@code defaultValue} if there is no row or it is NULL. */
    static long queryLong(PreparedStatement query, long defaultValue) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            if (!rows.next()) {
                return defaultValue;
            }
            long value = rows.getLong(1);
            return rows.wasNull() ? defaultValue : value;
        }
    }

    StorageException failure(String action, SQLException cause) {
        return file.failure(action, cause);
    }

    /** Closes the statements and the connection. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        SQLException first = null;
        for (PreparedStatement statement : statements) {
            try {
                statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        try {
            connection.close();
        } catch (SQLException e) {
            first = first == null ? e : first;
        }
        if (first != null) {
            throw failure("close the connection", first);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("SQLite storage " + file.path() + " is closed");
        }
    }

    private void rollbackQuietly(Throwable primary) {
        try {
            rollback.execute();
        } catch (SQLException e) {
            // SQLite may already have rolled back by itself (e.g. after an I/O error); keep the original failure.
            primary.addSuppressed(e);
        }
    }

    /** JDBC work run inside a write transaction. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    /** A JDBC read. */
    @FunctionalInterface
    interface SqlRead<T> {
        T run() throws SQLException;
    }
}
