#!/usr/bin/env bash
# Console tree benchmark: first level and the expansion of /big with 100,000 children, measured at
# ViewModel level (TreeViewModel) with the real ZooKeeper client; prints median / p90 / max.
#   bench/tree.sh                                   in-process QuorumLab server, 100,000 children, 15 iterations
#   bench/tree.sh --connect 127.0.0.1:2181          against any running server (creates /big if absent)
#   bench/tree.sh --children 20000 --iterations 5 --warmup 1
#   bench/tree.sh --fx                              the same expansion in a real JavaFX TreeView (headless
#                                                   Monocle): longest FX frame gap and time to first rows
# The benchmark lives in app-gui's test sources (org.quorumlab.gui.bench.TreeBench), so `mvn verify`
# compiles it but never runs it. MVN_FLAGS is passed to Maven (e.g. MVN_FLAGS=-o to stay offline).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
CP_FILE="$ROOT/app-gui/target/bench-classpath.txt"
# test-compile in one reactor run so the sibling modules resolve to their target/classes (nothing installed)
mvn -q -B ${MVN_FLAGS:-} -pl app-gui -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$CP_FILE" >&2
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g ${QUORUMLAB_JAVA_OPTS:-} \
  -Dtestfx.headless=true -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dprism.text=t2k -Djava.awt.headless=true \
  -cp "$ROOT/app-gui/target/test-classes:$ROOT/app-gui/target/classes:$(cat "$CP_FILE")" \
  org.quorumlab.gui.bench.TreeBench "$@"
