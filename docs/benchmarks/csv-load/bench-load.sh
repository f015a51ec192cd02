#!/usr/bin/env bash
# The CSV load benchmark of ADR 0021 (docs/benchmarks.md, "CSV load"): generates the files if absent, then times the
# load side by side with R's read.csv and data.table::fread, whole processes, with hyperfine and /usr/bin/time -v.
#   ./mvnw -B package -DskipTests -pl bundles/io.daybreak.data     # the bundle jar
#   apt-get install -y hyperfine r-base-core r-cran-data.table r-cran-survival time
#   bash docs/benchmarks/csv-load/bench-load.sh [DIR]               # DIR: where the files go (default /tmp/daybreak-csv-bench)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DIR="${1:-/tmp/daybreak-csv-bench}"
mkdir -p "$DIR/classes"
[ -f "$DIR/bench-1m.csv" ] || java "$HERE/GenerateCsv.java" 1000000 "$DIR/bench-1m.csv"
[ -f "$DIR/bench-10m.csv" ] || java "$HERE/GenerateCsv.java" 10000000 "$DIR/bench-10m.csv"
CP="$(bash "$HERE/classpath.sh")"
sources=("$HERE/CsvLoadBench.java")
[[ "$CP" == *fastcsv* ]] && sources+=("$HERE/FastCsvLoad.java")
javac -d "$DIR/classes" -cp "$CP" "${sources[@]}"
RUN=(java -cp "$DIR/classes:$CP" CsvLoadBench)
uptime
# in-process: 5 loads in one JVM (the first includes the JIT's warm-up; a resident runtime pays the later ones)
for parser in daybreak commons duckdb $([[ "$CP" == *fastcsv* ]] && echo fastcsv); do
  "${RUN[@]}" "$parser" "$DIR/bench-1m.csv" 5
done
# whole processes, side by side
hyperfine --warmup 1 --runs 5 --export-json "$DIR/load-1m.json" --export-markdown "$DIR/load-1m.md" \
  -n daybreak "${RUN[*]} daybreak $DIR/bench-1m.csv" \
  -n read.csv "Rscript -e 'd <- read.csv(\"$DIR/bench-1m.csv\"); cat(nrow(d), \"\\n\")'" \
  -n fread "Rscript -e 'library(data.table); d <- fread(\"$DIR/bench-1m.csv\"); cat(nrow(d), \"\\n\")'"
# peak resident size of each, and of the JVM loading only the header (its baseline)
head -1 "$DIR/bench-1m.csv" > "$DIR/header-only.csv"
for command in "${RUN[*]} daybreak $DIR/header-only.csv" "${RUN[*]} daybreak $DIR/bench-1m.csv" \
    "Rscript -e 'd <- read.csv(\"$DIR/bench-1m.csv\")'" \
    "Rscript -e 'library(data.table); d <- fread(\"$DIR/bench-1m.csv\")'" \
    "java -Xmx256m -cp $DIR/classes:$CP CsvLoadBench daybreak $DIR/bench-10m.csv" \
    "Rscript -e 'library(data.table); d <- fread(\"$DIR/bench-10m.csv\")'"; do
  echo "== $command"
  /usr/bin/time -v bash -c "$command" 2>&1 | grep -E "rows|Elapsed|Maximum resident|VmHWM"
done
uptime
