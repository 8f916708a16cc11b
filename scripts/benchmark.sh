#!/usr/bin/env bash
# Benchmarks (not part of the test run). Every result is printed beside a baseline measured in the same run.
#   1. one evaluation of the eligibility decision on the DMN engine, warmed, vs a one-row decision table;
#   2. the packaged service on loopback, on its own database (smo_bench, recreated), with real tokens from the local
#      Keycloak: the inbox with 10,000 open tasks across the four offices and claim + complete, the what-if call,
#      each vs an authenticated trivial call; and re-screening 10,000 closed cases;
#   3. partner webhooks: delivery latency after commit for 1,000 referrals vs a direct signed POST, and outbox
#      throughput with two delivery workers vs two threads posting directly;
#   4. supervisors' queues with 1,000,000 cases and 200,000 open tasks, with the query plans;
#   5. the audit trail's hash chain: registrations per second with it vs without it (alternating rounds), and the time
#      to verify a chain of 1,000,000 entries;
#   6. a daily quota's cost: registrations per second at an office with an unreachable quota vs without one;
#   7. bulk actions: cases per second a bulk close works through, vs the same cases withdrawn one request each;
#   8. finding a person among 1,000,000 cases (names, typos, numbers) vs the plain newest-first list;
#   9. what keeping the search table costs: registrations per second with its triggers vs without them;
#  10. duplicate detection's precision and recall on a labelled set it generates, registered through the API;
#  12. intake (issue 16): registrations at 8 connections beside a bare engine doing insert + process start per
#      transaction and pgbench TPC-B, rounds alternated, with transactions / rows inserted / rows fetched per
#      registration; then the same rounds with 1,000,000 more cases, also as shares of the bare engine beside them
#      (MAVEN_OPTS=-Dintake.seed-cases=N to change);
#  11. privacy: registrations and the case read with sensitive fields sealed vs the same service with encryption off
#      (a second jar on the same database, alternating rounds), the retention job's rate, the PDF copy vs the JSON one;
#  14. tracing (issue 17): registrations by the service as shipped (trace ids, nothing recorded), by the same jar with
#      the OpenTelemetry SDK off, and by one exporting every trace over OTLP to a sink in the benchmark, rounds
#      alternated, as ratios to the SDK-off rounds;
#  13. footprint (issue 16): start to ready on an existing database and RSS under the intake load, with the JVM
#      settings the Helm chart ships and with each of them left out in turn (the jar is packaged with its AppCDS
#      archive; MAVEN_OPTS=-Dfootprint.rounds=N -Dfootprint.load-seconds=S to change; -Dfootprint.jdk=<JDK home>
#      adds the chart's settings on that JDK, with compact object headers, and with an AOT cache its training run
#      writes first (JDK 24 and later)).
# BENCHMARK_EXCEPTIONS=1: the service records every exception it constructs; the counts by class are printed last.
# BENCHMARK_JAVA_OPTIONS="...": JVM options of the benchmarked service (e.g. the chart's jvm.options; default: none).
# Usage: scripts/benchmark.sh [decision] [inbox] [service] [webhooks] [queues] [audit] [quota] [bulk] [search] [searchcost]
#        [duplicates] [privacy] [intake] [footprint] [tracing]
#        (none: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCHMARK_PORT:-8090}
management_port=${BENCHMARK_MANAGEMENT_PORT:-9090}
jdbc=jdbc:postgresql://127.0.0.1:5432/smo_bench

# pg_stat_statements where the cluster loads it: the intake benchmark prints the statements a registration costs most
scripts/ensure-database.sh --recreate --statement-stats smo_bench
scripts/keycloak.sh start
selected="$*"
want() { [ -z "$selected" ] || [[ " $selected " == *" $1 "* ]]; }

