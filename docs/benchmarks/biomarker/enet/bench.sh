#!/bin/sh
# Elastic net benchmark: the engine's path + 10-fold CV next to R glmnet's cv.glmnet, same data, same foldid,
# timed in process after loading (JVM start and R start excluded), each repeated. Run from the repository root:
#   sh docs/benchmarks/biomarker/enet/bench.sh [gaussian|binomial] [repeats]
set -e
family=${1:-gaussian}
repeats=${2:-3}
dir=${ENET_BENCH_DIR:-/tmp/enet-bench}
out=$(mktemp -d)
[ -f "$dir/x.bin" ] || Rscript docs/benchmarks/biomarker/enet/make-data.R "$dir"
cp=$(find ~/.m2/repository/org/apache/commons -name 'commons-rng-*1.6.jar' | tr '\n' ':')
cp=$cp$(find ~/.m2/repository/org/osgi -name 'org.osgi.annotation.versioning-*.jar' | head -1)
javac -nowarn -d "$out" -cp "$cp" -sourcepath bundles/io.daybreak.stats.models/src:bundles/io.daybreak.stats/src \
  bundles/io.daybreak.stats.biomarker/src/io/daybreak/stats/biomarker/penalized/*.java \
  docs/benchmarks/biomarker/enet/EnetBench.java 2>/dev/null
echo "load: $(uptime)"
java -Xmx3g -cp "$out:$cp" EnetBench "$dir" "$family" false "$repeats"
Rscript docs/benchmarks/biomarker/enet/cvglmnet.R "$dir" "$family" "$repeats"
echo "load: $(uptime)"
rm -rf "$out"
