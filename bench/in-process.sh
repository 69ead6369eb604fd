#!/usr/bin/env bash
# Runs a benchmark program that uses the server's classes in this JVM (no HTTP, no spawned server):
#   bench/in-process.sh io.cluman.bench.prometheus.ScrapeBench [its options]
# Builds server and bench first; MAVEN_OFFLINE= (empty) lets Maven download. BENCH_JAVA_OPTS sets the JVM's
# options (default -Xms1g -Xmx1g). The run-*-bench.sh scripts that need the server's classes call this.
set -euo pipefail
cd "$(dirname "$0")/.."
main="$1"
shift
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"
mvn -q -B $offline -pl server,bench -am -DskipTests package
# the server module's run-time class path (Micrometer, the Prometheus client, ...); server is the last module -am builds
mvn -q -B $offline -pl server -am dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$PWD/bench/target/server.classpath"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
classes="bench/target/classes:server/target/classes:model/target/classes:store/target/classes:scheduler/target/classes"
# shellcheck disable=SC2086
"$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -cp "$classes:$(cat bench/target/server.classpath)" \
    "$main" "$@"
