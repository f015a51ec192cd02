#!/usr/bin/env bash
# A short tour of Daybreak: list, describe, run on counts, run on a patient table (CSV in, CSV out),
# simulate operating characteristics of dose-finding designs, a federated analysis across three site nodes
# (separate processes, mutual TLS) on synthetic patients, and how bad input is reported.
# Usage: ./daybreak demo [--port-base N]   (results go to demo-output/, or $DAYBREAK_DEMO_OUT)
#   --port-base N   the three site nodes listen on ports N, N+1 and N+2 of 127.0.0.1 (default: a random base
#                   between 30000 and 49999), e.g. where a firewall opens a known range
set -euo pipefail
DAYBREAK="$1"
shift
usage() { echo "usage: ./daybreak demo [--port-base N]   (N from 1024 to 65533; sites use N, N+1, N+2)" >&2; }
PORT_BASE=""
while [ "$#" -gt 0 ]; do
  case "$1" in
    --port-base)
      [ "$#" -ge 2 ] || { echo "daybreak demo: --port-base needs a value" >&2; usage; exit 2; }
      PORT_BASE="$2"; shift 2 ;;
    --port-base=*) PORT_BASE="${1#--port-base=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "daybreak demo: unknown argument '$1'" >&2; usage; exit 2 ;;
  esac
