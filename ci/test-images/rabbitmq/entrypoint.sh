#!/bin/bash
set -euo pipefail
if [ "$(id -u)" = 0 ]; then
  conf=/etc/rabbitmq/rabbitmq.conf
  {
    echo "loopback_users = none"
    [ -n "${RABBITMQ_DEFAULT_USER:-}" ] && echo "default_user = $RABBITMQ_DEFAULT_USER"
    [ -n "${RABBITMQ_DEFAULT_PASS:-}" ] && echo "default_pass = $RABBITMQ_DEFAULT_PASS"
  } > "$conf"
  chown rabbitmq:rabbitmq "$conf"
  chown -R rabbitmq:rabbitmq /var/lib/rabbitmq
  exec runuser -u rabbitmq -- "$0" "$@"
fi
exec "$@"
