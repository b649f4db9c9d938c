package org.quorumlab.engine.replication;

/** Where a peer's quorum port listens. */
public record PeerAddress(String host, int port) {
}
