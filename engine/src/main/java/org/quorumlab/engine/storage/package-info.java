/**
 * Durable storage ports of one server and their in-memory implementation.
 *
 * <p>Owns the contracts {@link org.quorumlab.engine.storage.TxnLog}, {@link org.quorumlab.engine.storage.SnapshotStore},
 * {@link org.quorumlab.engine.storage.MetadataStore} and {@link org.quorumlab.engine.storage.Storage}, the value types
 * {@link org.quorumlab.engine.storage.LogEntry} and {@link org.quorumlab.engine.storage.SnapshotInfo}, the chunked
 * snapshot streams ({@link org.quorumlab.engine.storage.ChunkedSnapshotOutput} cuts and checksums,
 * {@link org.quorumlab.engine.storage.ChunkedSnapshotInput} verifies) shared by every snapshot store, the
 * {@link org.quorumlab.engine.storage.InMemoryStorage} used by tests and the deterministic simulator, and
 * {@link org.quorumlab.engine.storage.GroupCommitLog}, which batches appends of concurrent producers into few fsyncs.
 *
 * <p>Payloads and snapshot data are opaque bytes: this package knows nothing about the data tree, the protocol
 * or the wire format. It may import only {@code java.*} and SLF4J; it must not import Netty, {@code java.net},
 * other QuorumLab packages, or its own {@code sqlite} sub-package.
 */
package org.quorumlab.engine.storage;
