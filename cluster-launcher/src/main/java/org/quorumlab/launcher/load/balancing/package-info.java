/**
 * Client-side load-balancing policies of the load generator: random, round-robin, least response
 * time (latency EWMA), least outstanding requests and weighted random, behind the one-method
 * {@link org.quorumlab.launcher.load.balancing.BalancingPolicy}. Pure: no I/O, no ZooKeeper
 * client; imports only the JDK.
 */
package org.quorumlab.launcher.load.balancing;
