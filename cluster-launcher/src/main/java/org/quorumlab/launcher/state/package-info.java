/**
 * A cluster directory's layout and persisted state ({@code cluster.properties}): engine, ports,
 * members, super password. Pure file I/O; may import only {@code org.quorumlab.launcher} records.
 */
package org.quorumlab.launcher.state;
