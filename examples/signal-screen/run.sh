#!/usr/bin/env bash
# A safety-signal review in one HTML report: the adverse-event comparison of a three-arm dose-expansion trial
# (ADaM ADSL/ADAE) and a screen of a spontaneous-report database (disproportionality and empirical Bayes MGPS),
# with the early efficacy boundaries of the expansion cohort beside them. Synthetic data (make-data.R), never real.
# Usage: examples/signal-screen/run.sh [output-dir]     (default: signal-output/ in the project root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DAYBREAK="${DAYBREAK:-$ROOT/daybreak}"
OUT="${1:-$ROOT/signal-output}"
mkdir -p "$OUT"
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "Adverse events by arm against placebo: incidence, risk difference, Fisher, BH and Double FDR within body system, Berry & Berry" \
  "$DAYBREAK" run signal.ae-compare --in adae="$HERE/adae.csv" --in adsl="$HERE/adsl.csv" controlArm=Placebo \
  --seed 2026 --out "$OUT/ae.csv" --save "$OUT/ae.json"

step "Spontaneous reports: PRR, ROR, IC with expected counts stratified by sex, age group and year" \
  "$DAYBREAK" run signal.disproportionality --in "$HERE/reports.csv" report=report_id strata=sex,age_group,year \
  criteria=prr,ror,ic sortBy=prr --out "$OUT/signals.csv" --save "$OUT/signals.json"

step "The same reports through DuMouchel's empirical Bayes shrinker (openEBGM's conventions): EBGM, EB05, EB95" \
  "$DAYBREAK" run signal.ebgm --in "$HERE/reports.csv" report=report_id strata=sex,age_group,year \
  --out "$OUT/ebgm.csv" --save "$OUT/ebgm.json"

step "Early efficacy: Thall-Simon boundaries for the expansion cohort against a standard of care with response rate 0.3" \
  "$DAYBREAK" run signal.thall-simon standardA=15 standardB=35 nmax=40 patients=18 responses=8 --out "$OUT/thall-simon.csv" \
  --save "$OUT/thall-simon.json"

step "One report of the review ($OUT/signal-report.html)" \
  "$DAYBREAK" report --out "$OUT/signal-report.html" --title "Safety signal review: DBX-101 expansion and spontaneous reports" \
  "$OUT/ae.json" "$OUT/signals.json" "$OUT/ebgm.json" "$OUT/thall-simon.json"
