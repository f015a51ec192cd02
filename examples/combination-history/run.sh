#!/usr/bin/env bash
# A two-drug combination trial whose prior comes from each drug's own single-agent trials: one robust MAP prior per
# drug (design.blrm-map-prior), passed to the two-drug BLRM (design.blrm-combo-posterior for the dose-escalation
# meeting, design.blrm-combo for its operating characteristics against the weak default prior).
# Histories (made up for the example): drug A 1.5-9 mg in two trials, drug B 200-1200 mg in two trials. The
# combination grid: drug A 3, 4.5, 6 mg (d1* = 6) x drug B 400, 600, 800 mg (d2* = 960).
# Usage: examples/combination-history/run.sh [output-dir] [trials]   (defaults: combination-output/, 200 trials)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DAYBREAK="${DAYBREAK:-$ROOT/daybreak}"
OUT="${1:-$ROOT/combination-output}"
TRIALS="${2:-200}"
mkdir -p "$OUT"
export DAYBREAK_DAEMON="${DAYBREAK_DAEMON:-false}"
GRID="doseAmountsA=3,4.5,6 doseAmountsB=400,600,800 referenceDoseA=6 referenceDoseB=960"
# the combination's weak prior mean of log(alpha), logit 0.2, also for the robust component of each MAP prior
WEAK=-1.3862943611198906
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

# The priorMixture line of a design.blrm-map-prior run's printed summary.
mixture() {
  local text
  text="$(sed -n 's/^ *priorMixture *//p' "$1")"
  if [ -z "$text" ]; then
    echo "run.sh: design.blrm-map-prior gave no priorMixture (see $1)" >&2
    exit 1
  fi
  printf '%s' "$text"
}

step "1. Drug A alone: a robust MAP prior (weight 0.2 on the weak prior) from two single-agent trials, reference dose 6 mg" \
  "$DAYBREAK" run design.blrm-map-prior trials=A-FIH,A-FIH,A-FIH,A-FIH,A-FIH,A-JP,A-JP,A-JP \
  doses=1.5,3,4.5,6,9,3,6,9 patients=3,3,6,6,3,3,6,3 dlts=0,0,0,1,2,0,1,1 doseAmounts=3,4.5,6 referenceDose=6 \
  robustWeight=0.2 muMeanLogAlpha=$WEAK --seed 2026 | tee "$OUT/map-drug-a.txt"
PRIOR_A="$(mixture "$OUT/map-drug-a.txt")"

step "2. Drug B alone: the same from its two trials, reference dose 960 mg" \
  "$DAYBREAK" run design.blrm-map-prior trials=B-FIH,B-FIH,B-FIH,B-FIH,B-FIH,B-FIH,B-2,B-2 \
  doses=200,400,600,800,960,1200,600,960 patients=3,3,3,6,6,3,6,6 dlts=0,0,0,1,1,2,0,1 doseAmounts=400,600,800 \
  referenceDose=960 robustWeight=0.2 muMeanLogAlpha=$WEAK --seed 2026 | tee "$OUT/map-drug-b.txt"
PRIOR_B="$(mixture "$OUT/map-drug-b.txt")"

step "3. The escalation meeting after 0/3 at A1 B1, 0/3 at A2 B1, 1/3 at A2 B2: report, pathways of two cohorts as CSV" \
  "$DAYBREAK" run design.blrm-combo-posterior $GRID patients=3,0,0,3,3,0,0,0,0 dlts=0,0,0,0,1,0,0,0,0 \
  priorMixtureA="$PRIOR_A" priorMixtureB="$PRIOR_B" pathwayCohorts=2 --seed 1 --out pathways="$OUT/pathways.csv" \
  --report "$OUT/posterior.html"

step "4. Operating characteristics, $TRIALS trials: with the two MAP priors, then with the weak default priors" \
  "$DAYBREAK" run design.blrm-combo $GRID truth=0.05,0.08,0.12,0.08,0.12,0.20,0.12,0.20,0.35 trials="$TRIALS" \
  priorMixtureA="$PRIOR_A" priorMixtureB="$PRIOR_B" --seed 1 --report "$OUT/oc-map.html"
"$DAYBREAK" run design.blrm-combo $GRID truth=0.05,0.08,0.12,0.08,0.12,0.20,0.12,0.20,0.35 trials="$TRIALS" \
  --seed 1 --report "$OUT/oc-weak.html"

printf '\nReports and tables in %s\n' "$OUT"
