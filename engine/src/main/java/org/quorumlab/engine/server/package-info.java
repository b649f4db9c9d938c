/**
 * The request pipeline of one server: one handler per opcode ({@link org.quorumlab.engine.server.OpRegistry}),
 * sessions and their housekeeping, watches, the commit applier, and what a follower does while it has no
 * leader ({@link org.quorumlab.engine.server.LeaderWait}). It runs on the server's owner thread.
 */
package org.quorumlab.engine.server;
