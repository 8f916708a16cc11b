#!/usr/bin/env bash
# Makes sure the local PostgreSQL cluster is running and that the service's role and the given databases
# exist. Idempotent: safe to run before every start and every test run.
#
#   scripts/ensure-database.sh [--recreate] [--statement-stats] [database ...]     (default: smo)
#
# --recreate drops the given databases first: the test run uses it so that every run starts from an empty
# database (nothing a previous run left, such as uploaded eligibility rules, can change its outcome).
# --statement-stats creates pg_stat_statements in them where the cluster preloads it (shared_preload_libraries, which
# takes a restart and is left to whoever runs the cluster; docs/testing.md): the benchmarks read it when it is there.
#
# Role and password come from QUARKUS_DATASOURCE_USERNAME / QUARKUS_DATASOURCE_PASSWORD (default smo/smo),
# the same variables the service reads. When QUARKUS_DATASOURCE_JDBC_URL points at another host, the
# database is someone else's to manage and this script does nothing.
set -euo pipefail

host=127.0.0.1
port=5432
role=${QUARKUS_DATASOURCE_USERNAME:-smo}
password=${QUARKUS_DATASOURCE_PASSWORD:-smo}
recreate=false
statement_stats=false
while [ $# -gt 0 ]; do
  case "$1" in
    --recreate) recreate=true; shift ;;
    --statement-stats) statement_stats=true; shift ;;
    *) break ;;
  esac
done
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(smo)

if [ -n "${QUARKUS_DATASOURCE_JDBC_URL:-}" ] && ! [[ "$QUARKUS_DATASOURCE_JDBC_URL" =~ //(127\.0\.0\.1|localhost)(:5432)?/ ]]; then
  echo "ensure-database: QUARKUS_DATASOURCE_JDBC_URL points elsewhere; leaving the database alone"
  exit 0
fi

log() { echo "ensure-database: $*"; }

if ! pg_isready -q -h "$host" -p "$port"; then
  version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
  [ -n "$version" ] || { log "PostgreSQL is not running and no local cluster is installed"; exit 1; }
  log "starting PostgreSQL $version"
  # exits 2 when the cluster is already running (a race with another start): that is fine
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || [ $? -eq 2 ]
  for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && break; sleep 1; done
  pg_isready -q -h "$host" -p "$port" || { log "PostgreSQL did not become ready on $host:$port"; exit 1; }
fi

# A superuser connection: TCP as postgres (trust auth on these machines), else the postgres OS user; to database
# $on_db (default postgres).
superuser_psql() {
  local db=${on_db:-postgres}
  if psql -h "$host" -p "$port" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h "$host" -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"
  else
    runuser -u postgres -- psql -p "$port" -d "$db" -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}

if [ "$(superuser_psql -c "select 1 from pg_roles where rolname = '$role'")" != "1" ]; then
  log "creating role $role"
  superuser_psql -c "create role \"$role\" login password '$password'"
fi

for db in "${databases[@]}"; do
  if $recreate; then
    superuser_psql -c "drop database if exists \"$db\" with (force)"
  fi
  if [ "$(superuser_psql -c "select 1 from pg_database where datname = '$db'")" != "1" ]; then
    log "creating database $db owned by $role"
    superuser_psql -c "create database \"$db\" owner \"$role\" encoding 'UTF8' template template0"
  fi
  if $statement_stats && superuser_psql -c "show shared_preload_libraries" | grep -q pg_stat_statements; then
    on_db=$db superuser_psql -c "create extension if not exists pg_stat_statements"
  fi
done
log "ready: role $role, databases ${databases[*]} on $host:$port"
