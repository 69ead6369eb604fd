#!/usr/bin/env bash
# Node failure with default settings (see docs/benchmarks.md): a server with its defaults (off-after 15 s,
# lost-grace 15 s), three agents, a 6-replica service of /bin/sleep; kill -9 an agent holding replicas and time
# until the API shows 6 replicas RUNNING on the other nodes.
#   bench/run-failover-bench.sh [ROUNDS]     # default 3
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
rounds="${1:-3}"
work="$(mktemp -d /tmp/clmf-XXXXXX)"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pkill -f '/bin/sleep 3599' 2>/dev/null || true   # the replicas (a duration nothing else uses)
    rm -rf "$work"
}
trap cleanup EXIT

./cluman --version >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
./cluman server --data "$work/server" --port "$port" --auto-commission >"$work/server.log" 2>&1 &
pids+=($!)
url="http://127.0.0.1:$port"
for _ in $(seq 600); do curl -fs "$url/v1/health" >/dev/null 2>&1 && break; sleep 0.1; done
token="$(cat "$work/server/admin.token")"
api() { curl -fs -H "Authorization: Bearer $token" "$url$1"; }
declare -A agent_pid
for n in 1 2 3; do
    ./cluman agent --join "$url" --token "$(cat "$work/server/join.token")" --data "$work/agent$n" --name "node$n" \
        --api-bind 127.0.0.1 --api-port 0 >"$work/agent$n.log" 2>&1 &
    pids+=($!)
    agent_pid[node$n]=$!
done
count() { python3 -c "import json,sys; print(len(json.load(sys.stdin)))"; }
for _ in $(seq 600); do [[ "$(api '/v1/nodes?state=ACTIVE' | count)" == 3 ]] && break; sleep 0.1; done

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; server defaults (off-after 15s, lost-grace 15s)"
for r in $(seq "$rounds"); do
    CLUMAN_ADDR="$url" CLUMAN_TOKEN="$token" ./cluman service create "web$r" --replicas 6 --driver process \
        -- /bin/sleep 3599 >/dev/null
    running() {  # replicas of the service RUNNING on nodes other than $1
        api "/v1/containers?service=web$r" | python3 -c "import json,sys
nodes={n['id']:n['name'] for n in json.loads(sys.argv[1])}
print(sum(1 for c in json.load(sys.stdin) if c.get('status')=='RUNNING' and nodes.get(c['node'])!='$1'))" \
            "$(api /v1/nodes)"
    }
    for _ in $(seq 600); do [[ "$(running none)" == 6 ]] && break; sleep 0.1; done
    victim=$(api "/v1/containers?service=web$r" | python3 -c "import json,sys
nodes={n['id']:n['name'] for n in json.loads(sys.argv[1])}
print(nodes[json.load(sys.stdin)[0]['node']])" "$(api /v1/nodes)")
    start=$(date +%s.%N)
    kill -9 "${agent_pid[$victim]}"
    until [[ "$(running "$victim")" == 6 ]]; do sleep 0.2; done
    end=$(date +%s.%N)
    printf 'round %d: killed the agent of %s; 6 replicas running elsewhere after %.1f s\n' "$r" "$victim" \
        "$(echo "$end - $start" | bc)"
    # bring the node back for the next round, as an operator would
    n="${victim#node}"
    ./cluman agent --join "$url" --token "$(cat "$work/server/join.token")" --data "$work/agent$n" --name "$victim" \
        --api-bind 127.0.0.1 --api-port 0 >>"$work/agent$n.log" 2>&1 &
    pids+=($!)
    agent_pid[$victim]=$!
    for _ in $(seq 600); do [[ "$(api '/v1/nodes?on=true' | count)" == 3 ]] && break; sleep 0.1; done
    CLUMAN_ADDR="$url" CLUMAN_TOKEN="$token" ./cluman service rm "web$r" >/dev/null
done
