#!/usr/bin/env bash
# Renders the console's main screens to docs/screenshots/*.png (headless, Monocle; no X server needed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
mvn -q -pl app-gui -am install -DskipTests
mvn -q -pl app-gui test -Dtest='ScreenshotGenerator,ClusterScreenshotsTest,TeachingScreenshotsTest,WorkshopFlowFxTest' -Dsurefire.failIfNoSpecifiedTests=false \
    -Dquorumlab.screenshots=true -Dquorumlab.screenshots.dir="$ROOT/docs/screenshots"
ls -l "$ROOT"/docs/screenshots/*.png
