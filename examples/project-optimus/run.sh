#!/usr/bin/env bash
# A Project Optimus programme on one set of assumed doses: BOIN escalation with backfill cohorts, the randomised comparison of the
# selected dose and the one below it sized by the probability of correct selection (PCS), the whole programme
# simulated as one trial per random stream, a seamless phase I/II alternative (U-BOIN beside BOIN12), and a BLRM
# escalation whose prior comes from two earlier trials (a robust meta-analytic-predictive prior).
# Assumed truth (not data): DLT 0.03, 0.08, 0.15, 0.25, 0.40; response 0.15, 0.25, 0.45, 0.45, 0.47.
# Usage: examples/project-optimus/run.sh [output-dir]     (default: optimus-output/ in the project root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DAYBREAK="${DAYBREAK:-$ROOT/daybreak}"
OUT="${1:-$ROOT/optimus-output}"
mkdir -p "$OUT"
export DAYBREAK_DAEMON="${DAYBREAK_DAEMON:-false}"
TRUTH=0.03,0.08,0.15,0.25,0.40
EFFICACY=0.15,0.25,0.45,0.45,0.47
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "1. Escalation: BOIN, target 0.25, 10 cohorts of 3, without and with backfill cohorts (2 patients a month)" \
  "$DAYBREAK" run design.boin truth=$TRUTH target=0.25 cohorts=10 trials=10000 --seed 2026 --out "$OUT/escalation.csv"
"$DAYBREAK" run design.boin truth=$TRUTH efficacy=$EFFICACY target=0.25 cohorts=10 backfill=true backfillRate=2 \
  trials=10000 --seed 2026 --out "$OUT/escalation-backfill.csv"

step "2. Size the randomised stage: PCS by n per arm for 'equal response' and 'the lower dose 0.15 worse'" \
  "$DAYBREAK" run design.randomised-selection efficacy=0.45,0.45/0.3,0.45 toxicity=0.15,0.25 margin=0.15 \
  targetPcs=0.7 minPatients=10 maxPatients=100 --out "$OUT/pcs.csv"

step "3. The programme as one trial: BOIN with backfill, then the selected dose and the one below, 33 patients each" \
  "$DAYBREAK" run design.programme truth=$TRUTH efficacy=$EFFICACY target=0.25 cohorts=10 backfill=true \
  backfillRate=2 arms=2 patientsPerArm=33 margin=0.15 trials=10000 --seed 2026 --out "$OUT/programme.csv"

step "3b. The same with three arms" \
  "$DAYBREAK" run design.programme truth=$TRUTH efficacy=$EFFICACY target=0.25 cohorts=10 backfill=true \
  backfillRate=2 arms=3 patientsPerArm=33 margin=0.15 trials=10000 --seed 2026 --out "$OUT/programme-3arms.csv"

step "3c. CRM escalation with backfill instead of BOIN" \
  "$DAYBREAK" run design.programme truth=$TRUTH efficacy=$EFFICACY target=0.25 cohorts=10 escalation=crm \
  backfill=true backfillRate=2 arms=2 patientsPerArm=33 margin=0.15 trials=10000 --seed 2026 \
  --out "$OUT/programme-crm.csv"

step "4. A seamless alternative: U-BOIN and BOIN12 on the same simulated patients (45 patients)" \
  "$DAYBREAK" run design.u-boin truth=$TRUTH efficacy=$EFFICACY target=0.3 minEfficacy=0.2 cohorts=15 \
  trials=10000 --seed 2026 --out "$OUT/u-boin.csv"
"$DAYBREAK" run design.boin12 truth=$TRUTH efficacy=$EFFICACY target=0.3 minEfficacy=0.2 cohorts=15 \
  trials=10000 --seed 2026 --out "$OUT/boin12.csv"

step "5. Historical data: a robust MAP prior for a BLRM from two earlier trials of the compound (doses in mg)" \
  "$DAYBREAK" run design.blrm-map-prior trials=H1,H1,H1,H1,H2,H2,H2 doses=10,20,40,80,20,40,80 \
  patients=3,3,6,6,3,6,3 dlts=0,0,1,2,0,1,1 doseAmounts=10,20,40,80,160 robustWeight=0.2 --seed 2026 \
  --report "$OUT/blrm-map-prior.html" | tee "$OUT/blrm-map-prior.txt"
MIXTURE="$(sed -n 's/^ *priorMixture *//p' "$OUT/blrm-map-prior.txt")"
if [ -z "$MIXTURE" ]; then
  echo "run.sh: design.blrm-map-prior gave no priorMixture (see $OUT/blrm-map-prior.txt)" >&2
  exit 1
fi

step "5b. BLRM escalation (EWOC 0.25) on the assumed DLT curve: with the robust MAP prior, then with the weak default" \
  "$DAYBREAK" run design.blrm truth=$TRUTH target=0.25 cohorts=10 doseAmounts=10,20,40,80,160 \
  priorMixture="$MIXTURE" trials=2000 --seed 2026 --out "$OUT/blrm-map.csv"
"$DAYBREAK" run design.blrm truth=$TRUTH target=0.25 cohorts=10 doseAmounts=10,20,40,80,160 trials=2000 \
  --seed 2026 --out "$OUT/blrm-weak.csv"

printf '\nTables in %s\n' "$OUT"
