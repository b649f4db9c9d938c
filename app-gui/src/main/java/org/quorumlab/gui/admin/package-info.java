/**
 * Client of a node's admin HTTP server: JSON {@code /commands}, Prometheus {@code /metrics},
 * {@code /faults}, and the {@code /events} WebSocket (with automatic reconnect). Owns no UI; may
 * import only the JDK, Jackson and SLF4J. Never imports engine classes: it speaks the wire format
 * documented in docs/events.md.
 */
package org.quorumlab.gui.admin;
