/**
 * The znode tree: pure in-memory state that applies committed transactions and fires watches.
 * Imports only java.*, the proto records and txn types; no I/O, no threads, no network.
 */
package org.quorumlab.engine.tree;
