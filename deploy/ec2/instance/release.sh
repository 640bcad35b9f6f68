#!/usr/bin/env bash
# inventory-release: installs and activates releases of Electronic Inventory on this instance.
#
#   inventory-release activate <artifact.tar.gz>  install (npm ci --omit=dev), migrate, switch
#                                                 `current`, restart the apps one at a time
#                                                 checking /health; roll back on failure
#   inventory-release switch <release-id>         make an installed release current (no
#                                                 migrations), same restart, checks, roll back
#   inventory-release rollback                    switch back to the release that was live
#                                                 before the current one
#   inventory-release restart                     restart the apps one at a time, checking health
#   inventory-release list                        installed releases, the current one marked
#
# Exit status: 0 done; 1 refused or failed with the previous release running again (or nothing
# switched); 2 failed and the rollback failed too: the apps need a person now.
#
# Everything outside this script is injectable, which is how it is tested against local
# processes (deploy/ec2/test/release.spec.ts); the defaults are production's:
#   INVENTORY_HOME             /opt/inventory (releases/<id>/, current -> releases/<id>,
#                              previous -> the release live before current, shared/)
#   INVENTORY_USER             inventory: owns the releases and runs npm ci
#   INVENTORY_PROCESS_MANAGER  executable run as `<pm> migrate <release-id>` and
#                              `<pm> restart <app>`; unset: systemd (inventory-migrate@<id>,
#                              inventory@<app>)
#   INVENTORY_HEALTH_URL_<APP> an app's health URL (<APP> upper-case with _ for -), defaults
#                              http://127.0.0.1:3000/health (gateway), 3001 catalog-service,
#                              3002 stock-service, 3003 notification-service
#   INVENTORY_HEALTH_TIMEOUT   seconds an app has to answer healthy after its restart (90)
#   INVENTORY_HEALTH_PASSES    healthy answers in a row that count (3)
#   INVENTORY_HEALTH_INTERVAL  seconds between two health checks (1)
#   INVENTORY_KEEP_RELEASES    installed releases kept, current and previous always (5)
#   INVENTORY_DEPLOY_LOG       /var/log/inventory/deploy.log (also printed)
#   INVENTORY_CONSOLE_DIR      /var/www/inventory-console: where nginx serves the web console
#                              from; a release that goes live publishes its apps/web/dist there
set -euo pipefail

home=${INVENTORY_HOME:-/opt/inventory}
run_user=${INVENTORY_USER:-inventory}
health_timeout=${INVENTORY_HEALTH_TIMEOUT:-90}
health_passes=${INVENTORY_HEALTH_PASSES:-3}
health_interval=${INVENTORY_HEALTH_INTERVAL:-1}
keep_releases=${INVENTORY_KEEP_RELEASES:-5}
deploy_log=${INVENTORY_DEPLOY_LOG:-/var/log/inventory/deploy.log}
console_dir=${INVENTORY_CONSOLE_DIR:-/var/www/inventory-console}
# Services first, gateway last: when the gateway comes back its /health covers everything.
apps=(catalog-service stock-service notification-service gateway)

log() {
  local line
  line="$(date -u +%Y-%m-%dT%H:%M:%SZ) $*"
  echo "$line"
  if [ -w "$(dirname "$deploy_log")" ]; then echo "$line" >>"$deploy_log"; fi
}
die() {
  log "error: $*"
  exit 1
}

# The deploy lock (fd 9) is closed for it: an app it starts must not hold the lock forever.
process_manager() {
  if [ -n "${INVENTORY_PROCESS_MANAGER:-}" ]; then
    "$INVENTORY_PROCESS_MANAGER" "$@" 9>&-
    return
  fi
  case "$1" in
  migrate) systemctl start "inventory-migrate@$2.service" 9>&- ;;
  restart) systemctl restart "inventory@$2.service" 9>&- ;;
  *) die "process manager: unknown command $1" ;;
  esac
}

health_url() {
  local name default
  name="INVENTORY_HEALTH_URL_$(echo "$1" | tr 'a-z-' 'A-Z_')"
  case "$1" in
  gateway) default=http://127.0.0.1:3000/health ;;
  catalog-service) default=http://127.0.0.1:3001/health ;;
  stock-service) default=http://127.0.0.1:3002/health ;;
  notification-service) default=http://127.0.0.1:3003/health ;;
  *) die "no health URL for $1" ;;
  esac
  echo "${!name:-$default}"
}

# Healthy = HTTP 200 from the app's /health `health_passes` times in a row, within the timeout.
wait_healthy() {
  local app=$1 url passes=0 deadline answer
  url=$(health_url "$app")
  deadline=$(($(date +%s) + health_timeout))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if curl -fsS -o /dev/null --max-time 3 "$url" 2>/dev/null; then
      passes=$((passes + 1))
      if [ "$passes" -ge "$health_passes" ]; then
        log "$app healthy ($url)"
        return 0
      fi
    else
      passes=0
    fi
    sleep "$health_interval"
  done
  answer=$(curl -sS --max-time 3 "$url" 2>&1 | head -c 300 || true)
  log "$app not healthy after ${health_timeout}s at $url: ${answer:-no answer}"
  return 1
}

# Restarts every app in order, stopping at the first that does not come back healthy.
restart_apps() {
  local app
  for app in "${apps[@]}"; do
    log "restarting $app"
    if ! process_manager restart "$app"; then
      log "$app did not restart"
      return 1
    fi
    wait_healthy "$app" || return 1
  done
}

release_at() {
  if [ -L "$home/$1" ]; then basename "$(readlink "$home/$1")"; fi
}
current_release() { release_at current; }

