/**
 * Replication host: runs the pure consensus core of one server and connects it to the world.
 *
 * <p>Owns {@link org.quorumlab.engine.replication.ZabHost} (steps the core on the server's pipeline
 * thread and carries out its actions), the quorum wire format ({@link
 * org.quorumlab.engine.replication.MessageCodec}, with every packet kind declared once, number,
 * record, name and codec, in {@code PacketKinds}), the {@link
 * org.quorumlab.engine.replication.QuorumTransport} port and its fault rules, teaching-mode gating,
 * durability reports and the dynamic-config file.
 *
 * <p>May import {@code consensus}, {@code proto}, {@code txn}, {@code tree}, {@code snapshot},
 * {@code storage}, {@code config}, {@code server} and SLF4J; never Netty or {@code java.net} (the
 * Netty transport lives in {@code net.quorum}).
 */
package org.quorumlab.engine.replication;
