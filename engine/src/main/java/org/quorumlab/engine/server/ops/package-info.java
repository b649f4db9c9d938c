/**
 * One handler per ZooKeeper opcode, registered in {@link org.quorumlab.engine.server.OpRegistry}.
 * Imports only java.*, proto, tree, txn, auth and the server's handler contracts.
 */
package org.quorumlab.engine.server.ops;
