/**
 * Watches tab: the console's own watches, the fired-event log, and server-side watches from wchc/wchp.
 */
package org.quorumlab.gui.watches;
