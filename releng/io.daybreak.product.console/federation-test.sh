#!/usr/bin/env bash
# Multi-site federation run of the materialized console product (run by the build in the verify phase):
# a study CA and certificates from 'daybreak pki', three site nodes as separate JVMs on loopback with mutual
# TLS, each holding its own part of R's lung data (split by institution), then federated analyses from a
# fourth JVM compared with the pooled values R gives, refusals, audit verification and a site going down.
set -euo pipefail
export DAYBREAK_HOME="$(cd "$1" && pwd)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DAYBREAK="$ROOT/daybreak"
WORK="$(mktemp -d)"
PIDS=()
export DAYBREAK_DAEMON_DIR="$WORK/daemon"
cleanup() {
  "$DAYBREAK" daemon stop > /dev/null 2>&1 || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "federation test FAILED: $*" >&2; for f in "$WORK"/node*.log; do echo "--- $f" >&2; cat "$f" >&2; done; exit 1; }
cd "$WORK"

# sites: rows of survival_lung_sites.csv by its last column (inst %% 3), without that column, plus dead = (status == 2)
DATA="$ROOT/tests/io.daybreak.methods.stats.tests/resources/survival_lung_sites.csv"
for s in 0 1 2; do
  mkdir -p "site$s"
  awk -F, -v s="$s" 'NR == 1 { sub(/,site$/, ",dead"); print; next }
    $NF == s { dead = ($3 == 2); sub(/,[^,]*$/, ""); print $0 "," dead }' "$DATA" > "site$s/lung.csv"
done

"$DAYBREAK" pki init --dir pki --study lung > /dev/null || fail "pki init"
for s in 0 1 2; do "$DAYBREAK" pki issue --dir pki --name "site$s" --hosts localhost,127.0.0.1 > /dev/null || fail "pki issue"; done
"$DAYBREAK" pki issue --dir pki --name alice > /dev/null || fail "pki issue alice"
"$DAYBREAK" pki issue --dir pki --name mallory > /dev/null || fail "pki issue mallory"
# exact survival needs event times; the lung split has one-patient risk sets at the end of follow-up, consecutive
# risk sets one patient apart and single events at most times: these sites opt into all of that explicitly
# (ADR 0006, "What each opt-in reveals"); the defaults refuse exact pooled Cox on these data
printf '{"releaseEventTimes": true, "minRiskSetSize": 1, "minRiskSetChange": 1, "minCellCount": 1}\n' > policy.json

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}
PORTS=()
for s in 0 1 2; do
  PORTS[$s]="$(free_port)"
  "$DAYBREAK" node --site "site$s" --data "site$s" --port "${PORTS[$s]}" --cert "pki/site$s.pem" \
    --key "pki/site$s.key" --trust pki/ca.pem --policy policy.json --allow stats.glm,stats.cox,stats.km,stats.describe,stats.table,stats.firth \
    --researchers alice \
    > "node$s.log" 2>&1 &
  PIDS[$s]=$!
done
for s in 0 1 2; do
  for _ in $(seq 1 60); do grep -q "serving" "node$s.log" 2>/dev/null && break; sleep 0.5; done
  grep -q "serving" "node$s.log" || fail "node site$s did not start"
done
NODES="site0=localhost:${PORTS[0]},site1=localhost:${PORTS[1]},site2=localhost:${PORTS[2]}"
TLS=(--cert pki/alice.pem --key pki/alice.key --trust pki/ca.pem)

out="$("$DAYBREAK" fed-datasets --nodes "$NODES" "${TLS[@]}" --json)" || fail "fed-datasets: $out"
echo "$out" | grep -q '"site":"site1","dataset":"lung","rows":105' || fail "fed-datasets: $out"
# each dataset's version: a 64-digit digest keyed by the site (ADR 0023)
DIGEST1="$(echo "$out" | sed 's/.*"site":"site1","dataset":"lung"[^}]*"digest":"\([0-9a-f]\{64\}\)".*/\1/')"
[ "${#DIGEST1}" -eq 64 ] || fail "fed-datasets shows no version digest: $out"
# mallory holds a certificate of the same study CA but is not among the sites' authorised researchers
set +e
out="$("$DAYBREAK" fed-datasets --nodes "$NODES" --cert pki/mallory.pem --key pki/mallory.key --trust pki/ca.pem 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "an unauthorised researcher got the dataset list (exit $code): $out"
echo "$out" | grep -q "not authorised" || fail "unauthorised researcher, unclear message: $out"

