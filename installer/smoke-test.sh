#!/usr/bin/env bash
# Smoke test of the installer: builds with -Pinstaller (where a JDK with jpackage exists), then checks
# the app image and, when built, the .deb. Exits 0 with "SKIPPED" when jpackage is missing.
#   installer/smoke-test.sh              build, then check
#   installer/smoke-test.sh --no-build   check what target/jpackage already holds
# Checks:
#   - bin/quorumlab and bin/quorumlab-cli launchers, lib/app/quorumlab.cfg names org.quorumlab.gui.Launcher
#   - the bundled runtime: lib/runtime/bin/java -version (the nodes of the bundled cluster run on it)
#   - bin/quorumlab-cli --help, and a real 3-node cluster started by bin/quorumlab-cli with no JDK,
#     JAVA_HOME or Maven in the environment (the console's bundled mode starts nodes the same way)
#   - bin/quorumlab --version, only if the console supports that flag (otherwise the GUI is not run)
#   - the .deb: package name/version, /opt/quorumlab/bin/quorumlab, desktop entry, icon
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="$ROOT/installer/target/jpackage"
IMAGE="$WORK/image/quorumlab"
fails=0
pass() { echo "  ok    $*"; }
fail() { echo "  FAIL  $*"; fails=$((fails + 1)); }

JDK_BIN="${JAVA_HOME:+$JAVA_HOME/bin}"
JPACKAGE="${JDK_BIN:+$JDK_BIN/}jpackage"
if ! command -v "$JPACKAGE" >/dev/null 2>&1; then
  echo "installer smoke test: SKIPPED (no jpackage; needs a full JDK 17+)"
  exit 0
fi

if [ "${1:-}" != "--no-build" ]; then
  echo "== building: mvn -pl installer -am -Pinstaller package -Dmaven.test.skip=true"
  start=$(date +%s)
  (cd "$ROOT" && mvn -q -B -pl installer -am -Pinstaller package -Dmaven.test.skip=true)
  echo "   built in $(( $(date +%s) - start )) s"
fi

echo "== app image $IMAGE"
[ -x "$IMAGE/bin/quorumlab" ] && pass "bin/quorumlab" || fail "bin/quorumlab missing"
[ -x "$IMAGE/bin/quorumlab-cli" ] && pass "bin/quorumlab-cli" || fail "bin/quorumlab-cli missing"
grep -q '^app.mainclass=org.quorumlab.gui.Launcher$' "$IMAGE/lib/app/quorumlab.cfg" 2>/dev/null \
  && pass "main class org.quorumlab.gui.Launcher" || fail "quorumlab.cfg does not name org.quorumlab.gui.Launcher"
ls "$IMAGE"/lib/app/app-gui-*.jar >/dev/null 2>&1 && pass "app-gui jar in lib/app" || fail "no app-gui jar"
ls "$IMAGE"/lib/app/engine-*.jar >/dev/null 2>&1 && pass "engine jar in lib/app (nodes run from the app's class path)" \
  || fail "no engine jar: the bundled cluster's nodes could not start"
RUNTIME_JAVA="$IMAGE/lib/runtime/bin/java"
if [ -x "$RUNTIME_JAVA" ] && version=$("$RUNTIME_JAVA" -version 2>&1 | head -1); then
  pass "bundled runtime: $version"
else
  fail "bundled runtime has no working bin/java"
fi
[ -f "$IMAGE/lib/quorumlab.png" ] && pass "icon lib/quorumlab.png" || echo "  note  no icon in image (non-Linux build)"

# A clean environment: no JAVA_HOME, no JDK or Maven on the PATH.
clean_env=(env -i HOME="$WORK/smoke-home" PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8)
mkdir -p "$WORK/smoke-home"
if "${clean_env[@]}" "$IMAGE/bin/quorumlab-cli" --help 2>&1 | grep -q '^usage: quorumlab'; then
  pass "bin/quorumlab-cli --help"
else
  fail "bin/quorumlab-cli --help"
fi

