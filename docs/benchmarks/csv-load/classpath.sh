#!/usr/bin/env bash
# Prints the class path for CsvLoadBench: the built io.daybreak.data bundle and the jars it uses, from the local Maven
# repository that the build filled (FastCSV: ./mvnw dependency:get -Dartifact=de.siegmar:fastcsv:3.7.0).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
M2="${M2_REPO:-$HOME/.m2/repository}"
newest() { find "$M2/$1" -maxdepth 2 -name "$2" 2>/dev/null | sort -V | tail -1 || true; }
jars=(
  "$(ls "$ROOT"/bundles/io.daybreak.data/target/io.daybreak.data-*.jar | grep -v sources | head -1)"
  "$(newest org/apache/arrow/arrow-vector 'arrow-vector-19*.jar')"
  "$(newest org/apache/arrow/arrow-memory-core 'arrow-memory-core-19*.jar')"
  "$(newest org/apache/arrow/arrow-memory-unsafe 'arrow-memory-unsafe-19*.jar')"
  "$(newest org/apache/arrow/arrow-format 'arrow-format-19*.jar')"
  "$(newest com/google/flatbuffers/flatbuffers-java 'flatbuffers-java-*.jar')"
  "$(newest com/fasterxml/jackson/core/jackson-core 'jackson-core-2.21.0.jar')"
  "$(newest com/fasterxml/jackson/core/jackson-databind 'jackson-databind-2.21*.jar')"
  "$(newest com/fasterxml/jackson/core/jackson-annotations 'jackson-annotations-2.21*.jar')"
  "$(newest org/slf4j/slf4j-api 'slf4j-api-2.0.17.jar')"
  "$(newest org/slf4j/slf4j-nop 'slf4j-nop-2*.jar')"
  "$(newest org/apache/commons/commons-csv 'commons-csv-1.14*.jar')"
  "$(newest commons-codec/commons-codec 'commons-codec-1*.jar')"
  "$(newest commons-io/commons-io 'commons-io-2*.jar')"
  "$(newest org/duckdb/duckdb_jdbc 'duckdb_jdbc-*.jar')"
  "$(newest de/siegmar/fastcsv 'fastcsv-3*.jar')"
)
printf '%s\n' "${jars[@]}" | grep -v '^$' | paste -sd:
