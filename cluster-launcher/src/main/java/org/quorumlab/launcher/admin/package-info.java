/**
 * The one client of a node's admin API ({@code /commands}, {@code /metrics}, {@code /faults},
 * {@code /teaching} and the {@code /events} WebSocket), used by the CLI, the auto-scaler, the
 * benchmarks and the console: it sends the cluster's bearer token and turns every refusal into one
 * clear line. May import the JDK, Jackson, SLF4J, the launcher's public API and
 * {@code org.quorumlab.launcher.state} (a cluster directory's token file); never engine classes.
 */
package org.quorumlab.launcher.admin;
