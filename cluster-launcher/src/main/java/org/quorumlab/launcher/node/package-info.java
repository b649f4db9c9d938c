/**
 * Node processes: per-engine config files and command lines, spawning JVMs, PID files, liveness.
 * May import {@code org.quorumlab.launcher} records and {@code .state}; never the engine's internals.
 */
package org.quorumlab.launcher.node;
