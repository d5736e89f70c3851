#!/bin/sh
# As the official image: a first argument that is an option means "options for redis-server", and a
# server started without a config file turns protected mode off so published ports answer.
set -e
if [ "${1#-}" != "$1" ]; then
  set -- redis-server "$@"
fi
if [ "$1" = redis-server ] && [ "$#" -eq 1 ]; then
  set -- redis-server --protected-mode no
fi
exec "$@"
