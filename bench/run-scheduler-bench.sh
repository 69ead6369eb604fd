#!/usr/bin/env bash
# The scheduler benchmark (see docs/benchmarks.md): single-threaded placements on 10,000 simulated nodes
# (binpack, two constraints), 1,000,000 placements after a warm-up, verified for oversubscription at the end.
#   bench/run-scheduler-bench.sh
#   bench/run-scheduler-bench.sh --nodes 5000 --placements 200000 --warmup 100000 --seed 7
# Pure computation in one JVM: no server, no network. MAVEN_OFFLINE= (empty) lets Maven download;
# BENCH_JAVA_OPTS adds options to the JVM (default -Xms2g -Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"
mvn -q -B $offline -pl scheduler,bench -am -DskipTests package
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} \
    -cp "bench/target/classes:scheduler/target/classes:model/target/classes" \
    io.cluman.bench.scheduler.SchedulerBench "$@"
