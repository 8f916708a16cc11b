#!/usr/bin/env bash
# Fault check (not part of the test run): a bulk close of 10,000 cases, the service killed with SIGKILL in the middle
# and started again; the restarted service must take the action over and close every case exactly once. Runs the
# packaged service on loopback against its own database (smo_restart, recreated), with real tokens from the local
# Keycloak. Exits non-zero when any case was closed twice or not at all.
#   scripts/bulk-restart.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${RESTART_PORT:-8092}
management_port=${RESTART_MANAGEMENT_PORT:-9092}
jdbc=jdbc:postgresql://127.0.0.1:5432/smo_restart

scripts/ensure-database.sh --recreate smo_restart
scripts/keycloak.sh start
./mvnw -q -B package -DskipTests -Dskip.lint -Dskip.db
scripts/keyset.sh new target/local-keys
export SMO_DATA_ENCRYPTION_KEYSET_FILE=$PWD/target/local-keys/data-keyset.json
export SMO_DATA_ENCRYPTION_INDEX_KEYSET_FILE=$PWD/target/local-keys/index-keyset.json
./mvnw -q -B test-compile -Dskip.lint -Dskip.db
./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.safemobility.fault.BulkRestartCheck \
  -Dexec.args="target/quarkus-app/quarkus-run.jar $jdbc http://localhost:8180/realms/smo $port $management_port" \
  -Dexec.cleanupDaemonThreads=false
