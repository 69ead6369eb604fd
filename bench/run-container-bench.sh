#!/usr/bin/env bash
# The container-start benchmark (see docs/benchmarks.md): N busybox `sleep` containers on one node through
# Cluman, against a plain `docker run -d` loop on the same Docker Engine, alternating rounds.
#   bench/run-container-bench.sh                      # 50 containers, 3 rounds
#   bench/run-container-bench.sh --count 20 --rounds 5
# Starts its own dockerd and `cluman dev` in a temporary dir, stops both by pid at the end. Needs docker.io and
# busybox-static (./run-tests installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source bench/dockerd.sh
work="$(mktemp -d /tmp/clmb-XXXXXX)"
DOCKERD_PID=""
DEV_PID=""
cleanup() {
    [[ -n "$DEV_PID" ]] && kill "$DEV_PID" 2>/dev/null && wait "$DEV_PID" 2>/dev/null || true
    stop_dockerd "$work/engine" "$DOCKERD_PID"
    rm -rf "$work"
}
trap cleanup EXIT

start_dockerd "$work/engine"
mvn -q -o -B -pl bench -am package -DskipTests
start_dev "$work/dev" "$work/engine"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(DOCKER_HOST="unix://$work/engine/sock" docker version --format 'Docker Engine {{.Server.Version}}')"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:cli/target/cluman.jar" io.cluman.bench.containers.ContainerStartBench \
    --server "$DEV_URL" --token "$DEV_TOKEN" --docker-host "unix://$work/engine/sock" "$@"