# glm(wt.loss ~ age + sex, gaussian, lung): 12.5663034727405218, 0.0319883133395847, -3.3765621915224520
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age,sex --json)" \
  || fail "fed stats.glm: $out"
echo "$out" | grep -q '"coefficients":\[12.56630347274' || fail "fed stats.glm intercept: $out"
echo "$out" | grep -q '"sites":\[{"site":"site0","n":78,"datasetDigest":"[0-9a-f]\{64\}"}' \
  || fail "fed stats.glm certificate: $out"
SHA="$(echo "$out" | sed 's/.*"bundleSha256":"\([0-9a-f]*\)".*/\1/')"
# each site's signed audit head is in the certificate
echo "$out" | grep -q '"auditHeads":\[{"site":"site0","round":' || fail "no signed audit heads in the certificate: $out"
# the certificate names the library code the coordinator ran (the federated GLM lives in a library bundle)
echo "$out" | grep -q '"libraries":\[.*{"bundle":"io.daybreak.stats.federated","version":"[^"]*","sha256":"[0-9a-f]\{64\}"}' \
  || fail "the certificate does not name the library bundles: $out"
# pinned to the version fed-datasets listed, the GLM runs; pinned to another, it is refused naming the site
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age \
  --pin "site1=$DIGEST1" --json)" || fail "fed with the listed version pinned: $out"
echo "$out" | grep -q '"datasetVersions":"pinned by the study for \[site1\]' || fail "pinned version not certified: $out"
set +e
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age \
  --pin "site1=$(printf '0%.0s' $(seq 1 64))" 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "fed pinned to another dataset version exited $code: $out"
echo "$out" | grep -q "not the pinned version at site 'site1'" || fail "another pinned version, unclear message: $out"
# parameters are typed: a bad value is bad input (exit 2), named with what is allowed, before any site is asked
set +e
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age family=gamma 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "fed with family=gamma exited $code: $out"
echo "$out" | grep -q "parameter 'family' = 'gamma' is not allowed; allowed: gaussian, binomial, poisson" \
  || fail "fed with family=gamma, unclear message: $out"
# a node must be told whom it serves
set +e
out="$("$DAYBREAK" node --site site0 --data site0 --port "$(free_port)" --cert pki/site0.pem --key pki/site0.key \
  --trust pki/ca.pem --allow stats.glm --audit unnamed.log 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a node without --researchers exited $code: $out"
echo "$out" | grep -q -- "--any-study-researcher" || fail "a node without --researchers, unclear message: $out"
# a node cannot sign as another site: its name must be its certificate's
set +e
out="$("$DAYBREAK" node --site site9 --data site0 --port "$(free_port)" --cert pki/site0.pem --key pki/site0.key \
  --trust pki/ca.pem --allow stats.glm --researchers alice --audit wrongname.log 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a node named unlike its certificate exited $code: $out"
echo "$out" | grep -q "issued to 'site0'" || fail "a node named unlike its certificate, unclear message: $out"
[ "${#SHA}" -eq 64 ] || fail "no bundle SHA-256 in the certificate: $out"
# a node pinned to another bundle digest refuses to start
set +e
out="$("$DAYBREAK" node --site site0 --data site0 --port "$(free_port)" --cert pki/site0.pem --key pki/site0.key \
  --trust pki/ca.pem --allow "stats.glm@$(printf '0%.0s' $(seq 1 64))" --researchers alice --audit pinned.log 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a node with a wrong pin exited $code: $out"
