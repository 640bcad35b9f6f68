#!/usr/bin/env bash
# Packs a built checkout into a release artifact: every workspace's package.json and dist/,
# the four apps' dist/, the built web console (apps/web/dist, published to nginx's folder when
# the release goes live), the root package.json and lock file, and a RELEASE file naming it.
# No sources, no node_modules: the instance runs `npm ci --omit=dev` against the lock file.
#
#   deploy/ec2/scripts/pack-release.sh [--out DIR] [--id RELEASE_ID]
#
# Prints the artifact's path (DIR/inventory-<id>.tar.gz; DIR defaults to dist/releases).
# The id defaults to <UTC time>-<short commit>[-dirty], so releases sort by time.
set -euo pipefail

root=${INVENTORY_REPO:-$(git rev-parse --show-toplevel)}
out=$root/dist/releases
id=
while [ $# -gt 0 ]; do
  case "$1" in
  --out) out=$2; shift 2 ;;
  --id) id=$2; shift 2 ;;
  *) echo "usage: pack-release.sh [--out DIR] [--id RELEASE_ID]" >&2; exit 64 ;;
  esac
done
apps=(gateway catalog-service stock-service notification-service)

cd "$root"
commit=$(git rev-parse --short=7 HEAD 2>/dev/null || echo unknown)
if [ -z "$id" ]; then
  id="$(date -u +%Y%m%d%H%M%S)-${commit}"
  if [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then id="${id}-dirty"; fi
fi
[[ "$id" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]] || { echo "invalid release id: $id" >&2; exit 64; }

for app in "${apps[@]}"; do
  for entry in main.js migrate.js; do
    [ -f "apps/$app/dist/$entry" ] || {
      echo "apps/$app/dist/$entry is missing: build first (npx nx run-many -t build)" >&2
      exit 1
    }
  done
done
[ -f apps/web/dist/index.html ] || {
  echo "apps/web/dist/index.html is missing: build the console first (npx nx run web:build)" >&2
  exit 1
}

# Workspaces from the root package.json ("libs/*", "tools/*"): folders with a package.json.
# shellcheck disable=SC2016 # the quoted text is JavaScript, not shell
mapfile -t workspaces < <(node -e '
  const { readdirSync, existsSync } = require("node:fs");
  const { workspaces = [] } = require(process.cwd() + "/package.json");
  for (const pattern of workspaces) {
    const base = pattern.replace(/\/\*$/, "");
    const dirs = pattern.endsWith("/*") && existsSync(base)
      ? readdirSync(base, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${base}/${d.name}`)
      : [pattern];
    for (const dir of dirs) if (existsSync(`${dir}/package.json`)) console.log(dir);
  }')

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
copy() { mkdir -p "$stage/$(dirname "$1")" && cp -R "$1" "$stage/$1"; }

copy package.json
copy package-lock.json
[ ! -f .nvmrc ] || copy .nvmrc
for workspace in "${workspaces[@]}"; do
  copy "$workspace/package.json"
  [ ! -d "$workspace/dist" ] || copy "$workspace/dist"
done
for app in "${apps[@]}"; do
  copy "apps/$app/dist"
done
copy apps/web/dist
# Type declarations and build caches are not needed to run.
find "$stage" \( -name '*.d.ts' -o -name '*.d.ts.map' -o -name '*.tsbuildinfo' \) -delete
printf 'RELEASE_ID=%s\nGIT_COMMIT=%s\nBUILT_AT=%s\n' "$id" "$commit" \
  "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$stage/RELEASE"

mkdir -p "$out"
artifact="$(cd "$out" && pwd)/inventory-${id}.tar.gz"
tar -czf "$artifact" -C "$stage" --owner=0 --group=0 .
echo "$artifact"
