/**
 * The Teaching tab: ZAB on the real cluster, slowed down or paused through each member's teaching
 * admin API ({@code /teaching}), with every held message drawn as a moving dot, a per-node state
 * panel, and a recorded timeline that can be scrubbed, replayed, exported and reopened without a
 * cluster. The model ({@link org.quorumlab.gui.teaching.TeachingState}, the pure
 * {@link org.quorumlab.gui.teaching.TeachingReducer}, {@link org.quorumlab.gui.teaching.SessionRecording})
 * is plain Java; ViewModels hold JavaFX properties and no Nodes; views only bind and draw. May import
 * {@code org.quorumlab.gui.admin}, {@code org.quorumlab.gui.cluster} (monitor, layout, roles),
 * {@code org.quorumlab.gui.common} and JavaFX; never {@code org.quorumlab.engine}.
 */
package org.quorumlab.gui.teaching;
