#!/usr/bin/env bash
# The scrape benchmark: GET /metrics's work (fleet gauges refreshed from one pass, then the text format) at
# 10,000 nodes, in process, one thread, no HTTP: first scrape, steady scrapes, scrapes with node churn.
#   bench/run-scrape-bench.sh
#   bench/run-scrape-bench.sh --nodes 2000 --containers-per-node 5 --services 100 --scrapes 50
# MAVEN_OFFLINE= (empty) lets Maven download; BENCH_JAVA_OPTS adds options to the JVM (default -Xms1g -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"
mvn -q -B $offline -pl server,bench -am -DskipTests package
# the server module's class path (Micrometer and the Prometheus client); server is the last module -am builds
mvn -q -B $offline -pl server -am dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/bench/target/scrape.classpath"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} \
    -cp "bench/target/classes:server/target/classes:model/target/classes:store/target/classes:$(cat bench/target/scrape.classpath)" \
    io.cluman.bench.prometheus.ScrapeBench "$@"
