#!/usr/bin/env bash
# Stands in for systemd in the release script's tests (INVENTORY_PROCESS_MANAGER): the apps
# are local Node processes started from $INVENTORY_HOME/current, each on the port in
# $FAKE_PM_STATE/<app>.port. Every call is logged to $FAKE_PM_STATE/calls.log.
#   fake-process-manager.sh migrate <release-id>   runs each app's dist/migrate.js
#   fake-process-manager.sh restart <app>          stops the running copy, starts current's
set -euo pipefail
state=${FAKE_PM_STATE:?}
home=${INVENTORY_HOME:?}
node=${FAKE_NODE:-node}
apps=(gateway catalog-service stock-service notification-service)

running() {
  # A killed child nobody has reaped yet (a zombie) is not running.
  kill -0 "$1" 2>/dev/null && ! grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null
}

case "$1" in
migrate)
  echo "migrate $2" >>"$state/calls.log"
  for app in "${apps[@]}"; do
    (cd "$home/releases/$2" && "$node" "apps/$app/dist/migrate.js")
  done
  ;;
restart)
  app=$2
  if [ -f "$state/$app.pid" ]; then
    pid=$(cat "$state/$app.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 100); do running "$pid" || break; sleep 0.05; done
  fi
  release=$(basename "$(readlink "$home/current")")
  echo "restart $app $release" >>"$state/calls.log"
  PORT=$(cat "$state/$app.port") nohup "$node" "$home/current/apps/$app/dist/main.js" \
    >>"$state/$app.out" 2>&1 </dev/null &
  echo $! >"$state/$app.pid"
  ;;
*)
  echo "fake process manager: unknown command $1" >&2
  exit 64
  ;;
esac