# the footprint benchmark measures an AppCDS archive, built by starting the application to the end of its
# initialisation (so no database is needed); without a webhook key its configuration check stops it earlier (an archive
# of 37.7 MB instead of 42.5)
appcds=""
if want footprint; then appcds="-Dquarkus.package.jar.appcds.enabled=true"; fi
SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) ./mvnw -q -B package -DskipTests -Dskip.lint -Dskip.db $appcds
scripts/keyset.sh new target/local-keys
export SMO_DATA_ENCRYPTION_KEYSET_FILE=$PWD/target/local-keys/data-keyset.json
export SMO_DATA_ENCRYPTION_INDEX_KEYSET_FILE=$PWD/target/local-keys/index-keyset.json
./mvnw -q -B test-compile -Dskip.lint -Dskip.db

run_main() {
  ./mvnw -q -B exec:java -Dexec.classpathScope=test -Dexec.mainClass="$1" -Dexec.args="${2:-}" \
    -Dexec.cleanupDaemonThreads=false
}

want decision && run_main org.safemobility.benchmark.DecisionBenchmark

# The packaged service in its production profile; webhooks may go to the benchmark's plain-http receiver on loopback.
# BENCHMARK_EXCEPTIONS=1: it also records every exception it constructs (each event costs a little, and feel-scala's
# stackless control-flow throwables are ~60 per decision evaluation, so not by default); counted at the end.
exceptions=""
if [ "${BENCHMARK_EXCEPTIONS:-0}" = 1 ]; then
  exceptions="-XX:StartFlightRecording=name=exceptions,settings=$PWD/scripts/exceptions.jfc"
fi
SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SMO_WEBHOOKS_ALLOW_PLAIN_HTTP=true SMO_WEBHOOKS_PRIVATE_NETWORK_HOSTS=127.0.0.1,localhost \
QUARKUS_DATASOURCE_JDBC_URL=$jdbc QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$management_port \
  java $exceptions ${BENCHMARK_JAVA_OPTIONS:-} -jar target/quarkus-app/quarkus-run.jar \
  > target/benchmark-service.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs -o /dev/null "http://localhost:$management_port/q/health/ready" && break; sleep 1; done
args="http://localhost:$port http://localhost:8180/realms/smo $jdbc"
want inbox && run_main org.safemobility.benchmark.InboxBenchmark "$args"
want service && run_main org.safemobility.benchmark.ServiceBenchmark "$args"
want webhooks && run_main org.safemobility.benchmark.WebhookBenchmark "$args"
want queues && run_main org.safemobility.benchmark.QueueBenchmark "$args"
want audit && run_main org.safemobility.benchmark.AuditBenchmark "$args"
want quota && run_main org.safemobility.benchmark.IntakeQuotaBenchmark "$args"
want bulk && run_main org.safemobility.benchmark.BulkActionBenchmark "$args"
want search && run_main org.safemobility.benchmark.SearchBenchmark "$args"
want searchcost && run_main org.safemobility.benchmark.SearchIndexCostBenchmark "$args"
want duplicates && run_main org.safemobility.benchmark.DuplicateMatchEvaluation "$args"
if want intake; then
  # baselines on the same PostgreSQL: the bare engine's own database, and pgbench's (TPC-B, scale 8)
  scripts/ensure-database.sh --recreate smo_bare smo_pgbench
  pgbench -h 127.0.0.1 -U smo -i -q -s 8 smo_pgbench > /dev/null
  run_main org.safemobility.benchmark.IntakeBenchmark \
    "$args jdbc:postgresql://127.0.0.1:5432/smo_bare smo_pgbench http://localhost:$management_port"
