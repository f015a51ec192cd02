#!/usr/bin/env bash
# Classpath of the counting benchmark: the io.daybreak.stats.signal bundle jar (./mvnw -B package -DskipTests
# -pl bundles/io.daybreak.stats.signal -am) and Commons Statistics/Numbers/RNG from the local Maven repository.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
M2="${M2_REPO:-$HOME/.m2/repository}"
newest() { find "$M2/$1" -maxdepth 2 -name "$2" 2>/dev/null | sort -V | tail -1 || true; }
jars=(
  "$(ls "$ROOT"/bundles/io.daybreak.stats.signal/target/io.daybreak.stats.signal-*.jar | grep -v sources | head -1)"
  "$(newest org/apache/commons/commons-statistics-distribution 'commons-statistics-distribution-1.1.jar')"
  "$(newest org/apache/commons/commons-numbers-gamma 'commons-numbers-gamma-1.2.jar')"
  "$(newest org/apache/commons/commons-numbers-core 'commons-numbers-core-1.2.jar')"
  "$(newest org/apache/commons/commons-numbers-fraction 'commons-numbers-fraction-1.2.jar')"
  "$(newest org/apache/commons/commons-numbers-combinatorics 'commons-numbers-combinatorics-1.2.jar')"
  "$(newest org/apache/commons/commons-numbers-rootfinder 'commons-numbers-rootfinder-1.2.jar')"
  "$(newest org/apache/commons/commons-rng-client-api 'commons-rng-client-api-1.6.jar')"
  "$(newest org/apache/commons/commons-rng-sampling 'commons-rng-sampling-1.6.jar')"
)
IFS=:; echo "${jars[*]}"
