package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.latencies;
import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.print;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The inbox with 10,000 open tasks across the four offices (registered through the API), and claim + complete,
 * each beside the same authenticated trivial call measured in the same run. Run by {@code scripts/benchmark.sh}.
 *
 * <pre>args: serviceUrl keycloakRealmUrl jdbcUrl [--no-seed]</pre>
 */
public final class InboxBenchmark {

    private static final int OPEN_TASKS = 10_000;
    private static final Map<String, String> CASEWORKERS = Map.of("GT", "caseworker.gt", "CR", "caseworker.cr",
            "CO", "caseworker.co", "EC", "caseworker.ec");
    private static final Map<String, String> SERVED = Map.of("GT", "HND", "CR", "NIC", "CO", "VEN", "EC", "VEN");

    private InboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        boolean seed = args.length < 4 || !"--no-seed".equals(args[3]);
        if (seed) {
            Map<String, String> tokens = new java.util.HashMap<>();
            for (var e : CASEWORKERS.entrySet()) {
                tokens.put(e.getKey(), token(realm, e.getValue()));
            }
            long start = System.nanoTime();
            register(service, tokens);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded %,d open tasks across GT, CR, CO, EC through POST /api/v1/cases (8 clients): %.1f s, %.0f registrations/s%n",
                    OPEN_TASKS, seconds, OPEN_TASKS / seconds);
        }
        // what autovacuum does after a bulk load (it is off on the development machines, where the planner would
        // otherwise believe the engine's tables hold a row or two and nest loops over thousands)
        try (Connection c = DriverManager.getConnection(jdbc, "smo", "smo"); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
        // fresh tokens for the measurements: the realm's access tokens live 15 minutes
        String gt = token(realm, "caseworker.gt");
        String supervisor = token(realm, "supervisor.gt");
        long[] base = latencies(service + "/api/v1/tasks?size=1&activity=no-such-activity", gt, 300, 2000);
        System.out.println("inbox, sequential on loopback (2000 calls after 300 warm-up):");
        print("baseline: GET /api/v1/tasks?activity=no-such-activity", base, base);
        print("caseworker GT: GET /api/v1/tasks (page of 20 of ~2,500)", latencies(service + "/api/v1/tasks", gt, 300, 2000), base);
        print("caseworker GT: ?assignee=unassigned&activity=schedule-interview",
                latencies(service + "/api/v1/tasks?assignee=unassigned&activity=schedule-interview", gt, 300, 2000), base);
        print("supervisor GT+CR: GET /api/v1/tasks (page of 20 of ~5,000)",
                latencies(service + "/api/v1/tasks", supervisor, 300, 2000), base);
        print("supervisor GT+CR: ?overdue=true", latencies(service + "/api/v1/tasks?overdue=true", supervisor, 300, 2000), base);

        List<String> taskIds = new ArrayList<>();
        JSON.readTree(send(request(service + "/api/v1/tasks?activity=schedule-interview&size=100&assignee=unassigned", gt)
                .GET().build(), 200)).get("items").forEach(t -> taskIds.add(t.get("id").asText()));
        String form = JSON.writeValueAsString(Map.of("appointmentAt",
                OffsetDateTime.now(ZoneOffset.ofHours(-6)).plusDays(7).withNano(0).toString(), "remote", true,
                "language", "es", "interpreterNeeded", false));
        long[] claims = new long[taskIds.size()];
        long[] completes = new long[taskIds.size()];
        for (int i = 0; i < taskIds.size(); i++) {
            String task = service + "/api/v1/tasks/" + taskIds.get(i);
            long t0 = System.nanoTime();
            send(request(task + "/claim", gt).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
            long t1 = System.nanoTime();
            send(request(task + "/complete", gt).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 204);
            claims[i] = t1 - t0;
            completes[i] = System.nanoTime() - t1;
        }
        Arrays.sort(claims);
        Arrays.sort(completes);
        System.out.printf("claim + complete of %d schedule-interview tasks (sequential):%n", taskIds.size());
        print("POST /api/v1/tasks/{id}/claim", claims, base);
        print("POST /api/v1/tasks/{id}/complete (schedule-interview form)", completes, base);
        System.out.printf("  claim + complete together: p50 %.2f ms%n", percentile(claims, 0.5) + percentile(completes, 0.5));
    }

    private static void register(String service, Map<String, String> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<String> offices = List.of("GT", "CR", "CO", "EC");
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                workers.add(pool.submit(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < OPEN_TASKS) {
                        String office = offices.get(n % 4);
                        // Costa Rica's programme ended in 2025: its registrations are applications received before
                        String received = office.equals("CR")
                                ? ", \"applicationDate\": \"2025-06-02\", \"applicationDateReason\": \"Online form of June 2025\"" : "";
                        String body = """
                                {"applicant": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s",
                                 "nationality": "%s", "arrivalDate": "2023-01-01"}, "consent": {"given": true}%s}"""
                                .formatted(Loopback.nameWord(n, 1), Loopback.nameWord(n, 2), Loopback.birthDate(n),
                                        SERVED.get(office), received);
                        send(request(service + "/api/v1/cases", tokens.get(office)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
