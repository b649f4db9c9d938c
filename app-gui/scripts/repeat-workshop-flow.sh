#!/usr/bin/env bash
# Runs WorkshopFlowFxTest N times in a row (default 30), each run in its own Maven build and so in
# its own forked test JVM, headless (Monocle; the surefire argLine of app-gui/pom.xml). Meant for a
# busy machine: it does not lower the load, it reports it. Builds with -am from target/ only
# (never `mvn install`: other worktrees share ~/.m2).
#
#   app-gui/scripts/repeat-workshop-flow.sh [runs]     STOP_ON_FAILURE=1 stops at the first failure
#
# Prints one line per run (result, seconds, /proc/loadavg before it) and a summary; exits non-zero
# if any run failed. Each run's Maven output and surefire reports are kept under
# app-gui/target/repeat-workshop-flow/run-<n>/.
set -uo pipefail

RUNS="${1:-30}"
TEST="${TEST:-WorkshopFlowFxTest}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/app-gui/target/repeat-workshop-flow"
cd "$ROOT" || exit 2

if ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
    echo "usage: $0 [runs]   (runs >= 1, got '$RUNS')" >&2
    exit 2
fi

rm -rf "$OUT"
mkdir -p "$OUT"
echo "compiling (mvn -o -pl app-gui -am test-compile)"
if ! mvn -B -o -q -pl app-gui -am test-compile >"$OUT/compile.log" 2>&1; then
    cat "$OUT/compile.log"
    echo "compile failed" >&2
    exit 2
fi

passed=0
failed=0
start=$(date +%s)
echo "start: loadavg $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cpus, $RUNS runs of $TEST"
for ((i = 1; i <= RUNS; i++)); do
    dir="$OUT/run-$i"
    mkdir -p "$dir"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    t0=$(date +%s)
    rm -rf app-gui/target/surefire-reports
    mvn -B -o -pl app-gui -am test -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false >"$dir/mvn.log" 2>&1
    rc=$?
    t1=$(date +%s)
    cp -r app-gui/target/surefire-reports "$dir/" 2>/dev/null
    # a run passes only if Maven succeeded and surefire really ran the test once, without failure
    if [[ $rc -eq 0 ]] && grep -q "Tests run: 1, Failures: 0, Errors: 0, Skipped: 0" "$dir/mvn.log"; then
        passed=$((passed + 1))
        result=PASS
    else
        failed=$((failed + 1))
        result=FAIL
    fi
    printf 'run %2d/%d %s %4ds loadavg before %s\n' "$i" "$RUNS" "$result" $((t1 - t0)) "$load"
    if [[ $result == FAIL ]]; then
        if ls "$dir"/surefire-reports/*.txt >/dev/null 2>&1; then
            grep -hE "^[a-z][A-Za-z0-9_.$]*(Error|Exception)" "$dir"/surefire-reports/*"$TEST".txt | head -n 3 | sed 's/^/    /'
        else
            tail -n 15 "$dir/mvn.log" | sed 's/^/    /'
        fi
        if [[ "${STOP_ON_FAILURE:-0}" == 1 ]]; then
            break
        fi
    fi
done
end=$(date +%s)
echo "summary: $passed passed, $failed failed of $((passed + failed)) runs in $((end - start)) s;" \
    "loadavg at the end $(cut -d' ' -f1-3 /proc/loadavg)"
[[ $failed -eq 0 && $passed -eq $RUNS ]]
