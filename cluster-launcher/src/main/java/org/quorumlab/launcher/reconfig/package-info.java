/**
 * Membership changes: the quorum guard (pure) and reconfig through the official ZooKeeperAdmin.
 * May import the official client, {@code .probe}, {@code .state} and {@code org.quorumlab.launcher} records.
 */
package org.quorumlab.launcher.reconfig;
