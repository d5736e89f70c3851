#!/usr/bin/env bash
# A real registry for the integration tests, as a company mirror: Debian's docker-registry on
# 127.0.0.1:5000 with htpasswd auth. Its storage and credentials live in a cache directory so images
# pushed once survive between CI runs on the same machine.
#   registry.sh start | stop | status       (prints the env file path on start)
set -euo pipefail
CACHE=${OUTPOST_TEST_CACHE:-/var/cache/outpost-test-registry}
ADDR=127.0.0.1:5000
PIDFILE=$CACHE/registry.pid

log() { printf '[test-registry] %s\n' "$*" >&2; }

install_tools() {
  local missing=()
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  command -v htpasswd >/dev/null || missing+=(apache2-utils)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
}

answering() { curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/v2/" 2>/dev/null | grep -q '^401$'; }

start() {
  install_tools
  mkdir -p "$CACHE/data" && chmod 700 "$CACHE"
  if [ ! -s "$CACHE/registry.env" ]; then
    local password
    password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    htpasswd -Bbn outpost "$password" > "$CACHE/htpasswd"
    umask 077
    printf 'OUTPOST_TEST_REGISTRY=%s\nOUTPOST_TEST_REGISTRY_USER=outpost\nOUTPOST_TEST_REGISTRY_PASSWORD=%s\n' \
      "$ADDR" "$password" > "$CACHE/registry.env"
  fi
  cat > "$CACHE/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $CACHE/data
  delete:
    enabled: true
http:
  addr: $ADDR
auth:
  htpasswd:
    realm: outpost-test
    path: $CACHE/htpasswd
YAML
  if answering; then
    log "already running at $ADDR"
  else
    docker-registry serve "$CACHE/config.yml" >"$CACHE/registry.log" 2>&1 &
    echo $! > "$PIDFILE"
    for _ in $(seq 1 50); do answering && break; sleep 0.2; done
    answering || { cat "$CACHE/registry.log" >&2; log "did not start"; exit 1; }
    log "started at $ADDR (pid $(cat "$PIDFILE"))"
  fi
  echo "$CACHE/registry.env"
}

stop() {
  if [ -s "$PIDFILE" ] && kill "$(cat "$PIDFILE")" 2>/dev/null; then
    log "stopped"
  fi
  rm -f "$PIDFILE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) answering && echo "running at $ADDR" || { echo "not running"; exit 1; } ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
