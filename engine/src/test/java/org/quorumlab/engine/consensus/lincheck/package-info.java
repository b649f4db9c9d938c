/**
 * Linearizability checking (Wing &amp; Gong search with Lowe's memoization of (linearized set,
 * state) pairs) for histories of a versioned register: read, write, compare-and-set(version).
 * Test code only; imports java.* only.
 */
package org.quorumlab.engine.consensus.lincheck;
