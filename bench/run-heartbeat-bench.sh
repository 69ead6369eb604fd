#!/usr/bin/env bash
# The heartbeat benchmark against a server it starts itself in a child JVM (see docs/benchmarks.md):
#   bench/run-heartbeat-bench.sh                          # 10,000 nodes, 30 s warmup, 120 s measured
#   bench/run-heartbeat-bench.sh --nodes 1000 --duration 30s
# Any HeartbeatBench option may follow (--join-rate, --warmup, --server-jvm-arg, --keep-data ...).
# Builds bench and what it needs first; MAVEN_OFFLINE= (empty) lets Maven download. BENCH_JAVA_OPTS adds
# options to the bench's own JVM (for example a flight recording of the client side); BENCH_SKIP_BUILD=1
# reuses the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
offline="${MAVEN_OFFLINE--o}"

# The Cluman jars are copied aside so that a build running meanwhile (mvn install) cannot swap them
# under the running server and bench.
classpath_file=bench/target/bench.classpath
snapshot=bench/target/bench-jars
if [[ "${BENCH_SKIP_BUILD:-}" != 1 || ! -f "$classpath_file" ]]; then
    mvn -q $offline -pl bench -am install -DskipTests
    mvn -q $offline -pl bench dependency:build-classpath -Dmdep.includeScope=runtime \
        -Dmdep.outputFile="$PWD/$classpath_file.maven"
    rm -rf "$snapshot" && mkdir -p "$snapshot"
    cp bench/target/cluman-bench-*.jar "$snapshot/"
    classpath="$PWD/$snapshot/$(basename bench/target/cluman-bench-*.jar)"
    IFS=: read -r -a entries < "$classpath_file.maven" || true  # no newline at the end: read says 1
    for entry in "${entries[@]}"; do
        if [[ "$(basename "$entry")" == cluman-* ]]; then
            cp "$entry" "$snapshot/"
            entry="$PWD/$snapshot/$(basename "$entry")"
        fi
        classpath="$classpath:$entry"
    done
    printf '%s' "$classpath" > "$classpath_file"
fi

# The bench's JVM runs ZGC: its pauses would count into every heartbeat in flight.
# shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xmx2g -XX:+UseZGC ${BENCH_JAVA_OPTS:-} \
    -cp "$(cat "$classpath_file")" io.cluman.bench.HeartbeatBench --spawn-server "$@"