# Atomic: a reader (systemd starting an app) sees the old link or the new one, never none.
point_link() {
  ln -sfn "releases/$2" "$home/.$1.new"
  mv -Tf "$home/.$1.new" "$home/$1"
}
point_current_at() {
  point_link current "$1"
  log "current -> releases/$1"
}

# Switches to `target`, restarts and checks; on failure goes back to `previous` the same way.
# Publishes a release's web console where nginx serves it. Hashed assets are added first (the
# ones of earlier releases stay, so pages already open keep loading theirs), index.html last
# and atomically: a browser gets the old console or the new one, never half of each.
publish_console() {
  local source="$home/releases/$1/apps/web/dist"
  if [ ! -f "$source/index.html" ]; then
    log "release $1 carries no web console: $console_dir left as it is"
    return 0
  fi
  mkdir -p "$console_dir"
  (cd "$source" && find . -type f ! -name index.html -print0 | while IFS= read -r -d '' file; do
    mkdir -p "$console_dir/$(dirname "$file")"
    cp -p "$file" "$console_dir/$file.new" && mv -f "$console_dir/$file.new" "$console_dir/$file"
  done)
  cp -p "$source/index.html" "$console_dir/.index.html.new"
  chmod 0644 "$console_dir/.index.html.new"
  mv -f "$console_dir/.index.html.new" "$console_dir/index.html"
  log "web console of $1 published to $console_dir"
}

switch_to() {
  local target=$1 previous=$2
  point_current_at "$target"
  if restart_apps; then
    if [ -n "$previous" ]; then point_link previous "$previous"; fi
    publish_console "$target"
    log "release $target is live"
    return 0
  fi
  if [ -z "$previous" ]; then
    log "release $target failed its health checks and there is no previous release to go back to"
    exit 2
  fi
  log "release $target failed its health checks: rolling back to $previous"
  point_current_at "$previous"
  if restart_apps; then
    log "rolled back: $previous is live again; $target stays installed for inspection"
    exit 1
  fi
  log "ROLLBACK FAILED: $previous does not come back healthy either (journalctl -u 'inventory@*')"
  exit 2
}

as_run_user() {
  if [ "$(id -un)" = "$run_user" ] || [ "$(id -u)" -ne 0 ]; then
    "$@"
  else
    runuser -u "$run_user" -- "$@"
  fi
}

lock() {
  mkdir -p "$home/releases"
  exec 9>"$home/.deploy.lock"
  flock -n 9 || die "another inventory-release is running"
}

installed_releases() {
  find "$home/releases" -mindepth 1 -maxdepth 1 -type d ! -name '.*' -printf '%f\n' | sort
}

# Keeps the newest releases (failed ones included, for inspection); never current or previous.
prune() {
  local current previous count release
  current=$(current_release)
  previous=$(release_at previous)
  count=$(installed_releases | wc -l)
  for release in $(installed_releases); do
    [ "$count" -gt "$keep_releases" ] || break
    if [ "$release" != "$current" ] && [ "$release" != "$previous" ]; then
      rm -rf "${home:?}/releases/$release"
      log "removed old release $release"
      count=$((count - 1))
    fi
  done
}

cmd_activate() {
  local artifact=$1 id dir previous
  [ -f "$artifact" ] || die "no artifact at $artifact"
  lock
  id=$(tar -xzf "$artifact" -O ./RELEASE 2>/dev/null | sed -n 's/^RELEASE_ID=//p')
  [[ "$id" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || die "$artifact has no valid RELEASE_ID in ./RELEASE"
  dir=$home/releases/$id
  [ ! -e "$dir" ] || die "release $id is installed already (inventory-release switch $id)"
  previous=$(current_release)
  log "installing release $id (current: ${previous:-none})"

  mkdir "$dir"
  # Until the switch, a failed step removes the half-installed release and changes nothing.
  trap 'rm -rf "$dir"; log "release $id not installed; current is still ${previous:-none}"' ERR
  tar -xzf "$artifact" -C "$dir"
  chown -R "$run_user:" "$dir"
  (cd "$dir" && as_run_user env HOME="$home/shared" npm_config_cache="$home/shared/npm-cache" \
    npm ci --omit=dev --no-audit --no-fund --loglevel=error 9>&-)
  log "dependencies installed"

  log "running migrations of $id"
  if ! process_manager migrate "$id"; then
    log "migrations of $id failed (journalctl -u inventory-migrate@$id)"
    false
  fi
  trap - ERR

  switch_to "$id" "$previous"
  prune
}

cmd_switch() {
  local target=$1 previous
  lock
  [ -d "$home/releases/$target" ] || die "release $target is not installed"
  previous=$(current_release)
  [ "$target" != "$previous" ] || die "release $target is current already"
  log "switching from ${previous:-none} to $target (no migrations)"
  switch_to "$target" "$previous"
}

cmd_rollback() {
  local target
  target=$(release_at previous)
  [ -n "$target" ] || die "no previous release recorded"
  cmd_switch "$target"
}

cmd_restart() {
  lock
  [ -n "$(current_release)" ] || die "no current release"
  restart_apps || die "restart failed; see journalctl -u 'inventory@*'"
}

cmd_list() {
  local current previous release
  current=$(current_release)
  previous=$(release_at previous)
  for release in $(installed_releases); do
    if [ "$release" = "$current" ]; then
      echo "* $release (current)"
    elif [ "$release" = "$previous" ]; then
      echo "  $release (previous)"
    else
      echo "  $release"
    fi
  done
}

case "${1:-}" in
activate) cmd_activate "${2:?usage: inventory-release activate <artifact.tar.gz>}" ;;
switch) cmd_switch "${2:?usage: inventory-release switch <release-id>}" ;;
rollback) cmd_rollback ;;
restart) cmd_restart ;;
list) cmd_list ;;
*)
  sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
  ;;
esac
