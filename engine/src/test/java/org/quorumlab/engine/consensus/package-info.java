/**
 * Tests of the ZAB core: scripted scenarios, randomized fault schedules on the simulator and
 * linearizability checks. Test code only.
 */
package org.quorumlab.engine.consensus;
