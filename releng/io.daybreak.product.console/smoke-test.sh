#!/usr/bin/env bash
# Smoke run of the materialized console product (run by the build in the verify phase):
# it starts, lists the example methods as JSON, runs one, writes CSV, and maps bad input to exit code 2.
set -euo pipefail
export DAYBREAK_HOME="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$(mktemp -d)"
# one-shot commands are served by resident runtimes (the default); these live in the test's own directory
export DAYBREAK_DAEMON_DIR="$WORK/daemon"
trap '"$ROOT/daybreak" daemon stop > /dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
fail() { echo "smoke test FAILED: $*" >&2; for f in "$DAYBREAK_DAEMON_DIR"/*.log; do [ -f "$f" ] && cat "$f" >&2; done; exit 1; }

out="$("$ROOT/daybreak" methods --json)" || fail "methods --json exited $?"
echo "$out" | grep -q '"id":"example.beta-binomial"' || fail "methods --json does not list example.beta-binomial: $out"
[ "$(echo "$out" | wc -l)" -eq 1 ] || fail "methods --json printed more than one line: $out"
# the design method ids are a public contract
for id in design.3plus3 design.crm design.crm-skeleton design.boin design.boin-boundaries design.keyboard design.blrm \
    design.blrm-posterior design.tite-crm design.tite-boin design.boin12 design.simon design.bop2 design.pp-monitor \
    design.tox-monitor design.pathways design.compare stats.km stats.logrank stats.cox stats.cox-zph stats.rmst stats.glm \
    stats.firth stats.describe stats.table stats.simulate-trial causal.propensity causal.weighting causal.matching causal.effect \
    causal.evalue; do
  echo "$out" | grep -q "\"id\":\"$id\"" || fail "methods --json does not list $id"
done

out="$("$ROOT/daybreak" run example.beta-binomial events=3 patients=10 --out "$WORK/posterior.csv" --json)" \
  || fail "run exited $?"
echo "$out" | grep -q '"status":"SUCCEEDED"' || fail "run did not succeed: $out"
# Beta(4, 8) posterior mean 1/3, printed as 0.3333333333333333
echo "$out" | grep -q '"mean":0.3333333333333333' || fail "unexpected posterior mean: $out"
[ "$(head -1 "$WORK/posterior.csv")" = "rate,density,cdf" ] || fail "posterior.csv has no header"
[ "$(wc -l < "$WORK/posterior.csv")" -eq 102 ] || fail "posterior.csv should have 101 rows"
grep -q '"seed"' "$WORK/posterior.csv.provenance.json" || fail "no provenance record next to posterior.csv"
# provenance names the Daybreak bundles the method's bundle was wired to, with their SHA-256
grep -q '"libraries"' "$WORK/posterior.csv.provenance.json" \
  && grep -q '"bundle" : "io.daybreak.core"' "$WORK/posterior.csv.provenance.json" \
  || fail "the provenance record does not name the bundles the method was wired to"

# a study file (as the IDE saves it) runs as the command it stands for: same seed, same result
cat > "$WORK/study.json" <<'JSON'
{ "daybreakStudy": 1, "method": "example.beta-binomial", "parameters": { "events": 3, "patients": 10 }, "seed": 5 }
JSON
out="$("$ROOT/daybreak" run-study "$WORK/study.json" --json)" || fail "run-study exited $?: $out"
echo "$out" | grep -q '"mean":0.3333333333333333' || fail "run-study gave another result: $out"
echo "$out" | grep -q '"seed":"5"' || fail "run-study did not use the study's seed: $out"
printf '{ "daybreakStudy": 1,\n  "method": }' > "$WORK/broken.json"
set +e
out="$("$ROOT/daybreak" run-study "$WORK/broken.json" 2>&1)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a malformed study file exited $code: $out"
echo "$out" | grep -q "broken.json:2:" || fail "a malformed study file is not named with its line: $out"

# an unknown command with --json still prints exactly one JSON document, and exits 2
set +e
out="$("$ROOT/daybreak" frobnicate --json 2>/dev/null)"
code=$?
set -e
[ "$code" -eq 2 ] || fail "unknown command exited $code, expected 2"
echo "$out" | grep -q '"kind":"bad-input"' || fail "unknown command --json printed no error document: $out"

# "did you mean": a typo of a command, a method id and a parameter is named with the closest name, exit code 2,
# nothing on stdout and nothing written; in a resident runtime and in a JVM of its own alike
for daemon in true false; do
  set +e
  out="$(DAYBREAK_DAEMON=$daemon "$ROOT/daybreak" rnu design.boin 2> "$WORK/err")"
  code=$?
  set -e
  [ "$code" -eq 2 ] || fail "a mistyped command exited $code (DAYBREAK_DAEMON=$daemon), expected 2"
  [ -z "$out" ] || fail "a mistyped command printed on stdout: $out"
  grep -qx "daybreak: unknown command 'rnu'; did you mean 'run'?" "$WORK/err" \
    || fail "no suggestion for a mistyped command (DAYBREAK_DAEMON=$daemon): $(cat "$WORK/err")"
done
set +e
"$ROOT/daybreak" describe design.bion > /dev/null 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a mistyped method exited $code, expected 2"
grep -q "did you mean 'design.boin'?" "$WORK/err" || fail "no suggestion for a mistyped method: $(cat "$WORK/err")"
set +e
"$ROOT/daybreak" run design.boin targt=0.3 --out "$WORK/never.csv" > /dev/null 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a mistyped parameter exited $code, expected 2"
grep -q "did you mean 'target'?" "$WORK/err" || fail "no suggestion for a mistyped parameter: $(cat "$WORK/err")"
[ ! -e "$WORK/never.csv" ] || fail "a run with a mistyped parameter wrote its output"

# help lists Daybreak's commands first, every one of them, then the framework's
out="$("$ROOT/daybreak" help)" || fail "help exited $?"
for command in methods describe run compare run-study jobs cancel pki node fed fed-datasets audit report eca; do
  echo "$out" | grep -q "^  $command " || fail "help does not list $command: $out"
done
[ "$(echo "$out" | grep -n '^  run-study ' | cut -d: -f1)" -lt "$(echo "$out" | grep -n '^Framework' | cut -d: -f1)" ] \
  || fail "help does not list Daybreak's commands before the framework's: $out"

# the interactive shell: Daybreak's help, and a suggestion for a mistyped command (also a framework one); the
# session goes on after bad input and ends with status 0
out="$(printf 'help\nrnu\nlbb\nmethods\nexit\n' | DAYBREAK_DAEMON=false "$ROOT/daybreak" 2> "$WORK/err")" \
  || fail "the interactive shell exited $?: $(cat "$WORK/err")"
echo "$out" | grep -q "^  fed-datasets " || fail "help at the prompt does not list fed-datasets: $out"
echo "$out" | grep -q "example.beta-binomial" || fail "the shell did not go on after bad input: $out"
grep -qx "daybreak: unknown command 'rnu'; did you mean 'run'?" "$WORK/err" \
  && grep -qx "daybreak: unknown command 'lbb'; did you mean 'lb'?" "$WORK/err" \
  || fail "no suggestion at the prompt: $(cat "$WORK/err")"

# a CSV saved by Excel in a decimal-comma locale: UTF-8 byte order mark, semicolons, CRLF; read as a comma file is
printf '\xef\xbb\xbfUSUBJID;AVAL\r\nS1;1\r\nS2;0\r\nS3;1\r\n' > "$WORK/excel.csv"
out="$("$ROOT/daybreak" run example.beta-binomial --in "$WORK/excel.csv" --json)" || fail "semicolon CSV with a BOM: exit $?"
echo "$out" | grep -q '"events":2' && echo "$out" | grep -q '"patients":3' \
  || fail "the semicolon CSV with a BOM was not read as 3 patients with 2 events: $out"
set +e
"$ROOT/daybreak" run example.beta-binomial --in "$WORK/excel.csv" --delimiter , 2> "$WORK/err" > /dev/null
code=$?
set -e
[ "$code" -eq 2 ] || fail "--delimiter , on a semicolon file exited $code, expected 2"
grep -q "has no column 'AVAL'" "$WORK/err" || fail "--delimiter , on a semicolon file: $(cat "$WORK/err")"
# a value that does not fit is named with file, row, column and value
printf 'USUBJID,AVAL\nS1,1\nS2,yes\n' > "$WORK/words.csv"
set +e
"$ROOT/daybreak" run example.beta-binomial --in "$WORK/words.csv" 2> "$WORK/err" > /dev/null
code=$?
set -e
[ "$code" -eq 2 ] || fail "a text value in a numeric column exited $code, expected 2"
grep -q "words.csv, row 2, column 'AVAL': 'yes' is not a number" "$WORK/err" \
  || fail "the bad value is not named with file, row and column: $(cat "$WORK/err")"

# --background makes no sense in a process that ends after the command
set +e
"$ROOT/daybreak" run example.beta-binomial events=1 patients=2 --background 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "one-shot --background exited $code, expected 2"

set +e
"$ROOT/daybreak" run example.beta-binomial events=3 patients=10 threshold=1.5 --out "$WORK/bad.csv" 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "out-of-range parameter exited $code, expected 2"
grep -q "threshold" "$WORK/err" || fail "error does not name the parameter: $(cat "$WORK/err")"
[ ! -e "$WORK/bad.csv" ] || fail "a failed run left an output file"

set +e
"$ROOT/daybreak" describe no.such.method > /dev/null 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || fail "unknown method exited $code, expected 2"
# compare: designs on common random numbers, table and HTML report
"$ROOT/daybreak" compare target=0.3 scenarios=0.05,0.15,0.3,0.5/0.1,0.25,0.45,0.6 trials=500 seed=1 \
  --out "$WORK/cmp.csv" --report "$WORK/cmp.html" > /dev/null || fail "compare exited $?"
grep -q "<svg" "$WORK/cmp.html" || fail "the comparison report has no chart"
# the external-control-arm example: one command, one HTML report
"$ROOT/daybreak" eca --report "$WORK/eca.html" > "$WORK/eca.txt" || fail "eca exited $?"
grep -q "hazard ratio" "$WORK/eca.txt" || fail "eca printed no hazard ratio: $(cat "$WORK/eca.txt")"
grep -q "unmeasured confounding" "$WORK/eca.html" || fail "the eca report has no sensitivity section"
set +e
"$ROOT/daybreak" eca --report "$WORK/no/such/dir/eca.html" > /dev/null 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "eca with a bad report path exited $code, expected 2"

# The interactive shell: commands from standard input, 'exit' ends it, so does end of input.
out="$(printf 'methods\nrun example.beta-binomial events=1 patients=4 --json\nexit\n' | timeout 60 "$ROOT/daybreak")" \
  || fail "interactive shell exited $?"
echo "$out" | grep -q 'example.beta-binomial-oc' || fail "interactive 'methods' printed nothing useful: $out"
echo "$out" | grep -q '"status":"SUCCEEDED"' || fail "interactive run did not succeed: $out"
printf 'jobs\n' | timeout 60 "$ROOT/daybreak" > /dev/null || fail "interactive shell did not end at end of input"
# On a terminal the shell edits lines, completes with Tab and keeps history across sessions (a pseudo-terminal from
# script(1); the user's home moved so the test does not touch the real history)
if command -v script > /dev/null 2>&1; then
  mkdir -p "$WORK/home"
  # keys are typed once the prompt is there (JLine reads them in raw mode), whatever the machine's speed
  wait_for() { for _ in $(seq 240); do grep -q "$1" "$WORK/terminal.out" 2>/dev/null && return; sleep 0.25; done; }
  : > "$WORK/terminal.out"
  (wait_for "daybreak> "; sleep 0.5; printf 'meth\t\r'; wait_for "example.beta-binomial-oc"; printf 'exit\r'; sleep 1) \
    | DAYBREAK_JAVA_OPTS="-Duser.home=$WORK/home" TERM=xterm \
    timeout 60 script -qfec "stty cols 120 rows 40; '$ROOT/daybreak'" /dev/null > "$WORK/terminal.out" 2>&1 \
    || fail "the shell on a terminal exited $?: $(cat "$WORK/terminal.out")"
  grep -q "example.beta-binomial-oc" "$WORK/terminal.out" || fail "Tab did not complete 'meth' to methods: $(cat "$WORK/terminal.out")"
  grep -q ":methods$" "$WORK/home/.daybreak/history" || fail "the shell kept no history in ~/.daybreak/history"
fi
# Gogo's bundle commands work with bundle ids (they need the shell bundle's converters)
out="$(printf 'lb daybreak\nheaders 0\n' | timeout 60 "$ROOT/daybreak" 2>&1)" || fail "lb exited $?"
echo "$out" | grep -q 'Daybreak core' || fail "lb does not list the Daybreak bundles: $out"
echo "$out" | grep -q 'Bundle-SymbolicName' || fail "headers 0 failed: $out"

# the twin methods are listed; a virtual-patient simulation runs; a bad parameter is named
out="$("$ROOT/daybreak" methods --json)" || fail "methods --json exited $?"
for id in twin.tgi-fit twin.tgi-simulate twin.procova twin.prognostic-train twin.fidelity; do
  echo "$out" | grep -q "\"id\":\"$id\"" || fail "methods --json does not list $id"
done
out="$("$ROOT/daybreak" run twin.tgi-simulate n=30 --seed 3 --out "$WORK/twins.csv" --json)" \
  || fail "twin.tgi-simulate exited $?: $out"
echo "$out" | grep -q '"status":"SUCCEEDED"' || fail "twin.tgi-simulate did not succeed: $out"
set +e
"$ROOT/daybreak" run twin.tgi-simulate cvEffect=-1 2> "$WORK/err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "twin.tgi-simulate with cvEffect=-1 exited $code, expected 2"
grep -q "cvEffect" "$WORK/err" || fail "error does not name cvEffect: $(cat "$WORK/err")"

# The resident runtime: the commands above were served by one, started by the first of them.
out="$("$ROOT/daybreak" daemon status)" || fail "daemon status exited $?"
echo "$out" | grep -q "resident runtime: pid" || fail "no resident runtime served the commands: $out"
# the same bytes and exit codes as a command in its own JVM
resident="$("$ROOT/daybreak" methods --json)"
own="$(DAYBREAK_DAEMON=false "$ROOT/daybreak" methods --json)"
[ "$resident" = "$own" ] || fail "methods --json differs between the resident runtime and a JVM of its own"
for mode in true false; do
  set +e
  DAYBREAK_DAEMON=$mode "$ROOT/daybreak" run example.beta-binomial events=3 patients=10 threshold=1.5 > "$WORK/out.$mode" \
    2> "$WORK/err.$mode"
  code=$?
  set -e
  [ "$code" -eq 2 ] || fail "out-of-range parameter with DAYBREAK_DAEMON=$mode exited $code, expected 2"
done
cmp -s "$WORK/err.true" "$WORK/err.false" || fail "the error differs: $(cat "$WORK/err.true") / $(cat "$WORK/err.false")"
# where no runtime can serve (a socket path beyond the 107 bytes a Unix socket allows), the command runs in its own
# JVM with a note on stderr: the same output, status 0
long="$WORK/$(printf 'd%.0s' $(seq 1 110))"
mkdir -p "$long"
out="$(DAYBREAK_DAEMON_DIR="$long" "$ROOT/daybreak" methods --json 2> "$WORK/err")" || fail "methods with a long daemon dir exited $?"
[ "$out" = "$own" ] || fail "methods --json differs when it runs in its own JVM for lack of a runtime"
grep -q "running the command in its own JVM" "$WORK/err" || fail "no note that the command ran in its own JVM"
# relative paths are the caller's: a runtime serves one directory, so another directory gets its own
mkdir -p "$WORK/elsewhere"
printf 'AVAL\n1\n0\n1\n0\n0\n' > "$WORK/elsewhere/cohort.csv"
(cd "$WORK/elsewhere" && "$ROOT/daybreak" run example.beta-binomial --in cohort.csv --out posterior.csv > /dev/null) \
  || fail "a run with relative paths in another directory exited $?"
[ -f "$WORK/elsewhere/posterior.csv" ] || fail "--out posterior.csv was not written to the caller's directory"
[ "$("$ROOT/daybreak" daemon status | grep -c 'resident runtime: pid')" -eq 2 ] || fail "expected two resident runtimes"
# a command whose caller goes away (Ctrl-C) is stopped; the runtime lives on and serves the next one
set +e
timeout -s INT 3 "$ROOT/daybreak" run example.beta-binomial-oc trueRate=0.35 patients=20 trials=2000000000 seed=1 \
  > /dev/null 2>&1
set -e
sleep 1
"$ROOT/daybreak" daemon status | grep -q "1 connections open" \
  || fail "the abandoned command still runs: $("$ROOT/daybreak" daemon status)"
"$ROOT/daybreak" run example.beta-binomial events=3 patients=10 > /dev/null || fail "no command after an abandoned one"
# a bundle updated (or installed, uninstalled, started, stopped) in the interactive shell ends the runtimes, which
# read the product's bundles when they started; the next command starts a runtime with the new bundles
id="$(printf 'lb betabinomial\n' | timeout 60 "$ROOT/daybreak" 2>&1 | awk -F'|' '/Beta-binomial/ { gsub(/ /, "", $1); print $1; exit }')"
[ -n "$id" ] || fail "lb did not show the example bundle's id"
jar="$(ls "$DAYBREAK_HOME"/plugins/io.daybreak.examples.betabinomial_*.jar | head -1)"
[ -n "$(ls "$DAYBREAK_DAEMON_DIR"/*.sock 2>/dev/null)" ] || fail "no resident runtime before the update"
printf 'update %s file:%s\n' "$id" "$jar" | timeout 60 "$ROOT/daybreak" > /dev/null 2>&1 || fail "update $id exited $?"
sleep 4
[ -z "$(ls "$DAYBREAK_DAEMON_DIR"/*.sock 2>/dev/null)" ] || fail "a runtime outlived the update of a bundle"
"$ROOT/daybreak" methods --json | grep -q '"id":"example.beta-binomial"' || fail "methods after the update"
# a rebuilt product ends its runtimes; the next command starts one of the new build
touch "$DAYBREAK_HOME/configuration/config.ini"
sleep 5
[ -z "$(ls "$DAYBREAK_DAEMON_DIR"/*.sock 2>/dev/null)" ] || fail "a runtime outlived the rebuild of its product"
"$ROOT/daybreak" methods > /dev/null || fail "methods after a rebuild exited $?"
"$ROOT/daybreak" daemon stop | grep -q "stopping the resident runtime" || fail "daemon stop did not stop the runtime"
sleep 2
"$ROOT/daybreak" daemon status | grep -q "no resident runtime" || fail "a runtime outlived 'daemon stop'"

echo "smoke test passed: product starts, lists and runs methods, maps bad input to exit code 2; the resident runtime serves one-shot commands as a JVM of their own would"
