#!/usr/bin/env bash
# inventory-tls-hook: certbot's deploy hook. Points nginx at the certificate certbot just
# issued or renewed (RENEWED_LINEAGE, e.g. /etc/letsencrypt/live/inventory.example.com) and
# reloads nginx. Given once as `certbot certonly … --deploy-hook inventory-tls-hook`, certbot
# keeps it for every renewal.
set -euo pipefail
: "${RENEWED_LINEAGE:?certbot sets RENEWED_LINEAGE for deploy hooks}"
ln -sfn "$RENEWED_LINEAGE/fullchain.pem" /etc/inventory/tls/fullchain.pem
ln -sfn "$RENEWED_LINEAGE/privkey.pem" /etc/inventory/tls/privkey.pem
nginx -t
systemctl reload nginx