echo "$out" | grep -q "refusing to serve unreviewed code" || fail "wrong pin, unclear message: $out"
# and one pinned to the digest the certificate reported starts
"$DAYBREAK" node --site site0 --data site0 --port "$(free_port)" --cert pki/site0.pem --key pki/site0.key \
  --trust pki/ca.pem --allow "stats.glm@$SHA" --researchers alice --audit pinned-ok.log > pinned-ok.out 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do grep -q "serving" pinned-ok.out 2>/dev/null && break; sleep 0.5; done
grep -q "serving" pinned-ok.out || fail "a node pinned to the right digest did not start: $(cat pinned-ok.out)"

# a node from a datasets file (docs/data.md): site0's rows through an embedded DuckDB query serve like the file
mkdir -p dbsite
printf '{"connections": {"local": {"files": {"lung": "../site0/lung.csv"}}},\n "datasets": {"older": {"connection": "local", "query": "SELECT time, status, age FROM lung WHERE age >= 60"}}}\n' \
  > dbsite/datasets.json
DBPORT="$(free_port)"
"$DAYBREAK" node --site site0 --datasets dbsite/datasets.json --port "$DBPORT" --cert pki/site0.pem --key pki/site0.key \
  --trust pki/ca.pem --allow stats.glm --researchers alice > nodedb.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do grep -q "serving" nodedb.log 2>/dev/null && break; sleep 0.5; done
grep -q "serving 1 dataset" nodedb.log || fail "a node from a datasets file did not start: $(cat nodedb.log)"
out="$("$DAYBREAK" fed-datasets --nodes "site0=localhost:$DBPORT" "${TLS[@]}" --json)" || fail "fed-datasets (DuckDB): $out"
echo "$out" | grep -q '"dataset":"older","rows":[1-9][0-9]*,"columns":\["time","status","age"\]' \
  || fail "fed-datasets (DuckDB): $out"
grep -q '"setting":"datasets materialised at start"' dbsite/audit.log || fail "the snapshot is not in the audit log"
# a database that is down: the node does not start, and says which connection and SQL state (never the password)
printf '{"connections": {"cdm": {"url": "jdbc:postgresql://127.0.0.1:%s/omop", "user": "reader", "password": {"env": "CDM_PASSWORD"}}},\n "datasets": {"registry": {"connection": "cdm", "table": "research.registry_v"}}}\n' \
  "$(free_port)" > dbsite/down.json
set +e
out="$(CDM_PASSWORD=pw-Never-Shown "$DAYBREAK" node --site site0 --datasets dbsite/down.json --port "$(free_port)" \
  --cert pki/site0.pem --key pki/site0.key --trust pki/ca.pem --allow stats.glm --researchers alice --audit down.log 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a node over a database that is down exited $code: $out"
echo "$out" | grep -q "connection 'cdm' (jdbc:postgresql://127.0.0.1:[0-9]*/omop, user reader) for dataset 'registry': cannot connect: SQL state 08001" \
  || fail "a database that is down, unclear message: $out"
if echo "$out" | grep -q "pw-Never-Shown"; then fail "the password was printed: $out"; fi

# coxph(Surv(time, status) ~ age + sex, lung) at eps 1e-14: 0.0170453318501651; + strata(site): 0.0160644360765238
out="$("$DAYBREAK" fed stats.cox --nodes "$NODES" "${TLS[@]}" dataset=lung covariates=age,sex eventValue=2 --json)" \
  || fail "fed stats.cox: $out"
echo "$out" | grep -q '"coefficients":\[0.0170453318' || fail "fed stats.cox: $out"
out="$("$DAYBREAK" fed stats.cox --nodes "$NODES" "${TLS[@]}" dataset=lung covariates=age,sex eventValue=2 \
  stratifyBySite=true --json)" || fail "fed stats.cox stratified: $out"
echo "$out" | grep -q '"coefficients":\[0.0160644360' || fail "fed stats.cox stratified: $out"

# survfit(Surv(time, status) ~ 1, lung): median 310 (285-363)
out="$("$DAYBREAK" fed stats.km --nodes "$NODES" "${TLS[@]}" dataset=lung eventValue=2 curves=true --save km.json --json)" \
  || fail "fed stats.km: $out"
