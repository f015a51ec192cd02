#!/bin/sh
# EBGM at pharmacovigilance scale: 1,000,000 pairs, autoSquash + prior fit (vignette starts) + EBGM/EB05/EB95,
# Daybreak (one core: taskset -c 0, -XX:ActiveProcessorCount=1) side by side with openEBGM 0.9.1 (R 4.2.2, one core).
# Needs: a module build of bundles/io.daybreak.stats.signal (its jar in target/), ~/.m2 with the target platform,
# openEBGM in /work/Rlib (or on .libPaths), hyperfine. Usage: sh docs/benchmarks/signal/ebgm/run.sh [runs]
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
runs=${1:-3}
data=/tmp/ebgm-1e6.csv
[ -f "$data" ] || Rscript "$here/make_pairs.R" "$data"
m2=$HOME/.m2/repository/org/apache/commons
cp="$(ls "$root"/bundles/io.daybreak.stats.signal/target/io.daybreak.stats.signal-*.jar | head -1)"
for a in commons-numbers-gamma commons-numbers-rootfinder commons-numbers-core commons-numbers-fraction \
         commons-statistics-distribution commons-rng-client-api; do
  cp="$cp:$(ls "$m2/$a"/*/"$a"-*.jar | grep -v sources | tail -1)"
done
out=/tmp/ebgm-bench-classes
mkdir -p "$out"
javac -d "$out" -cp "$cp" "$here/EbgmBench.java"
hyperfine --runs "$runs" --export-markdown /tmp/ebgm-bench.md \
  -n daybreak "taskset -c 0 java -XX:ActiveProcessorCount=1 -cp $out:$cp EbgmBench $data" \
  -n openEBGM "taskset -c 0 Rscript $here/openebgm.R $data"
