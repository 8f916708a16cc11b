#!/usr/bin/env bash
# A local Keycloak for development, with the realm export keycloak/smo-realm.json (realm "smo": roles, the portal
# client, demo users). Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist) and lives in .local/.
#
#   scripts/keycloak.sh start    download if needed, start on :8180 in the background, wait until the realm answers
#   scripts/keycloak.sh stop
#   scripts/keycloak.sh status
#   scripts/keycloak.sh reset    stop, forget its data, start again (re-imports the realm after it changed)
#
# Idempotent: "start" does nothing when the realm already answers. Keycloak 26 needs Java 21 or newer; the newest
# JDK under /usr/lib/jvm (or KEYCLOAK_JAVA_HOME) is used.
set -euo pipefail
cd "$(dirname "$0")/.."

version=${KEYCLOAK_VERSION:-26.4.7}
port=${KEYCLOAK_PORT:-8180}
home=.local/keycloak-$version
pidfile=.local/keycloak.pid
logfile=.local/keycloak.log
realm_url="http://localhost:$port/realms/smo/.well-known/openid-configuration"

log() { echo "keycloak: $*"; }
answers() { curl -fsS -o /dev/null --max-time 2 "$realm_url" 2>/dev/null; }

java_home() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then echo "$KEYCLOAK_JAVA_HOME"; return; fi
  local best="" best_version=0
  for jdk in /usr/lib/jvm/*/; do
    [ -x "$jdk/bin/java" ] || continue
    local v
    v=$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ "${v%%.*}" -gt "$best_version" ]; then best=${jdk%/}; best_version=${v%%.*}; fi
  done
  [ -n "$best" ] || { log "Keycloak $version needs Java 21+; none found under /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)"; exit 1; }
  echo "$best"
}

download() {
  [ -x "$home/bin/kc.sh" ] && return
  log "downloading Keycloak $version from Maven Central"
  mkdir -p .local
  ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" -DoutputDirectory=.local -Dmdep.overWriteReleases=true
  unzip -q -o ".local/keycloak-quarkus-dist-$version.zip" -d .local
  [ -d "$home" ] || mv ".local/keycloak-$version" "$home" 2>/dev/null || true
  rm -f ".local/keycloak-quarkus-dist-$version.zip"
}

start() {
  if answers; then log "already running on :$port"; return; fi
  download
  mkdir -p "$home/data/import"
  cp keycloak/smo-realm.json "$home/data/import/smo-realm.json"
  local jh
  jh=$(java_home)
  log "starting on :$port with $jh (log: $logfile)"
  # On Java 24+ Keycloak's worker threads die after their first reuse unless java.lang is open to them
  # ("thread-local-reset capability"); the server then stops answering. Harmless on Java 21.
  JAVA_HOME="$jh" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    JAVA_OPTS_APPEND="${JAVA_OPTS_APPEND:-} --add-opens=java.base/java.lang=ALL-UNNAMED" \
    nohup "$home/bin/kc.sh" start-dev --http-port "$port" --import-realm >"$logfile" 2>&1 &
  echo $! >"$pidfile"
  for _ in $(seq 1 120); do
    if answers; then log "realm smo ready at http://localhost:$port/realms/smo"; return; fi
    if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then log "Keycloak exited; see $logfile"; tail -n 30 "$logfile"; exit 1; fi
    sleep 1
  done
  log "Keycloak did not answer within 120 s; see $logfile"
  exit 1
}

stop() {
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    pkill -TERM -P "$(cat "$pidfile")" 2>/dev/null || true
    kill "$(cat "$pidfile")" 2>/dev/null || true
    log "stopped"
  else
    log "not running (from this checkout)"
  fi
  rm -f "$pidfile"
}

case "${1:-start}" in
  start) start ;;
  reset) stop; rm -rf "$home/data/h2"; start ;;
  stop) stop ;;
  status) if answers; then log "running on :$port"; else log "not answering on :$port"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status"; exit 2 ;;
esac
