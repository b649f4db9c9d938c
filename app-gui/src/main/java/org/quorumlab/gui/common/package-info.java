/**
 * Cross-cutting UI plumbing: task executors, themes, icons.
 */
package org.quorumlab.gui.common;
