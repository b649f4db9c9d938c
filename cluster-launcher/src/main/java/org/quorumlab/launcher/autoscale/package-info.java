/**
 * Auto-scaling: pure {@link org.quorumlab.launcher.autoscale.ScalingPolicy} decision functions
 * (load-based, failure-based, target size; parameters parsed by
 * {@link org.quorumlab.launcher.autoscale.AutoScalerSpec#parse}) and the
 * {@link org.quorumlab.launcher.autoscale.AutoScaler} controller that observes a cluster through a
 * {@link org.quorumlab.launcher.autoscale.ClusterActuator} and applies one decision at a time.
 * Policies and observations import only the JDK; the controller, meters and
 * {@link org.quorumlab.launcher.autoscale.LauncherActuator} may import {@code org.quorumlab.launcher}
 * (public API only), {@code org.quorumlab.launcher.load}, {@code org.quorumlab.launcher.admin} (the admin
 * client) and Jackson. Never the engine or the CLI.
 */
package org.quorumlab.launcher.autoscale;
