/**
 * Pure, deterministic ZAB consensus core: fast leader election, discovery, synchronisation
 * (DIFF/TRUNC/SNAP), broadcast, observers and dynamic reconfiguration.
 *
 * <p>Owns the protocol state machine of one server ({@link org.quorumlab.engine.consensus.ZabNode}).
 * The host feeds it inputs ({@code step}, {@code tick}, {@code persisted}, {@code propose} ...) and
 * drains {@link org.quorumlab.engine.consensus.Actions} (messages to send, entries to persist,
 * entries to apply, events). The core never touches the network, the disk, threads or a clock, and
 * has no randomness, so every run is reproducible.
 *
 * <p>May import: {@code java.*} only. Must not import other QuorumLab packages, Netty, SLF4J,
 * {@code java.net}, {@code java.util.concurrent} or {@code java.util.Random}.
 */
package org.quorumlab.engine.consensus;
