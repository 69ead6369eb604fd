#!/usr/bin/env bash
# The engine's own floor for the steps of run-swarm-compare.sh (see docs/benchmarks.md): on a throw-away engine,
# 50 `docker run -d --init --network host busybox:local sleep 3600` at once, 50 more, then SIGTERM to 90 of them
# at once (POST /containers/ID/kill on the socket); each step timed until `docker ps` shows the count running.
#   bench/run-engine-floor.sh [PARALLEL_RUNS]    (default 50: every run at once)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/dockerd.sh
parallel="${1:-50}"
work="$(mktemp -d /tmp/clmf-XXXXXX)"
engine_pid=""
cleanup() {
    stop_dockerd "$work/e" "$engine_pid"
    rm -rf "$work"
}
trap cleanup EXIT

start_dockerd "$work/e"; engine_pid=$DOCKERD_PID
export DOCKER_HOST="unix://$work/e/sock"
running() { docker ps -q --filter label=floor --filter status=running | wc -l; }
await_running() { while [[ $(running) -ne $1 ]]; do sleep 0.1; done; }
since() { echo "$(date +%s.%N) - $1" | bc; }
run() {
    seq "$1" "$2" | xargs -P "$parallel" -I{} docker run -d --init --network host --label floor=1 --name floor{} \
        busybox:local sleep 3600 >/dev/null
}

t0=$(date +%s.%N); run 1 50; await_running 50; echo "0 → 50 ($parallel at once): $(since "$t0") s"
t0=$(date +%s.%N); run 51 100; await_running 100; echo "50 → 100 ($parallel at once): $(since "$t0") s"
t0=$(date +%s.%N)
seq 11 100 | xargs -P 90 -I{} curl -s --unix-socket "$work/e/sock" -X POST \
    "http://engine/containers/floor{}/kill?signal=TERM" >/dev/null
await_running 10; echo "100 → 10 (SIGTERM to 90 at once): $(since "$t0") s"
