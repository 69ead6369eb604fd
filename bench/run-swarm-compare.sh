#!/usr/bin/env bash
# Cluman's services against Docker Swarm (see docs/benchmarks.md): a busybox `sleep` service created at 50
# replicas, scaled to 100, then to 10, on each; every step timed until `docker ps` shows the target count.
#   bench/run-swarm-compare.sh [--steps 50,100,10]
# Starts two throw-away engines (one for Cluman's agent, a dedicated one for the Swarm) and `cluman dev`, and
# stops them by pid at the end. Both stop containers with a 10 s grace (Swarm's default, Cluman's too).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
source bench/dockerd.sh
work="$(mktemp -d /tmp/clms-XXXXXX)"
cluman_engine_pid=""
swarm_engine_pid=""
DEV_PID=""
cleanup() {
    [[ -n "$DEV_PID" ]] && kill "$DEV_PID" 2>/dev/null && wait "$DEV_PID" 2>/dev/null || true
    DOCKER_HOST="unix://$work/swarm/sock" docker swarm leave --force >/dev/null 2>&1 || true
    stop_dockerd "$work/cluman" "$cluman_engine_pid"
    stop_dockerd "$work/swarm" "$swarm_engine_pid"
    rm -rf "$work"
}
trap cleanup EXIT

start_dockerd "$work/cluman"; cluman_engine_pid=$DOCKERD_PID
start_dockerd "$work/swarm"; swarm_engine_pid=$DOCKERD_PID
DOCKER_HOST="unix://$work/swarm/sock" docker swarm init --advertise-addr 127.0.0.1 >/dev/null
mvn -q -o -B -pl bench -am package -DskipTests
start_dev "$work/dev" "$work/cluman"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(DOCKER_HOST="unix://$work/swarm/sock" docker version --format 'Docker Engine {{.Server.Version}}')"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:cli/target/cluman.jar" io.cluman.bench.services.SwarmCompare \
    --server "$DEV_URL" --token "$DEV_TOKEN" --cluman-docker-host "unix://$work/cluman/sock" \
    --swarm-docker-host "unix://$work/swarm/sock" "$@"
