#!/usr/bin/env bash
# A prognostic/predictive screen of a simulated 40-marker panel in one HTML report: elastic net with cross-validation,
# ROC curves, a survival cut-point, the treatment x marker interaction and STEPP for the candidate predictive
# marker, the modified covariate method and Virtual Twins subgroups with bootstrap-adjusted effects.
# Synthetic data (make-data.R): m01 is prognostic, m02 predictive (treatment works when m02 > 0), m03 both.
# Usage: examples/biomarker-screen/run.sh [output-dir]     (default: biomarker-output/ in the project root)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DAYBREAK="${DAYBREAK:-$ROOT/daybreak}"
OUT="${1:-$ROOT/biomarker-output}"
DATA="$HERE/panel.csv"
MARKERS="$(seq -f 'm%02g' -s, 1 40)"
mkdir -p "$OUT"
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "Which markers predict response? Lasso logistic regression over the panel, 10-fold CV by AUC (as cv.glmnet)" \
  "$DAYBREAK" run biomarker.elastic-net --in "$DATA" family=binomial response=response features="$MARKERS" \
  typeMeasure=auc --seed 2026 --save "$OUT/enet.json"

step "Discrimination of the three candidates: ROC curves, AUC with DeLong intervals, paired comparisons (as pROC)" \
  "$DAYBREAK" run biomarker.roc --in "$DATA" statusColumn=response markers=m01,m02,m03 --save "$OUT/roc.json"

step "A cut-point of m01 for progression-free survival: maximally selected log-rank statistic (as maxstat)" \
  "$DAYBREAK" run biomarker.cutpoint --in "$DATA" markerColumn=m01 timeColumn=pfs eventColumn=progressed \
  --save "$OUT/cutpoint.json"

step "Is m02 prognostic or predictive? Treatment x marker interaction in a logistic model" \
  "$DAYBREAK" run biomarker.interaction --in "$DATA" model=binomial outcomeColumn=response treatmentColumn=trt \
  markerColumn=m02 --save "$OUT/interaction.json"

step "STEPP: the treatment effect on response across overlapping windows of m02, with a permutation test" \
  "$DAYBREAK" run biomarker.stepp --in "$DATA" outcome=binary outcomeColumn=response treatmentColumn=trt \
  markerColumn=m02 r1=70 r2=100 permutations=1000 --seed 2026 --save "$OUT/stepp.json"

step "Predictive markers across the panel: the modified covariate method with the lasso (Tian et al. 2014)" \
  "$DAYBREAK" run biomarker.modified-covariate --in "$DATA" outcome=binary outcomeColumn=response treatmentColumn=trt \
  markers="$MARKERS" --seed 2026 --save "$OUT/modified-covariate.json"

step "Subgroups with Virtual Twins, each effect beside its bootstrap bias-corrected estimate" \
  "$DAYBREAK" run biomarker.virtual-twins --in "$DATA" outcome=binary outcomeColumn=response treatmentColumn=trt \
  markers=m01,m02,m03,m04,m05,m06,m07,m08,m09,m10 trees=200 bootstraps=50 minsplit=80 minbucket=40 maxdepth=2 \
  --seed 2026 --save "$OUT/virtual-twins.json"

step "One report of the screen ($OUT/biomarker-report.html)" \
  "$DAYBREAK" report --out "$OUT/biomarker-report.html" --title "Biomarker screen: a 40-marker panel in a randomised expansion cohort" \
  "$OUT/enet.json" "$OUT/roc.json" "$OUT/cutpoint.json" "$OUT/interaction.json" "$OUT/stepp.json" \
  "$OUT/modified-covariate.json" "$OUT/virtual-twins.json"