echo "$out" | grep -q '"median":\[310.0\],"medianLower":\[285.0\],"medianUpper":\[363.0\]' || fail "fed stats.km: $out"
grep -q '"bundleSha256"' km.json || fail "fed --save wrote no certificate: $(cat km.json)"
# the saved result becomes a self-contained HTML report (inline SVG curve, the certificate)
out="$("$DAYBREAK" report --out report.html km.json)" || fail "report: $out"
grep -q 'aria-label="Kaplan-Meier curves"' report.html || fail "the report has no Kaplan-Meier chart"
grep -q 'bundleSha256' report.html || fail "the report has no certificate"
grep -q 'site0: audit entry [0-9]*, head [0-9a-f]\{16\}' report.html || fail "the report does not show the sites' signed audit heads"
grep -q 'io.daybreak.stats.federated 0.1.0[^ ]* (SHA-256 [0-9a-f]\{12\}' report.html \
  || fail "the report does not name the library bundles the analysis ran"
grep -qE '<script|src="http' report.html && fail "the report is not self-contained"
set +e
out="$("$DAYBREAK" report --out report2.html pki/ca.pem 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a report from a non-JSON file exited $code: $out"
echo "$out" | grep -q "ca.pem:1:" || fail "a report from a non-JSON file does not name line and column: $out"
[ -e report2.html ] && fail "a failed report left a file behind"

# a Poisson GLM's coefficients are reported as rate ratios on a log axis (the saved result records its family)
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=meal.cal covariates=age,sex \
  family=poisson --save glm.json --json)" || fail "fed stats.glm poisson: $out"
grep -q '"family" *: *"poisson"' glm.json || fail "the saved federated result does not record its parameters: $(cat glm.json)"
out="$("$DAYBREAK" report --out glm.html glm.json)" || fail "report of the poisson GLM: $out"
grep -q 'rate ratio (95% CI)' glm.html || fail "the poisson GLM's report has no rate ratios"
grep -q 'Rate ratio (95% CI, log scale)' glm.html || fail "the poisson GLM's forest plot is not on the rate-ratio scale"
grep -q '(Intercept)</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td><td>&ndash;</td>' glm.html \
  || fail "the report shows exp(intercept) as if it were a rate ratio"

# survdiff(Surv(time, status) ~ sex, lung): chisq 10.3267419548856
out="$("$DAYBREAK" fed stats.logrank --nodes "$NODES" "${TLS[@]}" dataset=lung group=sex eventValue=2 --json)" \
  || fail "fed stats.logrank: $out"
echo "$out" | grep -q '"chiSquare":10.32674195' || fail "fed stats.logrank: $out"

# mean(wt.loss, na.rm = TRUE) = 9.83177570093458 (tables.R); minimum and maximum are never released
out="$("$DAYBREAK" fed stats.describe --nodes "$NODES" "${TLS[@]}" dataset=lung columns=wt.loss,age --json)" \
  || fail "fed stats.describe: $out"
echo "$out" | grep -q '"mean":\[9.83177570093' || fail "fed stats.describe: $out"
echo "$out" | grep -q '"min"' && fail "fed stats.describe released a minimum: $out"

# chisq.test(table(lung$sex, lung$status)): X-squared 12.4204061317105 (Yates), table 26 112 / 37 53
out="$("$DAYBREAK" fed stats.table --nodes "$NODES" "${TLS[@]}" dataset=lung rows=sex columns=status --json)" \
  || fail "fed stats.table: $out"
echo "$out" | grep -q '"counts":\[\[26,112\],\[37,53\]\]' || fail "fed stats.table counts: $out"
echo "$out" | grep -q '"chiSquared":12.42040613' || fail "fed stats.table chi-squared: $out"

