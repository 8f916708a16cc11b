#!/usr/bin/env bash
# Re-seals every stored sensitive field with the primary key, while the service runs: after a key rotation
# (scripts/keyset.sh rotate), and once after upgrading a database written before encryption at rest (it seals the
# plain rows and fills in their blind indexes). Calls POST /api/v1/admin/encryption/reencryption until it is done.
#   SMO_URL=https://smo.example SMO_TOKEN=<an admin's access token> scripts/reencrypt.sh
set -euo pipefail
url=${SMO_URL:-http://localhost:8080}
token=${SMO_TOKEN:?an admin access token in SMO_TOKEN}
after=""
while true; do
  answer=$(curl -fsS -X POST -H "Authorization: Bearer $token" \
    "$url/api/v1/admin/encryption/reencryption?batchSize=${BATCH_SIZE:-500}&seconds=10${after:+&after=$after}")
  echo "$answer"
  if echo "$answer" | grep -q '"done":true'; then
    break
  fi
  after=$(echo "$answer" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
done
