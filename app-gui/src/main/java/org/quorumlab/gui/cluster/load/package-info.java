/**
 * Console controls for the launcher's load generator ({@code org.quorumlab.launcher.load}): clients,
 * target rate, read ratio and balancing policy, start/stop and a live status line. The generator
 * itself (sessions, pacing, per-server distribution, policies) lives in cluster-launcher; this package
 * only holds its ViewModel and View. May import the launcher's load API and JavaFX; no engine classes.
 */
package org.quorumlab.gui.cluster.load;
