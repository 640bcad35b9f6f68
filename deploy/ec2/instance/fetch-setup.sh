#!/usr/bin/env bash
# inventory-setup: fetches this stack's instance files (deploy/ec2/instance, uploaded by
# `cdk deploy`) and runs their setup.sh. User data runs it at first boot; run it again with
# `sudo inventory-setup` after a `cdk deploy` that changed the instance files or settings.
# Reads /etc/inventory/stack.conf (AWS_REGION, STACK_PARAMETER), written by user data.
set -euo pipefail

conf=${INVENTORY_STACK_CONF:-/etc/inventory/stack.conf}
# shellcheck source=/dev/null
. "$conf"
export AWS_REGION AWS_DEFAULT_REGION="$AWS_REGION" PATH="$PATH:/snap/bin"

if ! command -v aws >/dev/null; then
  snap install aws-cli --classic
fi
if ! command -v unzip >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Acquire::Retries=5 unzip
fi

# The instance may come up a moment before its Elastic IP is attached: retry the first call.
for attempt in 1 2 3 4 5 6; do
  if settings=$(aws ssm get-parameter --name "$STACK_PARAMETER" \
    --query Parameter.Value --output text); then
    break
  fi
  [ "$attempt" -lt 6 ] || { echo "inventory-setup: cannot read $STACK_PARAMETER" >&2; exit 1; }
  sleep $((attempt * 5))
done
files_url=$(printf '%s\n' "$settings" | sed -n 's/^INSTANCE_FILES=//p')
[ -n "$files_url" ] || { echo "inventory-setup: no INSTANCE_FILES in $STACK_PARAMETER" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
aws s3 cp --only-show-errors "$files_url" "$work/instance-files.zip"
unzip -q "$work/instance-files.zip" -d "$work/files"
bash "$work/files/setup.sh"
