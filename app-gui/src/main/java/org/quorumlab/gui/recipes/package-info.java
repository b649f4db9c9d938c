/**
 * Recipes tab: N simulated clients, each its own Curator session on its own thread, competing for a
 * lock, a leader latch, a distributed queue or watching a shared config node, shown live.
 * Talks to the ensemble only through Curator (never engine internals); the ViewModel is plain Java.
 */
package org.quorumlab.gui.recipes;
