package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.print;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Partner webhooks against the packaged service: delivery latency after commit for 1,000 referrals made through the
 * API (screening to approval; the send-referral step writes the event), beside a direct signed POST to the same
 * receiver; and outbox throughput with the service's two worker threads, beside two threads posting directly.
 * Run by {@code scripts/benchmark.sh}.
 *
 * <pre>args: serviceUrl keycloakRealmUrl jdbcUrl</pre>
 */
public final class WebhookBenchmark {

    private static final int REFERRALS = 1_000;
    private static final int THROUGHPUT_EVENTS = 5_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** webhook-id to when it first arrived (a retried event counts once, at its first success). */
    private static final Map<String, Instant> RECEIVED = new ConcurrentHashMap<>();
    private static final AtomicInteger BAD_SIGNATURES = new AtomicInteger();

    private WebhookBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        HttpServer receiver = receiver(secret);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
        String admin = token(realm, "admin.smo");
        configureSpain(service, admin, url, secret);
        try {
            latency(service, realm, jdbc, url, secret);
            throughput(jdbc, url, secret);
            System.out.printf("  signatures that failed verification: %d%n", BAD_SIGNATURES.get());
        } finally {
            configureSpain(service, token(realm, "admin.smo"), null, null);
            receiver.stop(0);
        }
    }

    private static void latency(String service, String realm, String jdbc, String url, String secret) throws Exception {
        long[] base = new long[2000];
        for (int i = -200; i < base.length; i++) {
            long start = System.nanoTime();
            post(url, secret, "baseline-" + i, "{\"type\":\"baseline\"}");
            if (i >= 0) {
                base[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(base);
        RECEIVED.clear();

        String caseworker = token(realm, "caseworker.gt");
        String supervisor = token(realm, "supervisor.gt");
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < REFERRALS) {
                    referToSpain(service, caseworker, supervisor);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (RECEIVED.size() < REFERRALS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        System.out.printf("1,000 referrals to SPAIN through the API (8 clients, screening to approval): %.1f s; %d webhooks received%n",
                (System.nanoTime() - start) / 1e9, RECEIVED.size());

        long[] latencies;
        try (Connection c = DriverManager.getConnection(jdbc, "smo", "smo");
             PreparedStatement st = c.prepareStatement(
                     "select id, created_at from smo.outbox_event where partner_id = 'ES' and type = 'referral.created'")) {
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant created = rs.getObject(2, OffsetDateTime.class).toInstant();
                    Instant received = RECEIVED.get(rs.getObject(1, UUID.class).toString());
                    if (received != null) {
                        found.add(Duration.between(created, received).toNanos());
                    }
                }
            }
            latencies = found.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.println("webhook delivery latency, from the event's write in the send-referral transaction to its arrival:");
        print("baseline: one signed POST to the receiver, direct", base, base);
        print("referral.created, through the outbox (n=" + latencies.length + ")", latencies, base);
    }

    private static void throughput(String jdbc, String url, String secret) throws Exception {
        // baseline: two threads posting signed events straight to the receiver
        RECEIVED.clear();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> senders = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            senders.add(pool.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < THROUGHPUT_EVENTS) {
                    post(url, secret, "direct-" + n, "{\"type\":\"direct\"}");
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get();
        }
        pool.shutdown();
        double direct = THROUGHPUT_EVENTS / ((System.nanoTime() - start) / 1e9);

        // the outbox: events written straight into the table (5 per referral of the latency run), due in 3 s
        RECEIVED.clear();
        try (Connection c = DriverManager.getConnection(jdbc, "smo", "smo"); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    insert into smo.outbox_event (id, type, partner_id, referral_id, office, payload, status, created_at,
                                                  retry_from, next_attempt_at)
                    select gen_random_uuid(), 'referral.updated', r.partner_id, r.id, r.office,
                           jsonb_build_object('type', 'referral.updated', 'data', jsonb_build_object('referralId', r.id)),
                           'PENDING', now(), now(), now() + interval '3 seconds'
                      from smo.referral r cross join generate_series(1, 5)
                     where r.partner_id = 'ES'
                     limit %d""".formatted(THROUGHPUT_EVENTS));
            st.execute("analyze smo.outbox_event");
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (RECEIVED.size() < THROUGHPUT_EVENTS && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            try (ResultSet rs = st.executeQuery("""
                    select count(*), extract(epoch from max(delivered_at) - min(delivered_at))
                      from smo.outbox_event where type = 'referral.updated' and status = 'DELIVERED'""")) {
                rs.next();
                long delivered = rs.getLong(1);
                double seconds = rs.getDouble(2);
                double outbox = (delivered - 1) / seconds;
                System.out.printf("outbox throughput, %,d events:%n", delivered);
                System.out.printf("  baseline: 2 threads posting signed events directly  %8.0f events/s%n", direct);
                System.out.printf("  the service's 2 delivery workers (claim, sign, POST, record) %8.0f events/s = %.2f × baseline%n",
                        outbox, outbox / direct);
            }
        }
    }

    private static void referToSpain(String service, String caseworker, String supervisor) throws Exception {
        String body = """
                {"office": "GT", "applicant": {"givenName": "Bench", "familyName": "Referral", "dateOfBirth": "1990-01-01",
                 "nationality": "HND", "arrivalDate": "2023-01-01"}, "consent": {"given": true}}""";
        String caseId = JSON.readTree(send(request(service + "/api/v1/cases", caseworker).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201)).get("id").asText();
        work(service, caseworker, caseId, "schedule-interview", Map.of("appointmentAt",
                OffsetDateTime.now(ZoneOffset.ofHours(-6)).plusDays(7).withNano(0).toString(), "remote", true,
                "language", "es", "interpreterNeeded", false));
        work(service, caseworker, caseId, "conduct-interview", Map.of("protectionNeeds", List.of("PERSECUTION_RISK"),
                "vulnerabilities", List.of(), "familyTies", List.of(), "pathwayPreference", "SPAIN", "summary", "Benchmark"));
        work(service, supervisor, caseId, "supervisor-review", Map.of("decision", "APPROVE", "pathway", "SPAIN"));
    }

    /** Claims the case's task of that activity and completes it with the form (ClusterCheck uses it too). */
    static void work(String service, String token, String caseId, String activity, Map<String, ?> form) throws Exception {
        JsonNode items = JSON.readTree(send(request(service + "/api/v1/tasks?caseId=" + caseId + "&activity=" + activity, token)
                .GET().build(), 200)).get("items");
        String task = service + "/api/v1/tasks/" + items.get(0).get("id").asText();
        send(request(task + "/claim", token).POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        send(request(task + "/complete", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(form))).build(), 204);
    }

    /** Points partner ES (pathway SPAIN) at a webhook receiver (ClusterCheck uses it too). */
    static void configureSpain(String service, String admin, String url, String secret) throws Exception {
        Map<String, Object> partner = new HashMap<>();
        partner.put("name", "Spain: resettlement and labour-based pathways");
        partner.put("country", "ES");
        partner.put("pathways", List.of(Map.of("pathway", "SPAIN", "requiresDocumentNumber", false,
                "sharesVulnerabilities", true, "sharesInterviewSummary", true)));
        partner.put("webhookUrl", url);
        partner.put("webhookSecret", secret);
        partner.put("active", true);
        send(request(service + "/api/v1/admin/partners/ES", admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(partner))).build(), 200);
    }

    private static HttpServer receiver(String secret) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "receiver");
            thread.setDaemon(true); // the benchmark's JVM ends when main does
            return thread;
        }));
        server.createContext("/hooks", exchange -> {
            Instant at = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
            try {
                new Webhook(secret).verify(body, headers);
            } catch (Exception e) {
                BAD_SIGNATURES.incrementAndGet();
            }
            RECEIVED.putIfAbsent(exchange.getRequestHeaders().getFirst("webhook-id"), at);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void post(String url, String secret, String id, String body) throws Exception {
        long timestamp = Instant.now().getEpochSecond();
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", new Webhook(secret).sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 204) {
            throw new IllegalStateException("receiver answered " + response.statusCode());
        }
    }
}
