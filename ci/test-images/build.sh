#!/usr/bin/env bash
# Builds the integration tests' service images offline from Debian packages and pushes them to the test
# registry under the names the built-in catalog uses, as a company mirror holds them:
#   127.0.0.1:5000/library/postgres:16, library/redis:7.4, library/rabbitmq:4.1-management
# Cached: the debootstrap base and each image (tagged with a hash of its folder) are built once per machine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${OUTPOST_TEST_CACHE:-/var/cache/outpost-test-registry}
BASE=outpost-test/debian-base:bookworm
log() { printf '[test-images] %s\n' "$*" >&2; }

# shellcheck disable=SC1091
source "$CACHE/registry.env"

mirror_uri() {
  # The build uses the same Debian mirror the machine's apt uses.
  sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1
}

if ! docker image inspect "$BASE" >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { apt-get update -q >&2; DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >&2; }
  root=$(mktemp -d)
  log "debootstrap minbase bookworm"
  debootstrap --variant=minbase bookworm "$root" "$(mirror_uri)" >&2
  tar -C "$root" -c . | docker import - "$BASE" >/dev/null
  rm -rf "$root"
fi

declare -A NAMES=([postgres]=library/postgres:16 [redis]=library/redis:7.4 [rabbitmq]=library/rabbitmq:4.1-management)
echo "$OUTPOST_TEST_REGISTRY_PASSWORD" | docker login -u "$OUTPOST_TEST_REGISTRY_USER" --password-stdin "$OUTPOST_TEST_REGISTRY" >/dev/null 2>&1
for svc in postgres redis rabbitmq; do
  hash=$(cd "$HERE/$svc" && cat Dockerfile entrypoint.sh | sha256sum | cut -c1-12)
  local_tag=outpost-test/$svc:$hash
  if ! docker image inspect "$local_tag" >/dev/null 2>&1; then
    log "building $svc"
    docker build -q -t "$local_tag" "$HERE/$svc" >/dev/null
  fi
  remote=$OUTPOST_TEST_REGISTRY/${NAMES[$svc]}
  docker tag "$local_tag" "$remote"
  docker push -q "$remote" >/dev/null
  # Tests must pull through the mirror for real: no local copy under the pulled name.
  docker rmi "$remote" >/dev/null
  log "$remote ready"
done
docker logout "$OUTPOST_TEST_REGISTRY" >/dev/null 2>&1 || true
