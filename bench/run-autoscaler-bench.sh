#!/usr/bin/env bash
# The autoscaler benchmark: one evaluation of every policy (services x replicas, a minute of stats each) over
# the embedded store and the metrics history, in process, one thread.
#   bench/run-autoscaler-bench.sh
#   bench/run-autoscaler-bench.sh --services 1000 --replicas 10 --rounds 20
# MAVEN_OFFLINE= (empty) lets Maven download; BENCH_JAVA_OPTS adds options to the JVM (default -Xms1g -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"
mvn -q -B $offline -pl server,bench -am -DskipTests package
mvn -q -B $offline -pl server -am dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/bench/target/autoscaler.classpath"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} \
    -cp "bench/target/classes:server/target/classes:model/target/classes:store/target/classes:scheduler/target/classes:$(cat bench/target/autoscaler.classpath)" \
    io.cluman.bench.autoscale.AutoscalerBench "$@"
