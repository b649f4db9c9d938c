/**
 * The QuorumLab console (JavaFX, MVVM). Speaks to ensembles only through the official ZooKeeper
 * client and the admin API; never imports engine internals.
 */
package org.quorumlab.gui;
