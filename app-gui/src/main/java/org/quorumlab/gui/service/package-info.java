/**
 * ZooKeeper-facing services: session with reconnect, node operations, node kinds, four-letter words, watch event bus. No JavaFX scene classes.
 */
package org.quorumlab.gui.service;
