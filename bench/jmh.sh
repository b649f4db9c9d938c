#!/usr/bin/env bash
# Runs the engine's JMH micro-benchmarks (engine/src/test/java/org/quorumlab/engine/jmh).
#   bench/jmh.sh                       all benchmarks, default iterations (~3 min)
#   bench/jmh.sh -f 1 -wi 1 -i 3 Jute  quick run of the benchmarks matching "Jute"
#   bench/jmh.sh -rf json -rff bench/jmh-result.json   machine-readable results
# Arguments are org.openjdk.jmh.Main's (see -h). JMH is a test-scoped dependency of the engine, so
# `mvn verify` compiles the benchmarks but never runs them.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -q -B -pl engine -am install -DskipTests >&2
CP_FILE="$ROOT/engine/target/jmh-classpath.txt"
mvn -q -B -pl engine dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$ROOT/engine/target/test-classes:$ROOT/engine/target/classes:$(cat "$CP_FILE")" \
  org.quorumlab.engine.jmh.JmhMain "$@"
