/**
 * The live cluster view: diagram, node and fault actions, election timeline, charts, event log.
 * MVVM: {@code *ViewModel} classes hold JavaFX properties and no Nodes and are fed by
 * {@link org.quorumlab.gui.cluster.ClusterMonitor} (admin API polling and event streams); views
 * ({@code ClusterDiagram}, {@code TimelineView}, ...) only bind and draw. May import
 * {@code org.quorumlab.gui.admin}, {@code org.quorumlab.gui.common}, the launcher API and JavaFX;
 * never {@code org.quorumlab.engine}.
 */
package org.quorumlab.gui.cluster;