done
if [ -n "$PORT_BASE" ]; then
  # checked before anything is written or started
  if ! [[ "$PORT_BASE" =~ ^[0-9]+$ ]] || [ "$PORT_BASE" -lt 1024 ] || [ "$PORT_BASE" -gt 65533 ]; then
    echo "daybreak demo: --port-base must be a whole number from 1024 to 65533, got '$PORT_BASE'" >&2; exit 2
  fi
  for p in "$PORT_BASE" $((PORT_BASE + 1)) $((PORT_BASE + 2)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "daybreak demo: port $p is already in use; choose another --port-base" >&2; exit 2
    fi
  done
else
  PORT_BASE=$((30000 + RANDOM % 20000))
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${DAYBREAK_DEMO_OUT:-$ROOT/demo-output}"
mkdir -p "$OUT"

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "Installed methods" "$DAYBREAK" methods
step "What the template method takes" "$DAYBREAK" describe example.beta-binomial

step "Posterior of a DLT rate: 3 DLTs in 10 patients, uniform prior, P(rate > 0.33)" \
  "$DAYBREAK" run example.beta-binomial events=3 patients=10 threshold=0.33 seed=1

# A small cohort in ADaM style: one row per patient, AVAL = 1 for an objective response.
cat > "$OUT/cohort.csv" <<'CSV'
USUBJID,TRT01P,AVAL
DB-001,DL3,1
DB-002,DL3,0
DB-003,DL3,0
DB-004,DL3,1
DB-005,DL3,NA
DB-006,DL3,0
DB-007,DL3,1
DB-008,DL3,0
DB-009,DL3,0
DB-010,DL3,0
DB-011,DL3,1
DB-012,DL3,0
CSV
step "Response rate from a patient table, Jeffreys prior; posterior grid written to CSV" \
  "$DAYBREAK" run example.beta-binomial --in "$OUT/cohort.csv" priorA=0.5 priorB=0.5 threshold=0.2 \
  --out "$OUT/posterior.csv" seed=1
echo "   first rows of $OUT/posterior.csv:"; head -4 "$OUT/posterior.csv" | sed 's/^/   /'

step "Operating characteristics of 'declare when P(rate > 0.3) > 0.9' with n = 20, true rate 0.35 (2 million simulated trials)" \
  "$DAYBREAK" run example.beta-binomial-oc trueRate=0.35 patients=20 trials=2000000 seed=2026 --out "$OUT/oc.arrow"

step "Dose finding: 3+3 operating characteristics, exact (every outcome sequence enumerated)" \
  "$DAYBREAK" run design.3plus3 truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3

step "The same scenario under BOIN (target 0.3, 12 cohorts of 3), 100,000 simulated trials" \
  "$DAYBREAK" run design.boin truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3 cohorts=12 trials=100000 seed=2026 \
  --out "$OUT/boin.csv"

step "Four designs on the same simulated patients, with an HTML report ($OUT/comparison.html)" \
  "$DAYBREAK" compare target=0.3 scenarios=0.05,0.12,0.25,0.40,0.55,0.70/0.02,0.05,0.10,0.20,0.30,0.45 cohorts=12 \
  trials=20000 seed=2026 --out "$OUT/comparison.csv" --report "$OUT/comparison.html"

step "An external control arm for a single-arm trial: eligibility, time zero, ATT weights, balance, survival, E-value ($OUT/eca.html)" \
  "$DAYBREAK" eca --report "$OUT/eca.html"

echo
echo "== A safety-signal review: a trial's adverse events by arm and a spontaneous-report screen, in one report"
DAYBREAK="$DAYBREAK" "$ROOT/examples/signal-screen/run.sh" "$OUT/signal"

echo
echo "== A biomarker screen: prognostic and predictive markers of a simulated 40-marker panel, in one report"
DAYBREAK="$DAYBREAK" "$ROOT/examples/biomarker-screen/run.sh" "$OUT/biomarker"

echo "== Project Optimus: BOIN escalation with backfill, a randomised comparison of two doses sized by PCS, as one programme"
DAYBREAK="$DAYBREAK" "$ROOT/examples/project-optimus/run.sh" "$OUT/optimus"

echo "== A combination trial: each drug's single-agent history as its MAP prior in the two-drug BLRM (40 simulated trials)"
DAYBREAK="$DAYBREAK" "$ROOT/examples/combination-history/run.sh" "$OUT/combination" 40

step "A dose-escalation meeting: BLRM posterior and the EWOC recommendation after 3, 3 and 6 patients with 0, 0, 1 DLTs" \
  "$DAYBREAK" run design.blrm-posterior patients=3,3,6,0,0,0 dlts=0,0,1,0,0,0

step "Late-onset toxicity: TITE-BOIN with a 90-day window and two arrivals a month (trial duration in days)" \
  "$DAYBREAK" run design.tite-boin truth=0.05,0.12,0.25,0.40,0.55,0.70 target=0.3 cohorts=12 trials=20000 seed=2026

step "Dose optimisation: BOIN12 on toxicity and efficacy (selection of the optimal biological dose)" \
  "$DAYBREAK" run design.boin12 truth=0.05,0.10,0.20,0.40,0.55 efficacy=0.10,0.30,0.60,0.60,0.60 trials=20000 seed=2026

step "Phase II: Simon's optimal and minimax two-stage designs for p0 = 0.1, p1 = 0.3" \
  "$DAYBREAK" run design.simon p0=0.1 p1=0.3

echo
echo "== Federated analysis: three trial sites keep their patients; only aggregates travel (gRPC, mutual TLS)"
FED="$OUT/federation"
rm -rf "$FED"
mkdir -p "$FED"
NODE_PIDS=()
stop_nodes() { for pid in "${NODE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop_nodes EXIT
for s in 1 2 3; do
  mkdir -p "$FED/site$s"
  "$DAYBREAK" run stats.simulate-trial n=400 firstId=$((s * 1000)) seed=$s --out "$FED/site$s/patients.csv" > /dev/null
done
echo "synthetic patients (stats.simulate-trial, never real data): $FED/site{1,2,3}/patients.csv"
step "A study CA and certificates for three sites and a researcher" "$DAYBREAK" pki init --dir "$FED/pki" --study demo
for s in 1 2 3; do "$DAYBREAK" pki issue --dir "$FED/pki" --name "site$s" --hosts localhost,127.0.0.1 > /dev/null; done
"$DAYBREAK" pki issue --dir "$FED/pki" --name researcher > /dev/null
# exact survival analyses need event times: these sites opt in (DataSHIELD's defaults keep them at the site), and,
# for the exact Cox model with a common baseline hazard, to consecutive risk sets one patient apart and single
# events at a time, which continuous follow-up always has (ADR 0006, "What each opt-in reveals")
printf '{"releaseEventTimes": true, "minRiskSetChange": 1, "minCellCount": 1}\n' > "$FED/policy.json"
NODES=""
for s in 1 2 3; do
  port=$((PORT_BASE + s - 1))
  "$DAYBREAK" node --site "site$s" --data "$FED/site$s" --port "$port" --cert "$FED/pki/site$s.pem" \
    --key "$FED/pki/site$s.key" --trust "$FED/pki/ca.pem" --policy "$FED/policy.json" --bind 127.0.0.1 \
    --allow stats.glm,stats.cox,stats.km,stats.describe,stats.table --researchers researcher > "$FED/node$s.log" 2>&1 &
  NODE_PIDS+=($!)
  NODES="${NODES:+$NODES,}site$s=localhost:$port"
done
for s in 1 2 3; do
  for _ in $(seq 1 60); do grep -q serving "$FED/node$s.log" 2>/dev/null && break; sleep 0.5; done
  cat "$FED/node$s.log"
done
TLS=(--cert "$FED/pki/researcher.pem" --key "$FED/pki/researcher.key" --trust "$FED/pki/ca.pem")
step "What the sites offer" "$DAYBREAK" fed-datasets --nodes "$NODES" "${TLS[@]}"
step "Federated descriptives (N, missing, mean, SD; minimum and maximum stay at the sites)" \
  "$DAYBREAK" fed stats.describe --nodes "$NODES" "${TLS[@]}" dataset=patients columns=age --save "$FED/describe.json"
step "Federated table of response by arm, every cell checked at each site, with Pearson's chi-squared test" \
  "$DAYBREAK" fed stats.table --nodes "$NODES" "${TLS[@]}" dataset=patients rows=arm columns=response \
  --save "$FED/table.json"
step "Federated Kaplan-Meier by arm (exact: equals the pooled curves)" \
  "$DAYBREAK" fed stats.km --nodes "$NODES" "${TLS[@]}" dataset=patients groupBy=arm times=365 curves=true \
  --save "$FED/km.json"
step "Federated Cox model (exact, common baseline hazard)" \
  "$DAYBREAK" fed stats.cox --nodes "$NODES" "${TLS[@]}" dataset=patients covariates=age,sex,arm --save "$FED/cox.json"
step "Federated logistic regression of response" \
  "$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=patients response=response covariates=arm,age \
  family=binomial --save "$FED/glm.json"
step "Each site's tamper-evident audit log" "$DAYBREAK" audit verify "$FED/site1/audit.log"
stop_nodes
step "One self-contained HTML report: the federated results with their certificates, and the design comparison" \
  "$DAYBREAK" report --out "$OUT/report.html" --title "Daybreak demo: federated analysis of three sites" \
  --comparison "$OUT/comparison.csv" "$FED/describe.json" "$FED/table.json" "$FED/km.json" "$FED/cox.json" "$FED/glm.json"

echo
echo "== Bad input is named, with exit code 2 and nothing written"
echo "\$ $DAYBREAK run example.beta-binomial events=3 patients=10 threshold=1.5 --out $OUT/never.csv"
set +e
"$DAYBREAK" run example.beta-binomial events=3 patients=10 threshold=1.5 --out "$OUT/never.csv"
code=$?
set -e
echo "   exit code $code; $OUT/never.csv exists: $([ -e "$OUT/never.csv" ] && echo yes || echo no)"

echo
echo "== Machine-readable: every command takes --json"
echo "\$ $DAYBREAK methods --json"
"$DAYBREAK" methods --json
echo
echo "Reports: $OUT/report.html (federated analysis), $OUT/signal/signal-report.html (safety signals),"
echo "         $OUT/biomarker/biomarker-report.html (biomarker screen); Project Optimus tables in $OUT/optimus/"
echo "         $OUT/combination/posterior.html (two-drug BLRM with each drug's MAP prior)"
echo "Results are in $OUT. Interactive shell: ./daybreak (then: help, methods, run ..., exit)."
