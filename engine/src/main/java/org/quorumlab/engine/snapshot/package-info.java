/**
 * The snapshot format: a whole data tree as a byte stream and back. {@link
 * org.quorumlab.engine.snapshot.TreeSnapshotCodec} writes a {@link org.quorumlab.engine.tree.TreeImage} to an
 * {@link java.io.OutputStream} a node at a time and reads a stream into a tree a node at a time, so neither side
 * holds the serialised snapshot as a whole; where the bytes go (chunk rows in SQLite, a quorum message) is the
 * caller's business.
 *
 * <p>This is the tree's serialisation split off from {@code tree}, which must stay free of {@code java.io}. May
 * import {@code java.*}, {@code org.quorumlab.engine.tree} and {@code org.quorumlab.engine.proto}; nothing else
 * (no storage, no server, no network).
 */
package org.quorumlab.engine.snapshot;
