/**
 * A small in-console load generator over the official ZooKeeper client (async API): a bounded
 * number of clients, a target rate, a read ratio and a client-side balancing policy. Used because
 * the cluster-launcher module has no load generator library ({@code org.quorumlab.launcher.load}).
 * May import the ZooKeeper client and JavaFX properties (ViewModel); no Nodes, no engine classes.
 */
package org.quorumlab.gui.cluster.load;
