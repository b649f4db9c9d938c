/**
 * JMH micro-benchmarks of the engine's hot paths: Jute codec, {@code DataTree} operations,
 * {@code TxnCodec} and the SQLite group-commit log. Not tests: no JUnit annotations and no class
 * name ending in {@code Test}, so {@code mvn verify} compiles but never runs them. Run with
 * {@code bench/jmh.sh} (or {@link org.quorumlab.engine.jmh.JmhMain} on the test class path).
 * May import any engine package.
 */
package org.quorumlab.engine.jmh;
