#!/usr/bin/env bash
# The metrics history benchmark: 10,000 series x 1 point / 5 s ingested for a simulated hour as fast as one
# thread can (points/s, CPU per simulated second), then a 30-day query of one series (1,000 series of history).
#   bench/run-metrics-bench.sh
#   bench/run-metrics-bench.sh --series 2000 --minutes 10 --history-series 100 --days 7 --dir /tmp/mb
# Writes under bench/target/metrics-bench unless --dir. MAVEN_OFFLINE= (empty) lets Maven download;
# BENCH_JAVA_OPTS adds options to the JVM (default -Xms2g -Xmx2g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"
mvn -q -B $offline -pl server,bench -am -DskipTests package
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms2g -Xmx2g} \
    -cp "bench/target/classes:server/target/classes" \
    io.cluman.bench.metrics.MetricsBench --dir bench/target/metrics-bench "$@"
