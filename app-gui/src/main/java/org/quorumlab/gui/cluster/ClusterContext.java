package org.quorumlab.gui.cluster;

import java.util.List;
import java.util.function.Supplier;
import org.quorumlab.gui.common.TaskExecutor;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.admin.AdminCredentials;

/**
 * What the cluster tab needs from the shell.
 *
 * @param adminEndpoints current {@code host:adminPort} of every node (changes as nodes are added/removed)
 * @param adminCredentials the token those admin servers expect (the cluster's {@code admin.token})
 * @param launcher       the bundled cluster's launcher, or null for an external ensemble (then node
 *                       buttons are hidden: an external ensemble is observed, not managed)
 * @param connectString  client connection string of the ensemble (for the load generator)
 * @param executor       background work
 */
public record ClusterContext(Supplier<List<String>> adminEndpoints, AdminCredentials adminCredentials,
        ClusterLauncher launcher, String connectString, TaskExecutor executor) {
}
