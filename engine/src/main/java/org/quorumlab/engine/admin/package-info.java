/**
 * Admin and observability adapter of one server: ZooKeeper-format four-letter words, the HTTP
 * admin server ({@code /commands/<name>} JSON like ZooKeeper's AdminServer), Prometheus
 * {@code /metrics}, the {@code /events} WebSocket stream and fault injection ({@code /faults}).
 * Every HTTP request, WebSocket handshakes included, passes {@link org.quorumlab.engine.admin.AdminAccess}
 * first: bearer token (from {@code admin.tokenFile}) for changes, and for everything beyond loopback;
 * no foreign {@code Origin}; a loopback {@code Host} on a loopback-bound server.
 *
 * <p>Owns nothing the server needs to run: it reads state through {@link org.quorumlab.engine.admin.NodeView},
 * gathers tree-derived values on the pipeline thread with {@code RequestPipeline.query}, observes
 * consensus and session events through non-blocking sinks, and never blocks the pipeline thread
 * (slow event consumers lose events, counted). May import Netty, Jackson and java.net; the core
 * packages must not import this one.
 */
package org.quorumlab.engine.admin;
