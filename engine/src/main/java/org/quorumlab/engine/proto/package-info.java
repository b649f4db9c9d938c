/**
 * The ZooKeeper client wire protocol: the Jute binary codec ({@link org.quorumlab.engine.proto.JuteInput},
 * {@link org.quorumlab.engine.proto.JuteOutput}), one Java record per class of the {@code data} and
 * {@code proto} modules of {@code zookeeper.jute} (3.9.3), and the protocol's constants: op codes,
 * error codes, permissions, create modes, watch event types and states.
 *
 * <p>Owns the byte layout of every client request and reply, byte-for-byte compatible with
 * {@code org.apache.jute.BinaryOutputArchive}. Framing, sessions and request handling live elsewhere.
 * Quorum, transaction-log and snapshot records are not here.
 *
 * <p>Imports only {@code java.*} (no Netty, no JavaFX, no {@code java.net}); buffers are
 * {@code byte[]} and {@link java.nio.ByteBuffer}.
 */
package org.quorumlab.engine.proto;
