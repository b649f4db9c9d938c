/**
 * The znode tree: pure in-memory state that applies committed transactions and fires watches.
 * For snapshots it hands out detached images ({@link org.quorumlab.engine.tree.TreeImage}) and builds
 * a tree node by node ({@link org.quorumlab.engine.tree.TreeLoader}); the byte format lives in
 * {@code org.quorumlab.engine.snapshot}. It keeps quota usage current as it applies transactions
 * ({@link org.quorumlab.engine.tree.Quotas}); judging a write against a quota is the request pipeline's
 * job. Imports only java.*, the proto records and txn types; no I/O, no threads, no network.
 */
package org.quorumlab.engine.tree;
