package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two packaged replicas on one PostgreSQL behind HAProxy (round robin), driven through both (issue 17; run by
 * scripts/cluster-test.sh, which starts HAProxy). Each check prints what it saw and ends the run with a failure when
 * an invariant breaks:
 * <ol>
 * <li>registrations through the balancer all succeed, and both replicas served some;</li>
 * <li>an Idempotency-Key replayed on the other replica returns the same case;</li>
 * <li>a claim race across replicas gives one 200 and one 409;</li>
 * <li>referrals sent by either replica's job executor reach the partner's webhook exactly once each;</li>
 * <li>a replica stopped with SIGTERM under load and started again loses no acknowledged registration and fails none
 * (the balancer retries what a stopping replica refused; clients retry with their Idempotency-Key);</li>
 * <li>a replica killed with SIGKILL while referrals wait in their send step: the time until the other replica has sent
 * them (the engine's job lock time);</li>
 * <li>PostgreSQL stopped: requests get 503 with Retry-After; started again: registrations succeed without a restart;</li>
 * <li>the overdue timers of every case registered above (schedule-interview's deadline set to 30 s for the run)
 * fired once each, whichever replica's job executor took them, through the restarts and the kill;</li>
 * <li>a pathway suspended and lifted again while both replicas sweep every 2 s: each open referral is held once and
 * resumed once (one webhook each);</li>
 * <li>the retention job run on both replicas at the same moment (retention shortened to 1 s, batches of 5): each closed
 * case is erased once, by one run or the other;</li>
 * <li>both replicas started at once on an emptied queue table: one fills it from the engine, the other leaves it, and
 * it holds each open task once.</li>
 * </ol>
 * The idempotency purge is the one scheduled job every replica runs: it deletes expired keys, so running twice is
 * harmless (IdempotencyKeys).
 */
public final class ClusterCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, AtomicInteger> WEBHOOKS = new ConcurrentHashMap<>();
    /** referral.held and referral.resumed webhooks, counted by "type/referralId". */
    private static final Map<String, AtomicInteger> NOTICES = new ConcurrentHashMap<>();
    private static final List<String> FAILURES = new ArrayList<>();
    private static final AtomicInteger NEXT = new AtomicInteger(5_000_000);

    private static Path app;
    private static String realm;
    private static String jdbc;
    private static final Map<String, Process> REPLICAS = new HashMap<>();

    private ClusterCheck() {
    }

    /** args: quarkus-app dir, realm URL, JDBC URL, balancer URL, then per replica "http-port:management-port" (two). */
    public static void main(String[] args) throws Exception {
        app = Path.of(args[0]);
        realm = args[1];
        jdbc = args[2];
        String balancer = args[3];
        String[] a = args[4].split(":");
        String[] b = args[5].split(":");
        String replicaA = "http://localhost:" + a[0];
        String replicaB = "http://localhost:" + b[0];
        try {
            start("a", a);
            start("b", b);
            HttpServer receiver = receiver();
            String admin = token(realm, "admin.smo");
            WebhookBenchmark.configureSpain(balancer, admin, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks",
                    "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]));
            String caseworker = token(realm, "caseworker.gt");
            String supervisor = token(realm, "supervisor.gt");

            registrationsThroughBoth(balancer, caseworker, a[1], b[1]);
            idempotencyAcrossReplicas(replicaA, replicaB, caseworker);
            claimRaces(balancer, replicaA, replicaB, caseworker, supervisor);
            webhooksOnce(balancer, caseworker, supervisor);
            restartUnderLoad(balancer, caseworker, b);
            killedReplicaJobs(balancer, replicaA, caseworker, supervisor, a);
            databaseOutage(balancer, caseworker);
            timersOnce();
            suspensionSweepsOnce(balancer, admin);
            retentionOnce(replicaA, replicaB, balancer, caseworker, admin);
            queueBackfillOnce(a, b);
            receiver.stop(0);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            FAILURES.add("the run stopped: " + e);
        } finally {
            REPLICAS.values().forEach(Process::destroy);
        }
        if (!FAILURES.isEmpty()) {
            System.out.println("FAILED:");
            FAILURES.forEach(f -> System.out.println("  " + f));
            System.exit(1); // also ends the load's threads, which Maven's exec:java would otherwise wait for
        }
        System.out.println("cluster test: every check held");
        System.exit(0);
    }

    private static void check(boolean holds, String what) {
        System.out.println((holds ? "  ok    " : "  FAIL  ") + what);
        if (!holds) {
            FAILURES.add(what);
        }
    }

    // 1
    private static void registrationsThroughBoth(String balancer, String token, String managementA, String managementB)
            throws Exception {
        Result r = load(balancer, token, 8, Duration.ofSeconds(20), null);
        double servedA = registered(managementA);
        double servedB = registered(managementB);
        System.out.printf("1. registrations through the balancer: %d in 20 s (%.1f/s), replica a %.0f, replica b %.0f%n",
                r.acknowledged.size(), r.acknowledged.size() / 20.0, servedA, servedB);
        check(r.failed.get() == 0, "no registration failed (" + r.failed.get() + ")");
        check(servedA > 0 && servedB > 0, "both replicas registered cases");
    }

    // 2
    private static void idempotencyAcrossReplicas(String replicaA, String replicaB, String token) throws Exception {
        int same = 0;
        int replayed = 0;
        for (int i = 0; i < 20; i++) {
            String key = "cluster-" + UUID.randomUUID();
            String body = PrivacyBenchmark.body(NEXT.getAndIncrement());
            HttpResponse<String> first = post(replicaA + "/api/v1/cases", token, body, key);
            HttpResponse<String> again = post(replicaB + "/api/v1/cases", token, body, key);
            if (first.statusCode() == 201 && again.statusCode() == 201
                    && JSON.readTree(first.body()).get("id").equals(JSON.readTree(again.body()).get("id"))) {
                same++;
            }
            if ("true".equals(again.headers().firstValue("Idempotent-Replayed").orElse(""))) {
                replayed++;
            }
        }
        System.out.printf("2. an Idempotency-Key sent to replica a, then replayed on replica b: %d of 20 the same case, "
                + "%d marked replayed%n", same, replayed);
        check(same == 20 && replayed == 20, "a key replayed on the other replica returns the same case");
    }

    // 3
    private static void claimRaces(String balancer, String replicaA, String replicaB, String caseworker, String supervisor)
            throws Exception {
        int races = 20;
        int oneWinner = 0;
        List<String> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int i = 0; i < races; i++) {
            String caseId = register(balancer, caseworker);
            String task = taskOf(balancer, caseworker, caseId, "schedule-interview");
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> x = pool.submit(() -> {
                go.await();
                return claim(replicaA, caseworker, task);
            });
            Future<Integer> y = pool.submit(() -> {
                go.await();
                return claim(replicaB, supervisor, task);
            });
            go.countDown();
            List<Integer> codes = new ArrayList<>(List.of(x.get(), y.get()));
            codes.sort(Integer::compare);
            outcomes.add(codes.toString());
            if (codes.equals(List.of(200, 409))) {
                oneWinner++;
            }
        }
        pool.shutdown();
        System.out.printf("3. claim races, the same task claimed at once on both replicas by two people: %d of %d gave one "
                + "200 and one 409 %s%n", oneWinner, races, outcomes.stream().distinct().toList());
        check(oneWinner == races, "every claim race has one winner and one 409");
    }

    // 4
    private static void webhooksOnce(String balancer, String caseworker, String supervisor) throws Exception {
        int referrals = 30;
        WEBHOOKS.clear();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            done.add(pool.submit(() -> {
                referToSpain(balancer, caseworker, supervisor);
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (created() < referrals && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(3_000); // a duplicate, if any, would arrive within the workers' poll interval
        long duplicates = WEBHOOKS.values().stream().filter(n -> n.get() > 1).count();
        long outbox = count("select count(*) from smo.outbox_event where status = 'DELIVERED'");
        System.out.printf("4. %d referrals approved through the balancer: %d referral.created webhooks received, %d events "
                + "received twice; %d events delivered in the outbox, %d distinct received%n", referrals, created(), duplicates,
                outbox, WEBHOOKS.size());
        check(created() == referrals, "every referral's webhook arrived");
        check(duplicates == 0, "no webhook event arrived twice");
    }

    // 5
    private static void restartUnderLoad(String balancer, String token, String[] b) throws Exception {
        AtomicBoolean restarted = new AtomicBoolean();
        Result r = load(balancer, token, 8, Duration.ofSeconds(45), () -> {
            try {
                Thread.sleep(10_000);
                long stopping = System.nanoTime();
                Process replica = REPLICAS.get("b");
                replica.destroy(); // SIGTERM: graceful shutdown
                replica.waitFor();
                System.out.printf("   replica b stopped on SIGTERM in %.1f s (exit %d)%n",
                        (System.nanoTime() - stopping) / 1e9, replica.exitValue());
                long starting = System.nanoTime();
                start("b", b);
                System.out.printf("   replica b ready again %.1f s later%n", (System.nanoTime() - starting) / 1e9);
                restarted.set(true);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long stored = count("select count(*) from smo.case_file where id = any(?)",
                (Object) r.acknowledged.toArray(UUID[]::new));
        System.out.printf("5. 45 s of registrations, replica b restarted (SIGTERM) after 10 s: %d acknowledged, %d of them "
                + "stored, %d retried by the client, %d failed%n", r.acknowledged.size(), stored, r.retried.get(), r.failed.get());
        check(restarted.get(), "replica b stopped and started again");
        check(stored == r.acknowledged.size(), "no acknowledged registration was lost");
        check(r.failed.get() == 0, "no registration failed after its retries");
    }

    // 6
    private static void killedReplicaJobs(String balancer, String replicaA, String caseworker, String supervisor,
                                          String[] a) throws Exception {
        int referrals = 10;
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            String caseId = register(balancer, caseworker);
            WebhookBenchmark.work(balancer, caseworker, caseId, "schedule-interview", scheduleForm());
            WebhookBenchmark.work(balancer, caseworker, caseId, "conduct-interview", interviewForm());
            cases.add(caseId);
        }
        WEBHOOKS.clear();
        for (String caseId : cases) { // approved on replica a: its job executor acquires the send steps
            WebhookBenchmark.work(replicaA, supervisor, caseId, "supervisor-review", Map.of("decision", "APPROVE", "pathway", "SPAIN"));
        }
        long locked = count("select count(*) from act_ru_job where lock_owner_ is not null");
        long leasedAtKill = count("select count(*) from smo.outbox_event where status = 'PENDING' and locked_until > now()");
        Process replica = REPLICAS.get("a");
        long killed = System.nanoTime();
        replica.destroyForcibly(); // SIGKILL: no shutdown, locks stay
        replica.waitFor();
        long deadline = killed + Duration.ofMinutes(4).toNanos();
        while (created() < referrals && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double waited = (System.nanoTime() - killed) / 1e9;
        System.out.printf("6. 10 referrals approved on replica a, which was then killed (SIGKILL) with %d engine jobs locked "
                + "(job lock time 60 s) and %d webhook events claimed when the wait began: %d of %d webhooks sent by "
                + "replica b %.1f s after the kill%n", locked, leasedAtKill, created(), referrals, waited);
        check(created() == referrals, "every referral a killed replica had locked was sent by the other");
        start("a", a);
    }

    // 7
    private static void databaseOutage(String balancer, String token) throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "stop", "-m", "fast");
        HttpResponse<String> during = post(balancer + "/api/v1/cases", token, PrivacyBenchmark.body(NEXT.getAndIncrement()),
                "cluster-" + UUID.randomUUID());
        String retryAfter = during.headers().firstValue("Retry-After").orElse("none");
        String type = during.headers().firstValue("Content-Type").orElse("");
        run("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "start");
        long started = System.nanoTime();
        int status = 0;
        while (System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
            status = post(balancer + "/api/v1/cases", token, PrivacyBenchmark.body(NEXT.getAndIncrement()),
                    "cluster-" + UUID.randomUUID()).statusCode();
            if (status == 201) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.printf("7. PostgreSQL stopped: a registration answered %d (%s, Retry-After %s); started again: "
                + "registrations succeed %.1f s later, replicas not restarted%n", during.statusCode(), type, retryAfter,
                (System.nanoTime() - started) / 1e9);
        check(during.statusCode() == 503 && !"none".equals(retryAfter) && type.startsWith("application/problem+json"),
                "a request during the outage is a 503 problem with Retry-After");
        check(status == 201 && REPLICAS.values().stream().allMatch(Process::isAlive), "the pools recovered by themselves");
    }

    // 8
    private static void timersOnce() throws Exception {
        long open = count("select count(*) from act_ru_task where task_def_key_ = 'schedule-interview'");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        // every schedule-interview task still open has had its timer fire once its deadline passed
        while (System.nanoTime() < deadline && count("""
                select count(*) from act_ru_job where handler_type_ = 'timer-transition'
                   and handler_cfg_ like '%schedule-interview-overdue%'""") > 0) {
            Thread.sleep(1_000);
        }
        long fired = count("select count(*) from act_hi_actinst where act_id_ = 'schedule-interview-overdue'");
        long twice = count("""
                select count(*) from (select proc_inst_id_ from act_hi_actinst where act_id_ = 'schedule-interview-overdue'
                                       group by proc_inst_id_ having count(*) > 1) t""");
        long escalations = count("select count(*) from smo.escalation where activity = 'schedule-interview'");
        long left = count("""
                select count(*) from act_ru_job where handler_type_ = 'timer-transition'
                   and handler_cfg_ like '%schedule-interview-overdue%'""");
        System.out.printf("8. overdue timers (schedule-interview's deadline shortened to 30 s): %d fired, %d processes "
                + "with one fired twice, %d escalations raised, %d timers left, %d tasks still open%n", fired, twice,
                escalations, left, open);
        check(fired > 0 && left == 0, "every overdue timer fired");
        check(twice == 0, "no timer fired twice across the replicas");
    }

    // 9
    private static void suspensionSweepsOnce(String balancer, String admin) throws Exception {
        String open = "select count(*) from smo.referral where status in ('SENT', 'INFO_REQUESTED') and pathway = 'SPAIN' "
                + "and office = 'GT'";
        long referrals = count(open);
        NOTICES.clear();
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("America/Guatemala"));
        String today = day.toString();
        // from yesterday, so that it can be lifted from today
        JsonNode suspension = JSON.readTree(send(request(balancer + "/api/v1/admin/pathway-suspensions", admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("pathway", "SPAIN", "office", "GT", "startsOn", day.minusDays(1).toString(), "reason", "cluster test"))))
                .build(), 201));
        awaitNotices("referral.held", referrals);
        Thread.sleep(5_000); // two more sweeps of each replica: a second notice, if any, would be sent by now
        Map<String, Integer> held = notices("referral.held");
        long heldNow = count(open + " and held_since is not null");
        send(request(balancer + "/api/v1/admin/pathway-suspensions/" + suspension.get("id").asText(), admin)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("liftedOn", today, "reason", "cluster test over", "version", suspension.get("version").asLong()))))
                .build(), 200);
        awaitNotices("referral.resumed", referrals);
        Thread.sleep(5_000);
        Map<String, Integer> resumed = notices("referral.resumed");
        long events = count("select count(*) from smo.outbox_event where type in ('referral.held', 'referral.resumed')");
        System.out.printf("9. SPAIN suspended at GT and lifted, both replicas sweeping every 2 s: %d open referrals, %d held "
                + "(%d held notices, %d referrals told twice), %d resumed notices (%d referrals told twice); %d events in "
                + "the outbox%n", referrals, heldNow, total(held), twice(held), total(resumed), twice(resumed), events);
        check(referrals > 0 && held.size() == referrals && heldNow == referrals, "every open referral was held");
        check(twice(held) == 0 && twice(resumed) == 0 && events == 2 * referrals,
                "each referral was held once and resumed once across the replicas' sweeps");
        check(resumed.size() == referrals && count(open + " and held_since is not null") == 0, "every held referral resumed");
    }

    // 10
    private static void retentionOnce(String replicaA, String replicaB, String balancer, String caseworker, String admin)
            throws Exception {
        int closed = 40;
        for (int i = 0; i < closed; i++) {
            String caseId = register(balancer, caseworker);
            send(request(balancer + "/api/v1/cases/" + caseId + "/withdraw", caseworker).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"cluster test\"}")).build(), 200);
        }
        Thread.sleep(1_500); // past the shortened retention
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<JsonNode>> runs = new ArrayList<>();
        for (String replica : List.of(replicaA, replicaB)) {
            runs.add(pool.submit(() -> {
                go.await();
                return JSON.readTree(send(request(replica + "/api/v1/admin/retention/runs", admin)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), 200));
            }));
        }
        go.countDown();
        JsonNode onA = runs.get(0).get();
        JsonNode onB = runs.get(1).get();
        pool.shutdown();
        long erased = count("select count(distinct case_id) from smo.audit_event where action = 'case.erased'");
        long twice = count("""
                select count(*) from (select case_id from smo.audit_event where action = 'case.erased'
                                       group by case_id having count(*) > 1) t""");
        System.out.printf("10. %d cases closed, retention run on both replicas at once (retention 1 s, batches of 5): "
                + "a erased %d (busy %s), b erased %d (busy %s); %d cases erased in the audit trail, %d twice%n", closed,
                onA.get("erased").asInt(), onA.get("busy").asBoolean(), onB.get("erased").asInt(), onB.get("busy").asBoolean(),
                erased, twice);
        check(onA.get("erased").asInt() + onB.get("erased").asInt() == erased && erased >= closed,
                "the two runs together erased every closed case");
        check(twice == 0, "no case was erased twice");
    }

    // 11
    private static void queueBackfillOnce(String[] a, String[] b) throws Exception {
        String unqueued = "select count(*) from act_ru_task t where not exists (select 1 from smo.open_task o where o.task_id = t.id_)";
        long queued = count("select count(*) from smo.open_task");
        long engine = count("select count(*) from act_ru_task");
        long unqueuedBefore = count(unqueued); // engine tasks that are no case's (none expected)
        for (Process replica : REPLICAS.values()) {
            replica.destroy();
            replica.waitFor();
        }
        long filledBefore = logLines("queues: filled");
        execute("delete from smo.open_task");
        long started = System.nanoTime();
        launch("a", a);
        launch("b", b);
        awaitReady("a", a);
        awaitReady("b", b);
        long filled = logLines("queues: filled") - filledBefore;
        long after = count("select count(*) from smo.open_task");
        long missing = count(unqueued) - unqueuedBefore;
        System.out.printf("11. both replicas started at once (ready in %.1f s) on an emptied queue table: %d filled it; %d "
                + "queued tasks before, %d after, %d engine tasks, %d of them missing from the queues%n",
                (System.nanoTime() - started) / 1e9, filled, queued, after, engine, missing);
        check(filled == 1, "one replica filled the queue table");
        check(after == queued && missing == 0, "the queue table holds every open task once");
    }

    private static void awaitNotices(String type, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (notices(type).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
    }

    /** Per referral, how many notices of this type arrived (held, resumed). */
    private static Map<String, Integer> notices(String type) {
        Map<String, Integer> counted = new HashMap<>();
        NOTICES.forEach((key, n) -> {
            if (key.startsWith(type + "/")) {
                counted.put(key.substring(type.length() + 1), n.get());
            }
        });
        return counted;
    }

    private static long total(Map<String, Integer> counted) {
        return counted.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static long twice(Map<String, Integer> counted) {
        return counted.values().stream().filter(n -> n > 1).count();
    }

    private static long logLines(String text) throws Exception {
        long lines = 0;
        for (String name : List.of("a", "b")) {
            Path log = Path.of("target/cluster-replica-" + name + ".log");
            if (java.nio.file.Files.exists(log)) {
                try (var all = java.nio.file.Files.lines(log, java.nio.charset.StandardCharsets.UTF_8)) {
                    lines += all.filter(line -> line.contains(text)).count();
                }
            }
        }
        return lines;
    }

    private record Result(Set<UUID> acknowledged, AtomicInteger retried, AtomicInteger failed) {
    }

    /**
     * Registrations by {@code clients} clients for the given time, each with its own Idempotency-Key; an answer other
     * than 201 (a refused connection, 502/503 from the balancer or a stopping replica) is retried with the same key
     * up to 5 times, as a portal would. {@code meanwhile} runs beside the load.
     */
    private static Result load(String balancer, String token, int clients, Duration duration, Runnable meanwhile)
            throws Exception {
        Result result = new Result(ConcurrentHashMap.newKeySet(), new AtomicInteger(), new AtomicInteger());
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    String body = PrivacyBenchmark.body(NEXT.getAndIncrement());
                    String key = "cluster-" + UUID.randomUUID();
                    boolean done = false;
                    for (int attempt = 0; attempt < 6 && !done; attempt++) {
                        if (attempt > 0) {
                            result.retried.incrementAndGet();
                            Thread.sleep(500L * attempt);
                        }
                        try {
                            HttpResponse<String> r = post(balancer + "/api/v1/cases", token, body, key);
                            if (r.statusCode() == 201) {
                                result.acknowledged.add(UUID.fromString(JSON.readTree(r.body()).get("id").asText()));
                                done = true;
                            }
                        } catch (java.io.IOException e) {
                            // connection refused or reset: retried
                        }
                    }
                    if (!done) {
                        result.failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        if (meanwhile != null) {
            workers.add(pool.submit(meanwhile));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return result;
    }

    private static void start(String name, String[] ports) throws Exception {
        launch(name, ports);
        awaitReady(name, ports);
    }

    private static void launch(String name, String[] ports) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m",
                // schedule-interview falls overdue in 30 s, not days: every case registered here gets a timer that the
                // replicas' job executors race for (check 8)
                "-Dsmo.deadlines.due.\"schedule-interview\"=PT30S",
                // both replicas sweep suspensions every 2 s (check 9); a closed case is due for erasure after 1 s,
                // erased five a transaction, so that two runs interleave (check 10)
                "-Dsmo.suspensions.sweep-every=2s", "-Dsmo.suspensions.sweep-delay=2s",
                "-Dsmo.retention.closed-case-personal-data=PT1S", "-Dsmo.retention.batch-size=5",
                "-jar", "quarkus-run.jar");
        ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/cluster-replica-" + name + ".log")));
        builder.environment().put("QUARKUS_HTTP_PORT", ports[0]);
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", ports[1]);
        REPLICAS.put(name, builder.start());
    }

    private static void awaitReady(String name, String[] ports) throws Exception {
        Process process = REPLICAS.get(name);
        URI ready = URI.create("http://localhost:" + ports[1] + "/q/health/ready");
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited; see target/cluster-replica-" + name + ".log");
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("replica " + name + " not ready in 2 minutes");
    }

    private static HttpResponse<String> post(String url, String token, String body, String key) throws Exception {
        return HTTP.send(request(url, token).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String register(String service, String token) throws Exception {
        return JSON.readTree(send(request(service + "/api/v1/cases", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PrivacyBenchmark.body(NEXT.getAndIncrement()))).build(), 201))
                .get("id").asText();
    }

    private static String taskOf(String service, String token, String caseId, String activity) throws Exception {
        JsonNode items = JSON.readTree(send(request(service + "/api/v1/tasks?caseId=" + caseId + "&activity=" + activity,
                token).GET().build(), 200)).get("items");
        return items.get(0).get("id").asText();
    }

    private static int claim(String service, String token, String task) throws Exception {
        return HTTP.send(request(service + "/api/v1/tasks/" + task + "/claim", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }


    private static Map<String, Object> scheduleForm() {
        return Map.of("appointmentAt", OffsetDateTime.now(ZoneOffset.ofHours(-6)).plusDays(7).withNano(0).toString(),
                "remote", true, "language", "es", "interpreterNeeded", false);
    }

    private static Map<String, Object> interviewForm() {
        return Map.of("protectionNeeds", List.of("PERSECUTION_RISK"), "vulnerabilities", List.of(), "familyTies", List.of(),
                "pathwayPreference", "SPAIN", "summary", "Cluster test");
    }

    private static void referToSpain(String service, String caseworker, String supervisor) throws Exception {
        String caseId = register(service, caseworker);
        WebhookBenchmark.work(service, caseworker, caseId, "schedule-interview", scheduleForm());
        WebhookBenchmark.work(service, caseworker, caseId, "conduct-interview", interviewForm());
        WebhookBenchmark.work(service, supervisor, caseId, "supervisor-review", Map.of("decision", "APPROVE", "pathway", "SPAIN"));
    }


    /** The partner's webhook endpoint: counts every delivery by its webhook-id (a redelivery counts twice). */
    private static HttpServer receiver() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String type = JSON.readTree(body).path("type").asText();
            if ("referral.created".equals(type)) {
                WEBHOOKS.computeIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), id -> new AtomicInteger())
                        .incrementAndGet();
            } else if ("referral.held".equals(type) || "referral.resumed".equals(type)) {
                String referral = JSON.readTree(body).path("data").path("referralId").asText();
                NOTICES.computeIfAbsent(type + "/" + referral, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static long created() {
        return WEBHOOKS.size();
    }

    private static double registered(String managementPort) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("smo_cases_registered_total{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static long count(String sql, Object... parameters) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i] instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        p.waitFor();
    }
}
