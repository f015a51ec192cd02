#!/usr/bin/env bash
# Time from starting ./daybreak ide to its window being on screen, over several runs (median and all).
# Needs an X display (e.g. xvfb-run -a) and xwininfo (Debian: x11-utils); builds nothing: run
# ./mvnw -B -DskipTests package first. Usage: releng/io.daybreak.product.ide/startup-benchmark.sh [runs]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
command -v xwininfo >/dev/null || { echo "needs xwininfo (apt-get install x11-utils)" >&2; exit 1; }
WORKSPACE="$(mktemp -d)"
trap 'rm -rf "$WORKSPACE"' EXIT
times=()
for run in $(seq 1 "$RUNS"); do
  start=$(date +%s%N)
  DAYBREAK_IDE_WORKSPACE="$WORKSPACE" "$ROOT/daybreak" ide > "$WORKSPACE/run$run.log" 2>&1 &
  pid=$!
  shown=""
  for _ in $(seq 1 600); do
    if xwininfo -root -tree 2>/dev/null | grep -q '"Daybreak"'; then shown=$(date +%s%N); break; fi
    sleep 0.05
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$shown" ] || { echo "run $run: no window within 30 s" >&2; cat "$WORKSPACE/run$run.log" >&2; exit 1; }
  times+=($(( (shown - start) / 1000000 )))
  echo "run $run: window after ${times[-1]} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( RUNS / 2 ))]} ms over $RUNS runs (all: ${times[*]})"
