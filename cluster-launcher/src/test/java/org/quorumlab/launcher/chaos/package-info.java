/**
 * Jepsen-style chaos suite on real node processes: {@link org.quorumlab.launcher.chaos.ChaosClient}s
 * (official ZooKeeper client) read, write, compare-and-set registers and use a sequential-node
 * queue while a seeded {@link org.quorumlab.launcher.chaos.Nemesis} kills, restarts, pauses,
 * partitions and reconfigures the launcher's cluster; {@link org.quorumlab.launcher.chaos.ChaosChecker}
 * checks the recorded {@link org.quorumlab.launcher.chaos.History} with the engine's
 * linearizability checker (engine test-jar) plus queue and final-state checks, and
 * {@link org.quorumlab.launcher.chaos.ChaosReport} prints and writes the outcome.
 * Test code only; imports the launcher's public API, its CLI fault command, the official client
 * and {@code org.quorumlab.engine.consensus.lincheck} — never engine internals.
 */
package org.quorumlab.launcher.chaos;
