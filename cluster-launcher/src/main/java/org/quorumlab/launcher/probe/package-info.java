/**
 * Talking to running nodes as a client would: four-letter words and official-client sessions.
 * May import the official ZooKeeper client and {@code org.quorumlab.launcher} records.
 */
package org.quorumlab.launcher.probe;
