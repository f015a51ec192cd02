#!/usr/bin/env bash
# The counting benchmark of signal.disproportionality (docs/benchmarks.md, "Counting report-drug-event rows into
# pair counts"): generates the 10,000,000-row file once, times PairCounter in process (5 counts in one JVM), then
# whole processes side by side with hyperfine: CountBench (read + count + statistics), MethodRun (Daybreak's CSV
# reader + the method, outside OSGi) and R data.table (fread + the same counts and expected counts).
#   ./mvnw -B -o verify -pl tests/io.daybreak.methods.signal.tests -am   # the bundle jars (module build)
#   apt-get install -y hyperfine r-base-core r-cran-data.table time
#   bash docs/benchmarks/signal/counting/bench.sh [DIR]                  # DIR: default /tmp/daybreak-signal-bench
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:-/tmp/daybreak-signal-bench}"
ROWS="${ROWS:-10000000}"
FILE="$DIR/reports-$ROWS.csv"
mkdir -p "$DIR/classes"
[ -f "$FILE" ] || java "$HERE/GenerateReports.java" "$ROWS" "$FILE"
CP="$(bash "$HERE/classpath.sh")"
CPM="$(bash "$HERE/classpath-method.sh")"
javac -d "$DIR/classes" -cp "$CPM" "$HERE/CountBench.java" "$HERE/MethodRun.java"
uptime
java -Xmx8g -cp "$DIR/classes:$CP" CountBench "$FILE" 5
uptime
hyperfine --runs "${RUNS:-3}" --export-json "$DIR/counting.json" --export-markdown "$DIR/counting.md" \
  -n "CountBench (read + count + statistics)" "java -Xmx8g -cp $DIR/classes:$CP CountBench $FILE 1" \
  -n "MethodRun signal.disproportionality" \
  "java -Xmx8g -cp $DIR/classes:$CPM MethodRun $FILE report=report strata=sex,age_group,year minCount=3" \
  -n "R data.table fread + counts" "Rscript $HERE/count.R $FILE"
for command in "java -Xmx8g -cp $DIR/classes:$CPM MethodRun $FILE report=report strata=sex,age_group,year minCount=3" \
    "Rscript $HERE/count.R $FILE"; do
  echo "== $command"
  /usr/bin/time -v bash -c "$command" 2>&1 | grep -E "pairs|Elapsed|Maximum resident"
done
uptime
