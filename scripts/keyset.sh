#!/usr/bin/env bash
# Keysets for encryption at rest (crypto.FieldCipher), made with Google Tink. They are secrets: put them in a
# Kubernetes Secret (helm: dataEncryption.existingSecret), never in the repository.
#   scripts/keyset.sh new <dir>      writes <dir>/data-keyset.json (AES256_GCM) and <dir>/index-keyset.json
#                                    (HMAC_SHA256_PRF) unless they exist
#   scripts/keyset.sh rotate <file>  adds a new key to the keyset and makes it primary; the old keys stay so that what
#                                    they sealed still opens. Then update the Secret (replicas re-read mounted files
#                                    within 30 s) and re-seal the rows: scripts/reencrypt.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls target/quarkus-app/app/*.jar > /dev/null 2>&1; then
  ./mvnw -q -B package -DskipTests -Dskip.lint -Dskip.db
fi
tool() { java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*" org.safemobility.crypto.Keysets "$@"; }
case "${1:-}" in
  new)
    dir=${2:?usage: scripts/keyset.sh new <dir>}
    mkdir -p "$dir"
    ( umask 077
      [ -f "$dir/data-keyset.json" ] || tool new AES256_GCM "$dir/data-keyset.json"
      [ -f "$dir/index-keyset.json" ] || tool new HMAC_SHA256_PRF "$dir/index-keyset.json" )
    ;;
  rotate)
    tool rotate "${2:?usage: scripts/keyset.sh rotate <file>}"
    ;;
  *)
    sed -n '2,9p' "$0" >&2
    exit 2
    ;;
esac
