/**
 * Transactions: the deterministic, idempotent state changes that are logged and replicated
 * (never client requests). Imports only java.* and the proto records.
 */
package org.quorumlab.engine.txn;