# Firth: firth(cbind(1, age, sex), status == 2) = 0.5081202876657942, 0.0314085497077124, -1.0331211876161304 (firth.R)
out="$("$DAYBREAK" fed stats.firth --nodes "$NODES" "${TLS[@]}" dataset=lung response=dead covariates=age,sex --json)" \
  || fail "fed stats.firth: $out"
echo "$out" | grep -q '"coefficients":\[0.50812028766' || fail "fed stats.firth: $out"

# a model on the complete cases of ph.ecog leaves out one patient at site0: refused, nothing released
set +e
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=age covariates=ph.ecog --json 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "complement refusal exited $code: $out"
echo "$out" | grep -q "site 'site0'" || fail "complement refusal does not name site0: $out"
echo "$out" | grep -q "subset-size" || fail "complement refusal does not name the rule: $out"

for s in 0 1 2; do
  "$DAYBREAK" audit verify "site$s/audit.log" > /dev/null || fail "audit log of site$s not intact"
done
grep -q '"kind":"refusal"' site0/audit.log || fail "the refusal is not in site0's audit log"
sed '0,/"kind":"release"/s//"kind":"relaese"/' site0/audit.log > tampered.log
cmp -s site0/audit.log tampered.log && fail "tampering did not change the copy"
# the copy keeps the node's key, so verification fails on the edit itself, not on a missing key
cp site0/audit.log.key tampered.log.key
set +e
out="$("$DAYBREAK" audit verify tampered.log 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "a tampered audit log verified (exit $code): $out"
echo "$out" | grep -q "tampered.log:" || fail "the tampered entry is not named by line: $out"
# a deleted log is detected: the node refuses to start over it without --new-audit-log
mv site2/audit.log deleted-audit.log
set +e
out="$("$DAYBREAK" node --site site2 --data site2 --port "$(free_port)" --cert pki/site2.pem --key pki/site2.key \
  --trust pki/ca.pem --allow stats.glm --researchers alice 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a node whose audit log was deleted exited $code: $out"
mv deleted-audit.log site2/audit.log

# a site goes down: the exact analysis fails closed and names it
kill "${PIDS[1]}"; wait "${PIDS[1]}" 2>/dev/null || true
set +e
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age --deadline 10000 2>&1)"
code=$?
set -e
[ "$code" -eq 1 ] || fail "analysis with a site down exited $code: $out"
echo "$out" | grep -q "site 'site1'" || fail "the failed site is not named: $out"

# opting in to a partial analysis: it runs on the others and the certificate says who was left out and why
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age --deadline 10000 \
  --allow-partial --json 2>&1)" || fail "partial analysis: $out"
D='"datasetDigest":"[0-9a-f]\{64\}"'
echo "$out" | grep -q '"sites":\[{"site":"site0","n":78,'"$D"'},{"site":"site2","n":45,'"$D"'}\],"datasetVersions":"[^"]*","excluded":\[{"site":"site1"' \
  || fail "partial analysis certificate: $out"

# the node restarts on its port with its audit log: the exact analysis runs again and the log is one intact chain
"$DAYBREAK" node --site site1 --data site1 --port "${PORTS[1]}" --cert pki/site1.pem --key pki/site1.key \
  --trust pki/ca.pem --policy policy.json --allow stats.glm --researchers alice > node1-restarted.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 60); do grep -q "serving" node1-restarted.log 2>/dev/null && break; sleep 0.5; done
out="$("$DAYBREAK" fed stats.glm --nodes "$NODES" "${TLS[@]}" dataset=lung response=wt.loss covariates=age,sex --json)" \
  || fail "analysis after the restart: $out"
echo "$out" | grep -q '"coefficients":\[12.56630347274' || fail "analysis after the restart: $out"
"$DAYBREAK" audit verify site1/audit.log > /dev/null || fail "site1's audit log is not intact after the restart"

echo "federation test passed: 3 nodes with mutual TLS; GLM, Firth, Cox (pooled and by site), Kaplan-Meier, log-rank," \
  "descriptives and a contingency table equal R's pooled values; unauthorised researcher, refusal, audit, site down," \
  "partial analysis, node restart; a node from a datasets file (DuckDB), a database that is down"
