/**
 * Export/import of subtrees and whole-tree backup/restore in the quorumlab-tree/1 JSON format.
 */
package org.quorumlab.gui.io;
