/**
 * The cluster launcher API the CLI and the GUI call: {@link org.quorumlab.launcher.ClusterLauncher}
 * and its small records; {@code ClusterMembership} does its membership changes (servers and
 * observers by reconfig) and {@code NodeFiles} reads node logs and removes data, {@code Restarts} starts nodes that may have
 * no quorum yet (one node, or the whole cluster at once). Sub-packages: {@code state} (directory layout and persisted state),
 * {@code node} (processes and per-engine configs), {@code probe} (four-letter words, client
 * sessions), {@code reconfig} (quorum guard, ZooKeeperAdmin reconfig), {@code cli} (commands).
 * Talks to nodes only over their client ports and through processes; never imports engine internals.
 */
package org.quorumlab.launcher;
