#!/usr/bin/env bash
# Whole-process Cox and logistic regression on the 1,000,000-row file, side by side with R's coxph and glm after
# read.csv (docs/benchmarks.md, "CSV load"). Each Daybreak command runs in a JVM of its own (DAYBREAK_DAEMON=false);
# for the resident runtime (ADR 0019) run the same with DAYBREAK_DAEMON unset after one warm-up command.
#   ./mvnw -B package -DskipTests                     # the console product
#   apt-get install -y hyperfine r-base-core r-cran-survival
#   bash docs/benchmarks/csv-load/bench-models.sh [DIR]
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
DIR="${1:-/tmp/daybreak-csv-bench}"
mkdir -p "$DIR"
[ -f "$DIR/bench-1m.csv" ] || java "$HERE/GenerateCsv.java" 1000000 "$DIR/bench-1m.csv"
cd "$DIR"
export DAYBREAK_DAEMON="${DAYBREAK_DAEMON:-false}"
uptime
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$DIR/models-1m.json" \
  -n "daybreak stats.cox" "$ROOT/daybreak run stats.cox --in data=bench-1m.csv 'formula=Surv(time, status) ~ age + sex + arm + biomarker'" \
  -n "R coxph + read.csv" "Rscript -e 'library(survival); d <- read.csv(\"bench-1m.csv\"); print(coef(coxph(Surv(time, status) ~ age + sex + arm + biomarker, data = d)))'" \
  -n "daybreak stats.glm binomial" "$ROOT/daybreak run stats.glm --in data=bench-1m.csv 'formula=status ~ age + sex + arm + biomarker' family=binomial" \
  -n "R glm binomial + read.csv" "Rscript -e 'd <- read.csv(\"bench-1m.csv\"); print(coef(glm(status ~ age + sex + arm + biomarker, family = binomial, data = d)))'"
for command in "$ROOT/daybreak run stats.cox --in data=bench-1m.csv 'formula=Surv(time, status) ~ age + sex + arm + biomarker'" \
    "Rscript -e 'library(survival); d <- read.csv(\"bench-1m.csv\"); print(coef(coxph(Surv(time, status) ~ age + sex + arm + biomarker, data = d)))'" \
    "$ROOT/daybreak run stats.glm --in data=bench-1m.csv 'formula=status ~ age + sex + arm + biomarker' family=binomial" \
    "Rscript -e 'd <- read.csv(\"bench-1m.csv\"); print(coef(glm(status ~ age + sex + arm + biomarker, family = binomial, data = d)))'"; do
  echo "== $command"
  /usr/bin/time -v bash -c "$command" 2>&1 | grep -E "seed|Elapsed|Maximum resident"
done
# the fits alone, in R (the in-process figure is the 'ms' of Daybreak's run line above)
Rscript -e 'library(survival); d <- read.csv("bench-1m.csv"); print(system.time(coxph(Surv(time, status) ~ age + sex + arm + biomarker, data = d))); print(system.time(glm(status ~ age + sex + arm + biomarker, family = binomial, data = d)))'
uptime