echo "== bundled cluster on the bundled runtime (bin/quorumlab-cli cluster --nodes 3)"
CLUSTER_DIR="$WORK/smoke-cluster"
rm -rf "$CLUSTER_DIR"
"${clean_env[@]}" "$IMAGE/bin/quorumlab-cli" cluster --nodes 3 --dir "$CLUSTER_DIR" >"$WORK/smoke-cluster.log" 2>&1 &
cluster_pid=$!
leader=""
for _ in $(seq 1 60); do
  sleep 1
  status=$("${clean_env[@]}" "$IMAGE/bin/quorumlab-cli" status --dir "$CLUSTER_DIR" 2>/dev/null || true)
  if echo "$status" | grep -q ' leader '; then leader=$(echo "$status" | awk '$3 == "leader" {print $1}'); break; fi
done
if [ -n "$leader" ]; then
  pass "3-node cluster elected leader $leader"
  echo "$status" | sed 's/^/        /'
  node_cmd=$(head -1 "$CLUSTER_DIR/node1/log" | sed 's/.*launcher starts node 1: //' | cut -d' ' -f1-2)
  echo "        node 1 was started as: $node_cmd ..."
else
  fail "no leader within 60 s (see $WORK/smoke-cluster.log and $CLUSTER_DIR/node*/log)"
fi
kill -TERM "$cluster_pid" 2>/dev/null || true
for _ in $(seq 1 30); do kill -0 "$cluster_pid" 2>/dev/null || break; sleep 1; done
kill -0 "$cluster_pid" 2>/dev/null && { kill -KILL "$cluster_pid"; fail "cluster did not stop on SIGTERM"; } \
  || pass "cluster stopped"

if unzip -p "$IMAGE"/lib/app/app-gui-*.jar 'org/quorumlab/gui/*.class' 2>/dev/null | grep -aq -- '--version'; then
  if out=$("${clean_env[@]}" timeout 60 "$IMAGE/bin/quorumlab" --version 2>&1); then
    pass "bin/quorumlab --version: $(echo "$out" | head -1)"
  else
    fail "bin/quorumlab --version: $out"
  fi
else
  echo "  note  the console has no --version flag: GUI launcher checked for presence only"
fi

DEB=$(ls "$WORK"/deb/*.deb 2>/dev/null | head -1 || true)
if [ -n "$DEB" ]; then
  echo "== $DEB"
  info=$(dpkg-deb --field "$DEB" Package Version Architecture Depends)
  echo "$info" | sed 's/^/        /'
  echo "$info" | grep -q '^Package: quorumlab$' && pass "package name quorumlab" || fail "package name"
  contents=$(dpkg-deb --contents "$DEB")
  echo "$contents" | grep -q '\./opt/quorumlab/bin/quorumlab$' && pass "/opt/quorumlab/bin/quorumlab" || fail "no /opt/quorumlab/bin/quorumlab"
  echo "$contents" | grep -q '\./opt/quorumlab/lib/runtime/bin/java$' && pass "bundled runtime in the package" || fail "no runtime in the package"
  echo "$contents" | grep -q '\.desktop$' && pass "desktop entry" || fail "no .desktop file"
  desktop=$(dpkg-deb --fsys-tarfile "$DEB" | tar -xO --wildcards '*.desktop' 2>/dev/null || true)
  echo "$desktop" | grep -E '^(Exec|Icon|Categories)=' | sed 's/^/        /'
  [ "$(echo "$desktop" | grep -c '^Exec=')" = 1 ] && pass "one desktop entry (the console)" || fail "expected exactly one desktop entry"
else
  echo "  note  no .deb (jpackage skipped it: fakeroot/dpkg-deb missing or not Linux)"
fi

echo "== sizes"
du -sh "$IMAGE" "$IMAGE/lib/runtime" "$IMAGE/lib/app" 2>/dev/null | sed 's/^/        /'
[ -n "$DEB" ] && du -sh "$DEB" | sed 's/^/        /'
if [ "$fails" -eq 0 ]; then echo "installer smoke test: PASSED"; else echo "installer smoke test: $fails FAILED"; exit 1; fi
