#!/usr/bin/env bash
# Classpath of MethodRun: the counting classpath plus io.daybreak.core, io.daybreak.methods.signal and the CSV
# loader's classpath (docs/benchmarks/csv-load/classpath.sh); the bundle jars come from a module build
# (./mvnw -B -o verify -pl tests/io.daybreak.methods.signal.tests -am).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
jar() { ls "$ROOT"/bundles/$1/target/$1-*.jar | grep -v sources | head -1; }
echo "$(bash "$HERE/classpath.sh"):$(jar io.daybreak.core):$(jar io.daybreak.methods.signal):$(bash "$ROOT/docs/benchmarks/csv-load/classpath.sh")"
