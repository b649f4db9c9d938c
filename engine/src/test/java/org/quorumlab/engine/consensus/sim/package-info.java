/**
 * Deterministic in-process simulator for the ZAB core: seeded network with drops, delays,
 * reordering, duplication, cuts and partitions; in-memory disks with asynchronous persistence
 * that crashes can lose; a deterministic replicated register; invariant checks after every step.
 * Test code only; may import the consensus package, java.* and JUnit/AssertJ.
 */
package org.quorumlab.engine.consensus.sim;
