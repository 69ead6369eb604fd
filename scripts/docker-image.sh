#!/usr/bin/env bash
# docker-image.sh — Cluman's test image, busybox:local, made from Debian's busybox-static (no registry
# is reachable here). Shared by the tests (DockerdProcess), the benchmarks and people trying things.
#
#   scripts/docker-image.sh tar > rootfs.tar     the image's root file system as a tar on stdout
#   scripts/docker-image.sh import [TAG]         imports it into the engine at DOCKER_HOST (or the
#                                                default socket) as TAG, busybox:local by default
#
# The image holds /bin/busybox (static) and links for the applets below, /tmp, and an /etc/passwd with
# root and nobody. It carries LABEL arg.memory=64M (the default memory of containers made from it).
# Needs busybox-static (apt-get install busybox-static) and, for import, the docker CLI (docker.io).
set -euo pipefail

applets=(sh ash sleep echo printf cat env yes true false test httpd wget nc ls ps kill grep head tail wc
         mkdir rm touch date id hostname seq dd)
label='LABEL arg.memory=64M'

find_busybox() {
    local candidate
    for candidate in /bin/busybox /usr/bin/busybox "$(command -v busybox 2>/dev/null || true)"; do
        [[ -n "$candidate" && -x "$candidate" ]] || continue
        # ldd fails (status 1) on a static binary, saying so
        if [[ "$(LC_ALL=C ldd "$candidate" 2>&1 || true)" == *"not a dynamic"* ]]; then
            echo "$candidate"
            return
        fi
    done
    echo "docker-image.sh: no statically linked busybox found: apt-get install busybox-static" >&2
    exit 1
}

write_tar() {
    local busybox root applet
    busybox="$(find_busybox)"
    root="$(mktemp -d)"
    trap 'rm -rf "$root"' RETURN
    chmod 755 "$root"
    mkdir -p "$root/bin" "$root/etc" "$root/tmp"
    chmod 1777 "$root/tmp"
    cp "$busybox" "$root/bin/busybox"
    for applet in "${applets[@]}"; do
        ln -s busybox "$root/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' > "$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"
    tar --numeric-owner --owner=0 --group=0 -C "$root" -c .
}

case "${1:-}" in
    tar)
        write_tar
        ;;
    import)
        tag="${2:-busybox:local}"
        command -v docker >/dev/null 2>&1 || { echo "docker-image.sh: no docker CLI: apt-get install docker.io" >&2; exit 1; }
        # through a file: a pipe would import an empty image when building the tar fails
        tarball="$(mktemp)"
        trap 'rm -f "$tarball"' EXIT
        write_tar > "$tarball"
        docker import -c "$label" "$tarball" "$tag" >/dev/null
        echo "$tag"
        ;;
    *)
        sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
        exit 2
        ;;
esac
