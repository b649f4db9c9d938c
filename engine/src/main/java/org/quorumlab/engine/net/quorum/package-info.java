/**
 * Netty implementation of the {@link org.quorumlab.engine.replication.QuorumTransport} port: one
 * length-prefixed TCP stream per ordered pair of servers, opened by the sender and introduced by its
 * server id. Knows nothing of what a frame holds; a frame the receiver rejects closes that one
 * connection. May import {@code replication}, {@code net} and Netty.
 */
package org.quorumlab.engine.net.quorum;
