# Sourced by the bench scripts: a throw-away Docker Engine in a directory, as the tests start one (vfs storage,
# no bridge, no iptables), with the busybox:local image imported; stopped by its pid.
#   start_dockerd DIR      starts it (socket DIR/sock), waits until it answers, imports busybox:local;
#                          sets DOCKERD_PID
#   stop_dockerd DIR PID   removes its containers, stops it, unmounts and deletes what it left in DIR

start_dockerd() {
    local dir="$1"
    mkdir -p "$dir"
    PATH="$PATH:/usr/sbin:/sbin" dockerd --iptables=false --bridge=none --storage-driver=vfs --shutdown-timeout=2 \
        --data-root "$dir/data" --exec-root "$dir/exec" --pidfile "$dir/pid" -H "unix://$dir/sock" \
        >"$dir/dockerd.log" 2>&1 &
    DOCKERD_PID=$!
    for _ in $(seq 300); do DOCKER_HOST="unix://$dir/sock" docker version >/dev/null 2>&1 && break; sleep 0.1; done
    DOCKER_HOST="unix://$dir/sock" scripts/docker-image.sh import busybox:local >/dev/null
}

stop_dockerd() {
    local dir="$1" pid="$2"
    [[ -n "$pid" ]] || return 0
    DOCKER_HOST="unix://$dir/sock" docker ps -aq | xargs -r env DOCKER_HOST="unix://$dir/sock" docker rm -f \
        >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
    grep "$dir/" /proc/self/mountinfo | awk '{print $5}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

# Starts `./cluman dev` on a free port with DOCKER_HOST=unix://$2/sock and data in $1; waits until its node is
# ACTIVE with the docker driver. Sets DEV_PID, DEV_URL and DEV_TOKEN.
start_dev() {
    local data="$1" engine="$2" port
    ./cluman --version >/dev/null   # builds cli/target/cluman.jar when stale
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    DOCKER_HOST="unix://$engine/sock" ./cluman dev --data "$data" --port "$port" --api-port 0 >"$data.log" 2>&1 &
    DEV_PID=$!
    DEV_URL="http://127.0.0.1:$port"
    for _ in $(seq 600); do [[ -s "$data/admin.token" ]] && curl -fs "$DEV_URL/v1/health" >/dev/null && break; sleep 0.1; done
    DEV_TOKEN="$(cat "$data/admin.token")"
    for _ in $(seq 300); do
        curl -fs -H "Authorization: Bearer $DEV_TOKEN" "$DEV_URL/v1/nodes?state=ACTIVE" | grep -q '"docker"' && break
        sleep 0.1
    done
}
