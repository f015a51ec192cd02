#!/usr/bin/env bash
# Whole-process timings of one-shot commands, side by side: Daybreak through its resident runtime (the default),
# Daybreak with a JVM per command (DAYBREAK_DAEMON=false), and R doing the same job. Needs hyperfine
# (apt-get install hyperfine), R with BOIN and clinfun (installed from github:cran/BOIN and github:cran/clinfun into
# $R_LIBS), and a built product (./mvnw -B verify, or DAYBREAK_HOME). Run from the repository root:
#   R_LIBS=/work/rlib-bench bash docs/benchmarks/resident/bench.sh
# The resident runtime is started by hyperfine's warm-up runs; the 'cold' rows stop it before every run.
set -euo pipefail
D="$PWD/daybreak"
export DAYBREAK_DAEMON_DIR="${DAYBREAK_DAEMON_DIR:-$(mktemp -d)}"
BOIN_ARGS="truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3 cohorts=12 trials=10000 seed=1"
R_BOIN="library(BOIN); print(get.oc(target = 0.3, p.true = c(0.05, 0.12, 0.25, 0.40, 0.55, 0.70), ncohort = 12, cohortsize = 3, ntrial = 10000, seed = 1))"
R_SIMON="library(clinfun); print(ph2simon(0.2, 0.4, 0.05, 0.2))"
echo "load before: $(cat /proc/loadavg)"
hyperfine -N --warmup 3 --runs 20 --export-markdown /tmp/resident-methods.md \
  "$D methods" "env DAYBREAK_DAEMON=false $D methods"
hyperfine -N --warmup 3 --runs 20 --export-markdown /tmp/resident-boin.md \
  "$D run design.boin $BOIN_ARGS" "env DAYBREAK_DAEMON=false $D run design.boin $BOIN_ARGS" \
  "Rscript -e '$R_BOIN'"
hyperfine -N --warmup 3 --runs 20 --export-markdown /tmp/resident-simon.md \
  "$D run design.simon p0=0.2 p1=0.4" "env DAYBREAK_DAEMON=false $D run design.simon p0=0.2 p1=0.4" \
  "Rscript -e '$R_SIMON'"
# the first command of a directory starts the runtime and is served by it
hyperfine -N --runs 10 --prepare "$D daemon stop" --export-markdown /tmp/resident-cold.md "$D methods"
echo "load after: $(cat /proc/loadavg)"
"$D" daemon stop > /dev/null
