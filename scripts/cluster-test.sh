#!/usr/bin/env bash
# Two packaged replicas on one PostgreSQL behind HAProxy (round robin), driven through both: registrations, an
# Idempotency-Key replayed on the other replica, claim races, referrals and their webhooks (a receiver counts each
# event), a replica restarted with SIGTERM under load, one killed with SIGKILL while it holds engine jobs, and
# PostgreSQL stopped and started under the running replicas, and every case's overdue timer firing once (issue 17). Not part of the test run; about 5 minutes.
# Installs HAProxy from Debian's packages when it is missing. Stops and starts the local PostgreSQL cluster 15/main:
# run it where nothing else needs that database for a minute.
# Usage: scripts/cluster-test.sh   (prints each check; exits 1 when one fails)
set -euo pipefail
cd "$(dirname "$0")/.."
balancer_port=${CLUSTER_PORT:-8100}
jdbc=jdbc:postgresql://127.0.0.1:5432/smo_cluster

if ! command -v haproxy > /dev/null; then
  echo "cluster-test: installing haproxy (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q haproxy > /dev/null
fi
scripts/ensure-database.sh --recreate smo_cluster
scripts/keycloak.sh start
./mvnw -q -B package -DskipTests -Dskip.lint -Dskip.db
./mvnw -q -B test-compile -Dskip.lint -Dskip.db
scripts/keyset.sh new target/local-keys

# whatever happens, PostgreSQL runs again and HAProxy stops
restore() {
  pg_isready -q -h 127.0.0.1 || pg_ctlcluster --skip-systemctl-redirect 15 main start || true
  [ -f target/cluster-haproxy.pid ] && kill "$(cat target/cluster-haproxy.pid)" 2>/dev/null || true
}
trap restore EXIT

# round robin over the replicas' API ports, health from their management ports; a request refused by a replica that is
# stopping (connection refused, 503) is sent to the other one: that is what a Service and an ingress do for the chart
cat > target/cluster-haproxy.cfg <<CFG
global
    maxconn 512
defaults
    mode http
    timeout connect 2s
    timeout client 90s
    timeout server 90s
    retries 3
    option redispatch
    option http-buffer-request
frontend api
    bind 127.0.0.1:${balancer_port}
    default_backend replicas
backend replicas
    balance roundrobin
    retry-on conn-failure empty-response 503
    option httpchk GET /q/health/ready
    http-check expect status 200
    server a 127.0.0.1:$((balancer_port + 1)) check port $((balancer_port + 11)) inter 1s fall 2 rise 1
    server b 127.0.0.1:$((balancer_port + 2)) check port $((balancer_port + 12)) inter 1s fall 2 rise 1
CFG
haproxy -f target/cluster-haproxy.cfg -D -p target/cluster-haproxy.pid

export SMO_DATA_ENCRYPTION_KEYSET_FILE=$PWD/target/local-keys/data-keyset.json
export SMO_DATA_ENCRYPTION_INDEX_KEYSET_FILE=$PWD/target/local-keys/index-keyset.json
export SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64)
export SMO_WEBHOOKS_ALLOW_PLAIN_HTTP=true SMO_WEBHOOKS_PRIVATE_NETWORK_HOSTS=127.0.0.1,localhost
export QUARKUS_DATASOURCE_JDBC_URL=$jdbc
rm -f target/cluster-replica-*.log
./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.safemobility.benchmark.ClusterCheck \
  -Dexec.cleanupDaemonThreads=false -Dexec.args="$PWD/target/quarkus-app http://localhost:8180/realms/smo $jdbc \
  http://localhost:$balancer_port $((balancer_port + 1)):$((balancer_port + 11)) $((balancer_port + 2)):$((balancer_port + 12))"
