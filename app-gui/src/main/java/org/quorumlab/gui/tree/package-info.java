/**
 * Lazy ZNode tree: ViewModel of node models loaded on demand with live updates through watches, sort, search, and its view.
 */
package org.quorumlab.gui.tree;
