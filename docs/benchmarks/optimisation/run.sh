#!/bin/sh
# Reruns the dose-optimisation programme benchmark (docs/benchmarks.md, "Escalation, backfill and randomised
# programme"): builds the design bundle and its benchmark fragment, runs ProgrammeBenchmark under -Pbenchmarks and
# prints its report with the machine's load. Run from the project root. On a shared machine, wrap the Maven call in
# the machine's build lock (flock /tmp/mvn-inner.lock ...).
set -eu
uptime
./mvnw -B -o verify -Pbenchmarks -pl tests/io.daybreak.methods.design.benchmarks -am -Dtest=ProgrammeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false
uptime
cat tests/io.daybreak.methods.design.benchmarks/target/programme-benchmark-results.txt
