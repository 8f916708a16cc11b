#!/usr/bin/env bash
# Starts the service on :8080 with everything it needs locally: the PostgreSQL role and database "smo", a local
# Keycloak on :8180 with the smo realm, then Quarkus in dev mode (schema migrated, workflows deployed at start-up).
# Extra arguments go to Maven, e.g. scripts/run.sh -Dquarkus.http.port=8090
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-database.sh smo
scripts/keycloak.sh start
exec ./mvnw -B quarkus:dev -Dquarkus.analytics.disabled=true "$@"
