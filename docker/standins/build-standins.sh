#!/usr/bin/env bash
# For machines that cannot reach an image registry: builds local stand-ins for the public base
# images docker/Dockerfile and docker/compose.yaml name, and tags them with exactly those names,
# from a Debian bookworm rootfs (debootstrap) plus this machine's node/npm and Debian's own
# postgresql, nats-server and redis-server packages. An image already present is left alone.
# On a normal host none of this runs: Docker pulls the real images from Docker Hub.
# Needs root and a reachable Debian mirror (DEBIAN_MIRROR); installs Debian's debootstrap if missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
docker_dir="$(dirname "$here")"
work="${STANDINS_WORK_DIR:-/var/tmp/brigade-standins}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
log() { echo "[standins] $*"; }

arg_default() { sed -n "s/^ARG $1=//p" "$docker_dir/Dockerfile" | head -n 1; }
compose_image() { sed -n "s/^ *image: *\($1:[^ ]*\).*/\1/p" "$docker_dir/compose.yaml" | head -n 1; }
debian_image="$(arg_default RUNTIME_IMAGE)"
node_image="$(arg_default NODE_IMAGE)"
postgres_image="$(compose_image postgres)"
nats_image="$(compose_image nats)"
redis_image="$(compose_image redis)"

present() { docker image inspect "$1" >/dev/null 2>&1; }

# The builds below fetch Debian packages or npm packages: the host's network, whatever it is.
build() { # tag, dockerfile, context
  log "building $1"
  docker build --force-rm --network host --build-arg "BASE=$debian_image" -t "$1" -f "$2" "$3" >"$work/build.log" 2>&1 \
    || { tail -n 30 "$work/build.log" >&2; exit 1; }
}
mkdir -p "$work"

if ! present "$debian_image"; then
  if [ ! -x "$work/rootfs/bin/bash" ]; then
    if ! command -v debootstrap >/dev/null && command -v apt-get >/dev/null; then
      log "installing Debian's debootstrap"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap; } >"$work/apt.log" 2>&1 \
        || { tail -n 20 "$work/apt.log" >&2; exit 1; }
    fi
    log "debootstrap bookworm (minbase) into $work/rootfs"
    rm -rf "$work/rootfs" && mkdir -p "$work"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
      || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
  fi
  log "importing the rootfs as $debian_image"
  # Trimmed like the official slim image: no package caches, lists, docs or translations.
  tar -C "$work/rootfs" -c \
    --exclude=./var/cache/apt/archives/*.deb --exclude=./var/lib/apt/lists/* \
    --exclude=./usr/share/doc/* --exclude=./usr/share/man/* --exclude=./usr/share/info/* \
    --exclude=./usr/share/locale/* --exclude=./proc/* --exclude=./sys/* --exclude=./dev/* . \
    | docker import --change 'CMD ["bash"]' - "$debian_image" >/dev/null
fi

if ! present "$node_image"; then
  context="$(mktemp -d)"
  trap 'rm -rf "$context"' EXIT
  cp "$(readlink -f "$(command -v node)")" "$context/node"
  cp -a "$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")" "$context/npm"
  # Builds run npm ci inside the image: it must trust the same CAs as this machine (its egress may
  # re-sign TLS). Only this local stand-in carries them; the app images are not built FROM it.
  cp "${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" "$context/ca-certificates.crt"
  cp "$here/node.Dockerfile" "$context/Dockerfile"
  build "$node_image" "$context/Dockerfile" "$context"
fi

present "$postgres_image" || build "$postgres_image" "$here/postgres.Dockerfile" "$here"
present "$nats_image" || build "$nats_image" "$here/nats.Dockerfile" "$here"
present "$redis_image" || build "$redis_image" "$here/redis.Dockerfile" "$here"
log "ready: $debian_image $node_image $postgres_image $nats_image $redis_image"
