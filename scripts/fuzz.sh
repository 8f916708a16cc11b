#!/usr/bin/env bash
# Fuzzes the packaged service through its own OpenAPI document (not part of the test run): every operation with a
# plausible request, then that request broken one way at a time (wrong types, missing and unknown fields, NUL and
# control characters, 10,000-character strings, bad dates, deep nesting, malformed JSON, bad ids, query parameters and
# headers) and an authorization sweep (no token, garbage, a tampered signature). Runs on loopback against its own
# database (smo_fuzz, recreated) with real tokens from the local Keycloak, for at most FUZZ_SECONDS (default 300).
# Prints and fails on: any 5xx, any 2xx to invalid input, any error that is not application/problem+json, any
# answer to a bad token other than 401.
#   scripts/fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
port=${FUZZ_PORT:-8091}
management_port=${FUZZ_MANAGEMENT_PORT:-9091}
seconds=${FUZZ_SECONDS:-300}
jdbc=jdbc:postgresql://127.0.0.1:5432/smo_fuzz

scripts/ensure-database.sh --recreate smo_fuzz
scripts/keycloak.sh start
./mvnw -q -B package -DskipTests -Dskip.lint -Dskip.db
scripts/keyset.sh new target/local-keys
export SMO_DATA_ENCRYPTION_KEYSET_FILE=target/local-keys/data-keyset.json
export SMO_DATA_ENCRYPTION_INDEX_KEYSET_FILE=target/local-keys/index-keyset.json
./mvnw -q -B test-compile -Dskip.lint -Dskip.db

SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) QUARKUS_DATASOURCE_JDBC_URL=$jdbc \
QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port java -jar target/quarkus-app/quarkus-run.jar \
  > target/fuzz-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://localhost:$management_port/q/health/ready" && break; sleep 1; done

./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.safemobility.fuzz.ApiFuzzer \
  -Dexec.args="http://localhost:$port http://localhost:$management_port http://localhost:8180/realms/smo $seconds" \
  -Dexec.cleanupDaemonThreads=false
echo "fuzz: the service's log is target/fuzz-service.log"
