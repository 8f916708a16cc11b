package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How fast a bulk close works through an office's cases (scripts/benchmark.sh bulk), against the same cases closed
 * one request at a time. Each round registers fresh cases through the API (so each has its workflow waiting in
 * schedule-interview), then closes them: a bulk CLOSE round measures the action's own rate (its startedAt to
 * finishedAt, so the runner's poll interval is not counted); a baseline round withdraws each case with its own
 * {@code POST /cases/{id}/withdraw} from 4 clients (the same work per case: status, workflow ended, audit entry).
 * Rounds alternate; the ratio of each pair is printed, then their median.
 */
public final class BulkActionBenchmark {

    private static final int BULK_CASES = 1_000;
    private static final int BASELINE_CASES = 300;
    private static final int CLIENTS = 4;
    private static final int PAIRS = 3;

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        System.out.printf("bulk close (%d cases a round) vs one withdrawal request per case (%d cases a round, %d clients), "
                + "%d alternating pairs%n", BULK_CASES, BASELINE_CASES, CLIENTS, PAIRS);
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < PAIRS; pair++) {
            double bulk = bulkRound(service, realm);
            double baseline = baselineRound(service, realm);
            ratios.add(bulk / baseline);
            System.out.printf("  pair %d  bulk close %7.1f cases/s   one request per case %7.1f cases/s   ratio %.2f%n",
                    pair + 1, bulk, baseline, bulk / baseline);
        }
        Collections.sort(ratios);
        System.out.printf("bulk close rate / per-request rate: median %.2f (min %.2f, max %.2f)%n",
                ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
    }

    private static double bulkRound(String service, String realm) throws Exception {
        register(service, token(realm, "caseworker.gt"), BULK_CASES);
        String supervisor = token(realm, "supervisor.gt");
        send(request(service + "/api/v1/bulk-actions", supervisor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"action": "CLOSE", "office": "GT", "outcome": "PROGRAMME_SUSPENDED", "reason": "benchmark",
                         "filter": {"statuses": ["ELIGIBLE"]}}""")).build(), 202);
        JsonNode action;
        while (true) {
            JsonNode page = JSON.readTree(send(request(service + "/api/v1/bulk-actions?office=GT&size=1", supervisor)
                    .GET().build(), 200));
            action = page.get("items").get(0);
            if ("COMPLETED".equals(action.get("state").asText())) {
                break;
            }
            Thread.sleep(200);
        }
        if (action.get("done").asInt() != BULK_CASES) {
            throw new IllegalStateException("the bulk close did " + action + " instead of " + BULK_CASES + " cases");
        }
        Duration took = Duration.between(Instant.parse(action.get("startedAt").asText()),
                Instant.parse(action.get("finishedAt").asText()));
        return BULK_CASES / (took.toNanos() / 1e9);
    }

    private static double baselineRound(String service, String realm) throws Exception {
        String caseworker = token(realm, "caseworker.gt");
        List<String> ids = register(service, caseworker, BASELINE_CASES);
        long started = System.nanoTime();
        parallel(ids, id -> send(request(service + "/api/v1/cases/" + id + "/withdraw", caseworker)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"benchmark\"}")).build(), 200));
        return BASELINE_CASES / ((System.nanoTime() - started) / 1e9);
    }

    /** Registrations so far in this run: each a different made-up person. */
    private static final AtomicInteger REGISTERED = new AtomicInteger();

    /** Registers n cases at GT (eligible, waiting in schedule-interview); returns their ids. */
    private static List<String> register(String service, String token, int n) throws Exception {
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            numbers.add(i);
        }
        parallel(numbers, i -> {
            int k = REGISTERED.incrementAndGet();
            String body = """
                    {"applicant": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s",
                     "nationality": "HND", "arrivalDate": "2023-01-01"}, "consent": {"given": true}}"""
                    .formatted(Loopback.nameWord(k, 1), Loopback.nameWord(k, 2), Loopback.birthDate(k));
            ids.add(JSON.readTree(send(request(service + "/api/v1/cases", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201)).get("id").asText());
            return null;
        });
        return new ArrayList<>(ids);
    }

    private interface Call<T> {
        Object call(T item) throws Exception;
    }

    private static <T> void parallel(List<T> items, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        ConcurrentLinkedQueue<T> queue = new ConcurrentLinkedQueue<>(items);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CLIENTS; w++) {
                workers.add(pool.submit(() -> {
                    T item;
                    while ((item = queue.poll()) != null) {
                        call.call(item);
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
