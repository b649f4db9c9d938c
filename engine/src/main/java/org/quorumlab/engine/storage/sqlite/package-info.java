/**
 * SQLite implementation of the storage ports, one {@code quorumlab.db} file per server data directory.
 *
 * <p>Owns the schema ({@code txnlog_batches} with one row per appended batch, {@code snapshot_headers} and
 * {@code snapshot_chunks}, {@code metadata}, {@code storage_info}) and its migration from older versions, the
 * connection settings (WAL journal, {@code synchronous=FULL} so every commit is fsync'd, {@code BEGIN IMMEDIATE}
 * write transactions) and the mapping of {@link java.sql.SQLException} to
 * {@link org.quorumlab.engine.storage.StorageException}. Each store has its own JDBC connection: the transaction log's
 * is confined to its owner thread, the snapshot and metadata stores guard theirs with their monitor.
 *
 * <p>May import {@code java.*}, {@code java.sql}, the sqlite-jdbc driver (through JDBC only), SLF4J and
 * {@code org.quorumlab.engine.storage}; nothing else.
 */
package org.quorumlab.engine.storage.sqlite;
