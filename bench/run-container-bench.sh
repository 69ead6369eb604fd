#!/usr/bin/env bash
# The container-start benchmark (see docs/benchmarks.md): N busybox `sleep` containers on one node through
# Cluman, against a plain `docker run -d` loop on the same Docker Engine, alternating rounds.
#   bench/run-container-bench.sh                      # 50 containers, 3 rounds
#   bench/run-container-bench.sh --count 20 --rounds 5
# Starts its own dockerd (vfs, no bridge, host network, as the tests do) and `cluman dev` in a temporary
# dir, stops both by pid at the end. Needs docker.io and busybox-static (./run-tests installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
work="$(mktemp -d /tmp/clmb-XXXXXX)"
dockerd_pid=""
dev_pid=""
cleanup() {
    [[ -n "$dev_pid" ]] && kill "$dev_pid" 2>/dev/null && wait "$dev_pid" 2>/dev/null || true
    if [[ -n "$dockerd_pid" ]]; then
        DOCKER_HOST="unix://$work/sock" docker ps -aq | xargs -r env DOCKER_HOST="unix://$work/sock" docker rm -f >/dev/null 2>&1 || true
        kill "$dockerd_pid" 2>/dev/null && wait "$dockerd_pid" 2>/dev/null || true
    fi
    grep "$work/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

PATH="$PATH:/usr/sbin:/sbin" dockerd --iptables=false --bridge=none --storage-driver=vfs --shutdown-timeout=2 \
    --data-root "$work/data" --exec-root "$work/exec" --pidfile "$work/pid" -H "unix://$work/sock" \
    >"$work/dockerd.log" 2>&1 &
dockerd_pid=$!
export DOCKER_HOST="unix://$work/sock"
for _ in $(seq 300); do docker version >/dev/null 2>&1 && break; sleep 0.1; done
scripts/docker-image.sh import busybox:local >/dev/null

./cluman --version >/dev/null   # builds cli/target/cluman.jar when stale
mvn -q -o -pl bench -am package -DskipTests
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./cluman dev --data "$work/dev" --port "$port" >"$work/dev.log" 2>&1 &
dev_pid=$!
for _ in $(seq 600); do [[ -s "$work/dev/admin.token" ]] && curl -fs "http://127.0.0.1:$port/v1/health" >/dev/null && break; sleep 0.1; done
token="$(cat "$work/dev/admin.token")"
for _ in $(seq 300); do
    curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/nodes?state=ACTIVE" | grep -q '"docker"' && break
    sleep 0.1
done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(docker version --format 'Docker Engine {{.Server.Version}}')"
"$JAVA_HOME/bin/java" -cp "bench/target/classes:cli/target/cluman.jar" io.cluman.bench.containers.ContainerStartBench \
    --server "http://127.0.0.1:$port" --token "$token" --docker-host "$DOCKER_HOST" "$@"