fi
if want privacy; then
  # the same service with encryption at rest off, on the same database: the baseline of the sealing one
  plain_port=$((port + 1)); plain_management_port=$((management_port + 1))
  SMO_DATA_ENCRYPTION_ENABLED=false SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) \
  SMO_WEBHOOKS_ALLOW_PLAIN_HTTP=true SMO_WEBHOOKS_PRIVATE_NETWORK_HOSTS=127.0.0.1,localhost \
  QUARKUS_DATASOURCE_JDBC_URL=$jdbc QUARKUS_HTTP_PORT=$plain_port QUARKUS_MANAGEMENT_PORT=$plain_management_port \
    java -jar target/quarkus-app/quarkus-run.jar > target/benchmark-plain-service.log 2>&1 &
  plain_service=$!
  trap 'kill $service $plain_service 2>/dev/null || true' EXIT
  for _ in $(seq 1 60); do curl -fs -o /dev/null "http://localhost:$plain_management_port/q/health/ready" && break; sleep 1; done
  run_main org.safemobility.benchmark.PrivacyBenchmark "$args http://localhost:$plain_port"
  kill $plain_service 2>/dev/null || true
fi
if want tracing; then
  # three fresh JVMs of the same jar on the same database, started together: as shipped, with the SDK off, and one
  # exporting every trace to the sink the benchmark runs (OTLP over HTTP)
  sink_port=$((port + 6))
  start_variant() { # name, port offset, extra environment...
    local name=$1 offset=$2; shift 2
    env "$@" SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) QUARKUS_DATASOURCE_JDBC_URL=$jdbc \
      QUARKUS_HTTP_PORT=$((port + offset)) QUARKUS_MANAGEMENT_PORT=$((management_port + offset)) \
      java -jar target/quarkus-app/quarkus-run.jar > "target/benchmark-$name-service.log" 2>&1 &
  }
  start_variant shipped 5 SMO_TRACING_SAMPLE_RATIO=0
  shipped_service=$!
  start_variant untraced 3 QUARKUS_OTEL_SDK_DISABLED=true
  untraced_service=$!
  start_variant exporting 4 SMO_TRACING_SAMPLE_RATIO=1 QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf \
    QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://127.0.0.1:$sink_port
  exporting_service=$!
  trap 'kill $service $shipped_service $untraced_service $exporting_service 2>/dev/null || true' EXIT
  for offset in 3 4 5; do
    for _ in $(seq 1 60); do curl -fs -o /dev/null "http://localhost:$((management_port + offset))/q/health/ready" && break; sleep 1; done
  done
  run_main org.safemobility.benchmark.TracingBenchmark \
    "$args http://localhost:$((port + 5)) http://localhost:$((port + 3)) http://localhost:$((port + 4)) $sink_port"
  kill $shipped_service $untraced_service $exporting_service 2>/dev/null || true
fi
if want footprint; then
  # fresh JVMs of the same jar on the database the service above has migrated; the service stays up (idle) beside them
  SMO_WEBHOOKS_ENCRYPTION_KEY=$(head -c 32 /dev/urandom | base64) SMO_WEBHOOKS_ALLOW_PLAIN_HTTP=true \
  SMO_WEBHOOKS_PRIVATE_NETWORK_HOSTS=127.0.0.1,localhost QUARKUS_DATASOURCE_JDBC_URL=$jdbc \
    run_main org.safemobility.benchmark.FootprintBenchmark \
    "$PWD/target/quarkus-app http://localhost:8180/realms/smo $((port + 2)) $((management_port + 2))"
fi
# how many exceptions of each class the service above constructed while it was benchmarked (the recording keeps where):
# exceptions used for control flow are invisible in a sampling profile but cost a stack trace each (issue 16)
if [ -n "$exceptions" ] && jcmd "$service" JFR.dump name=exceptions filename="$PWD/target/benchmark-exceptions.jfr" > /dev/null 2>&1; then
  echo "exceptions the service constructed during these benchmarks (target/benchmark-exceptions.jfr):"
  jfr print --events jdk.JavaExceptionThrow,jdk.JavaErrorThrow --stack-depth 1 target/benchmark-exceptions.jfr \
    | grep 'thrownClass' | sed 's/ (classLoader.*//; s/.*thrownClass = //' | sort | uniq -c | sort -rn | head -10
fi
exit 0
