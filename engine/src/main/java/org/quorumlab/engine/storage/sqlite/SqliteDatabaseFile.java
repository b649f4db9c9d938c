package org.quorumlab.engine.storage.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.quorumlab.engine.storage.StorageException;

/**
 * One SQLite database file: opens configured connections to it and turns {@link SQLException}s into
 * {@link StorageException}s that name the file.
 */
final class SqliteDatabaseFile {

    /** How long a writer waits for another connection's write transaction (e.g. a large snapshot) to finish. */
    private static final int BUSY_TIMEOUT_MS = 60_000;

    private final Path file;

    SqliteDatabaseFile(Path file) {
        this.file = file.toAbsolutePath();
    }

    Path path() {
        return file;
    }

    /** Opens a {@link SqliteSession} on a new configured connection. */
    SqliteSession openSession() {
        return new SqliteSession(this, connect());
    }

    /**
     * Opens a connection in autocommit mode with WAL journaling and {@code synchronous=FULL}, and checks that the
     * file is a readable SQLite database.
     */
    private Connection connect() {
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw failure("open the database", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MS);
            String journalMode = querySingleString(statement, "PRAGMA journal_mode=WAL");
            if (!"wal".equals(journalMode.toLowerCase(Locale.ROOT))) {
                throw new StorageException("SQLite storage " + file + ": cannot enable WAL, journal_mode is "
                        + journalMode);
            }
            statement.execute("PRAGMA synchronous=FULL");
            // Reads the schema: fails here, not later, if the file is not a database or its schema is corrupt.
            querySingleString(statement, "SELECT count(*) FROM sqlite_schema");
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection, e);
            throw failure("open the database", e);
        } catch (RuntimeException e) {
            closeQuietly(connection, e);
            throw e;
        }
    }

    StorageException failure(String action, SQLException cause) {
        return new StorageException("SQLite storage " + file + ": cannot " + action + ": " + cause.getMessage(), cause);
    }

    static void closeQuietly(AutoCloseable resource, Throwable primary) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            primary.addSuppressed(e);
        }
    }

    private static String querySingleString(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            if (!rows.next()) {
                throw new SQLException("no result for " + sql);
            }
            return rows.getString(1);
        }
    }
}
