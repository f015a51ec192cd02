#!/usr/bin/env bash
# CRM and TITE-CRM, 10,000 trials on one thread: the code of revision BEFORE (default: the commit before the speed
# work) side by side with the working tree's, in the same minutes, reporting wall and CPU time.
# Needs one module build first (bundles/*/target/classes):
#   ./mvnw -B -o verify -pl tests/io.daybreak.methods.design.tests -am -DskipTests
# Usage: docs/benchmarks/crm/crm-speed.sh [BEFORE]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
BEFORE="${1:-615ecdf}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
M2="${HOME}/.m2/repository"
CP=""
for jar in $(find "$M2" -name '*.jar' | grep -v '/bnd-' | grep -v sources | grep -E \
    'arrow-(vector|memory-core|memory-unsafe|format)/19|commons-(rng-(core|simple|client-api|sampling)/1.6|statistics-distribution/1.1|numbers-(gamma|core|combinatorics|rootfinder|fraction)/1.2)|flatbuffers-java|slf4j-api/2|jackson-(core|databind|annotations)/2\.21|osgi.annotation/8.1|component.annotations/1.5.1|hipparchus-core'); do
  CP="$CP:$jar"
done
for dir in "$ROOT"/bundles/*/target/classes "$ROOT"/tests/io.daybreak.core.testing/target/classes; do
  CP="$CP:$dir"
done
DESIGN="$ROOT/bundles/io.daybreak.methods.design/target/classes"
# "before": the crm package of revision BEFORE compiled over a copy of the built classes
mkdir -p "$WORK/src" "$WORK/before"
cp -r "$DESIGN/." "$WORK/before/"
rm -rf "$WORK/before/io/daybreak/methods/design/crm"
git -C "$ROOT" archive "$BEFORE" bundles/io.daybreak.methods.design/src/io/daybreak/methods/design/crm | tar -x -C "$WORK/src"
javac -nowarn -proc:none -d "$WORK/before" -cp "${CP#:}" $(find "$WORK/src" -name '*.java') 2>&1 | grep -v '^Note' || true
mkdir -p "$WORK/bench"
javac -d "$WORK/bench" -cp "${CP#:}" "$ROOT/docs/benchmarks/crm/CrmCpuTime.java"
CPB="$(echo "${CP#:}" | sed "s#$DESIGN#$WORK/before#")"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
for variant in before after; do
  classpath="${CP#:}"; [ "$variant" = before ] && classpath="$CPB"
  for design in crm tite; do
    printf '%-6s ' "$variant"
    java -cp "$WORK/bench:$classpath" CrmCpuTime $design 2>/dev/null | head -1
  done
done
echo "machine after: $(uptime | sed 's/.*load/load/')"
