/**
 * The console's typed view of a node's admin API: JSON {@code /commands}, Prometheus {@code /metrics},
 * {@code /faults}, {@code /teaching} and the {@code /events} WebSocket (with automatic reconnect).
 * Requests go through the launcher's shared {@code org.quorumlab.launcher.admin.AdminHttpClient}
 * (which carries the cluster's token). Owns no UI; may import only the JDK, Jackson, SLF4J and
 * {@code org.quorumlab.launcher.admin}. Never imports engine classes: it speaks the wire format
 * documented in docs/events.md.
 */
package org.quorumlab.gui.admin;
