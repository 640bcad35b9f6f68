#!/usr/bin/env bash
# Deploys this checkout to the app server: builds once, packs the release artifact, ships it
# over SSH and activates it there (inventory-release: npm ci --omit=dev, migrations, switch,
# restarts one app at a time with health checks, rollback on failure).
#
#   deploy/ec2/scripts/deploy.sh [--host USER@HOST] [--artifact FILE] [--setup]
#
#   --host      where to deploy (or DEPLOY_HOST); SSH goes wherever ~/.ssh/config sends it,
#               e.g. through Session Manager when port 22 is closed (README: "Reaching the
#               instance")
#   --artifact  ship an artifact packed earlier (by CI) instead of building here
#   --setup     run `sudo inventory-setup` first: the instance files or settings changed
#
# Exit status is inventory-release's: 0 live; 1 failed with the previous release running;
# 2 failed and the rollback failed too.
# Injectable: DEPLOY_SSH (ssh), DEPLOY_SCP (scp), DEPLOY_REMOTE_RELEASE (sudo inventory-release),
# DEPLOY_REMOTE_SETUP (sudo inventory-setup), DEPLOY_REMOTE_DIR (/tmp).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
host=${DEPLOY_HOST:-}
artifact=
setup=false
while [ $# -gt 0 ]; do
  case "$1" in
  --host) host=$2; shift 2 ;;
  --artifact) artifact=$2; shift 2 ;;
  --setup) setup=true; shift ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
  esac
done
[ -n "$host" ] || { echo "deploy: say where: --host USER@HOST or DEPLOY_HOST" >&2; exit 64; }
read -r -a ssh_cmd <<<"${DEPLOY_SSH:-ssh}"
read -r -a scp_cmd <<<"${DEPLOY_SCP:-scp}"
remote_release=${DEPLOY_REMOTE_RELEASE:-sudo inventory-release}
remote_setup=${DEPLOY_REMOTE_SETUP:-sudo inventory-setup}
remote_dir=${DEPLOY_REMOTE_DIR:-/tmp}

if [ -z "$artifact" ]; then
  echo "deploy: building"
  (cd "$root" && npx nx run-many -t build --output-style=static \
    -p gateway,catalog-service,stock-service,notification-service)
  artifact=$("$here/pack-release.sh")
fi
[ -f "$artifact" ] || { echo "deploy: no artifact at $artifact" >&2; exit 1; }
name=$(basename "$artifact")

echo "deploy: shipping $name to $host"
"${scp_cmd[@]}" "$artifact" "$host:$remote_dir/$name"
if [ "$setup" = true ]; then
  "${ssh_cmd[@]}" "$host" "$remote_setup"
fi
status=0
"${ssh_cmd[@]}" "$host" "$remote_release activate $remote_dir/$name" || status=$?
"${ssh_cmd[@]}" "$host" "rm -f $remote_dir/$name" || true
case "$status" in
0) echo "deploy: $name is live on $host" ;;
1) echo "deploy: $name was not activated; the previous release is running" >&2 ;;
*) echo "deploy: $name failed and so did the rollback: look at $host now" >&2 ;;
esac
exit "$status"
