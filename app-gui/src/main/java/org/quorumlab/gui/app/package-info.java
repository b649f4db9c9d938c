/**
 * Application shell: entry point, main window, toolbar, status bar, connection banner and bundled-cluster startup. May import every other gui package; never engine internals.
 */
package org.quorumlab.gui.app;
