#!/usr/bin/env bash
# Sets up (or brings up to date) an Ubuntu 24.04 app server for Electronic Inventory: Node 24,
# nginx, the `inventory` system user, release directories, systemd units, the nginx site, log
# rotation, and the environment file rendered from the stack's settings and secrets.
# Idempotent: run again after any change under deploy/ec2/instance (`sudo inventory-setup`).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
home=/opt/inventory
etc=/etc/inventory
user=inventory
node_major=24

log() { echo "inventory setup: $*"; }
[ "$(id -u)" -eq 0 ] || { echo "run as root (sudo)" >&2; exit 1; }
# shellcheck source=/dev/null
. /etc/os-release
if [ "${ID:-}" != ubuntu ] || [ "${VERSION_ID:-}" != 24.04 ]; then
  log "warning: written for Ubuntu 24.04, this is ${PRETTY_NAME:-unknown}"
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() { apt-get install -y -qq -o Acquire::Retries=5 --no-install-recommends "$@"; }

log "packages"
apt-get update -qq
apt_install ca-certificates curl gnupg unzip nginx certbot postgresql-client-16 \
  unattended-upgrades logrotate openssl

# Node 24 LTS from NodeSource's signed apt repository (Ubuntu's own is older).
if ! node --version 2>/dev/null | grep -q "^v${node_major}\."; then
  log "Node ${node_major}"
  install -d -m 0755 /etc/apt/keyrings
  curl -fsSL --retry 5 https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key |
    gpg --dearmor --yes -o /etc/apt/keyrings/nodesource.gpg
  echo "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_${node_major}.x nodistro main" \
    >/etc/apt/sources.list.d/nodesource.list
  printf 'Package: nodejs\nPin: origin deb.nodesource.com\nPin-Priority: 600\n' \
    >/etc/apt/preferences.d/nodesource
  apt-get update -qq
  apt_install nodejs
fi
node --version | grep -q "^v${node_major}\." || { echo "Node ${node_major} missing" >&2; exit 1; }

# A small instance runs four Node processes: swap absorbs a peak instead of the OOM killer.
if [ "$(awk '/MemTotal/ {print $2}' /proc/meminfo)" -lt 2000000 ] && ! swapon --show | grep -q .; then
  log "1 GiB swap file"
  fallocate -l 1G /swapfile && chmod 0600 /swapfile && mkswap /swapfile >/dev/null && swapon /swapfile
  grep -q '^/swapfile ' /etc/fstab || echo '/swapfile none swap sw 0 0' >>/etc/fstab
fi

log "user and directories"
id -u "$user" >/dev/null 2>&1 ||
  useradd --system --home-dir "$home" --no-create-home --shell /usr/sbin/nologin "$user"
install -d -m 0755 -o root -g root "$home"
install -d -m 0755 -o "$user" -g "$user" "$home/releases" "$home/shared" "$home/shared/npm-cache"
# /etc/inventory: the apps (group inventory) may enter it to read the RDS CA; the
# environment file, the overrides and the TLS key inside stay root-only.
install -d "$etc" "$etc/tls"
chown root:"$user" "$etc" && chmod 0750 "$etc"
chown root:root "$etc/tls" && chmod 0750 "$etc/tls"
install -d -m 0750 -o root -g adm /var/log/inventory
install -d -m 0755 /var/www/inventory-console /var/www/letsencrypt

# CA of RDS: DATABASE_URL verifies the database's certificate against it (sslmode=verify-full).
curl -fsSL --retry 5 -o "$etc/rds-ca.pem.new" https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem
chmod 0644 "$etc/rds-ca.pem.new" && mv "$etc/rds-ca.pem.new" "$etc/rds-ca.pem"

log "commands"
install -m 0755 "$here/fetch-setup.sh" /usr/local/sbin/inventory-setup
install -m 0755 "$here/inventory-env.mjs" /usr/local/sbin/inventory-env
install -m 0755 "$here/release.sh" /usr/local/sbin/inventory-release
install -m 0755 "$here/tls-hook.sh" /usr/local/sbin/inventory-tls-hook

log "environment"
if [ -f "$etc/stack.conf" ]; then
  /usr/local/sbin/inventory-env
fi
[ -f "$etc/override.env" ] || install -m 0600 /dev/null "$etc/override.env"
server_name=$(sed -n 's/^SERVER_NAME=//p' "$etc/stack.env" 2>/dev/null || true)
server_name=${server_name:-_}

log "systemd units"
install -m 0644 "$here"/systemd/inventory@.service "$here"/systemd/inventory-migrate@.service \
  "$here"/systemd/inventory.target /etc/systemd/system/
install -d /etc/systemd/journald.conf.d
install -m 0644 "$here/journald/inventory.conf" /etc/systemd/journald.conf.d/inventory.conf
systemctl daemon-reload
systemctl enable inventory.target inventory@gateway.service inventory@catalog-service.service \
  inventory@stock-service.service inventory@notification-service.service
systemctl restart systemd-journald

log "log rotation"
install -m 0644 "$here/logrotate/inventory" /etc/logrotate.d/inventory

log "nginx"
if [ ! -e "$etc/tls/fullchain.pem" ]; then
  # Until certbot has run, a self-signed certificate lets nginx start (README: TLS).
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=${server_name}" \
    -keyout "$etc/tls/privkey.pem" -out "$etc/tls/fullchain.pem" 2>/dev/null
  chmod 0600 "$etc/tls/privkey.pem"
fi
install -m 0644 "$here/nginx/inventory-security-headers.conf" /etc/nginx/snippets/
sed "s/__SERVER_NAME__/${server_name}/g" "$here/nginx/inventory.conf" >/etc/nginx/sites-available/inventory
ln -sfn /etc/nginx/sites-available/inventory /etc/nginx/sites-enabled/inventory
rm -f /etc/nginx/sites-enabled/default
nginx -t
systemctl enable nginx
systemctl reload-or-restart nginx

log "automatic security updates"
printf 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n' \
  >/etc/apt/apt.conf.d/20auto-upgrades

if [ -L "$home/current" ]; then
  log "restarting the apps one at a time on the new environment"
  /usr/local/sbin/inventory-release restart
else
  log "no release yet: deploy one with deploy/ec2/scripts/deploy.sh"
fi
log "done"
