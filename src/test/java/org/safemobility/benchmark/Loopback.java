package org.safemobility.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** HTTP on loopback for the benchmarks: real tokens from the local Keycloak, timed calls, results beside a baseline. */
final class Loopback {

    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1 like the portals' browsers on loopback (the JDK's default HTTP/2 upgrade attempt is not what we measure). */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Loopback() {
    }

    static String token(String realm, String user) throws Exception {
        String form = "grant_type=password&client_id=smo-portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        String body = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
        return JSON.readTree(body).get("access_token").asText();
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
    }

    static String send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Sorted latencies in nanoseconds of {@code measured} sequential GETs after {@code warmup} unmeasured ones. */
    static long[] latencies(String url, String token, int warmup, int measured) throws Exception {
        HttpRequest request = request(url, token).GET().build();
        for (int i = 0; i < warmup; i++) {
            send(request, 200);
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            send(request, 200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    static void print(String what, long[] sorted, long[] baseline) {
        double p50 = percentile(sorted, 0.50);
        double p99 = percentile(sorted, 0.99);
        double bp50 = percentile(baseline, 0.50);
        double bp99 = percentile(baseline, 0.99);
        System.out.printf("  %-55s p50 %7.2f ms (%.2f ×)  p99 %7.2f ms (%.2f ×)  max %7.1f ms%n", what, p50, p50 / bp50,
                p99, p99 / bp99, sorted[sorted.length - 1] / 1e6);
    }

    static double percentile(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))] / 1e6;
    }

    /**
     * Registrations at office GT by {@code clients} clients for the given time (a Honduran applicant, served there);
     * returns the sorted latencies in nanoseconds.
     */
    static long[] registrations(String service, String token, int clients, Duration duration) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return registrations(service, token, clients, duration, () -> {
            int n = next.getAndIncrement();
            return """
                    {"applicant": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s",
                     "nationality": "HND", "arrivalDate": "2023-01-01"}, "consent": {"given": true}}"""
                    .formatted(nameWord(n, 1), nameWord(n, 2), birthDate(n));
        }, false);
    }

    /**
     * Registrations of the bodies {@code bodies} gives, by {@code clients} clients for the given time, each with a
     * fresh Idempotency-Key if asked; returns the sorted latencies in nanoseconds.
     */
    static long[] registrations(String service, String token, int clients, Duration duration,
                                java.util.function.Supplier<String> bodies, boolean idempotencyKey) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.ConcurrentLinkedQueue<Long> latencies = new java.util.concurrent.ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + duration.toNanos();
        try {
            java.util.List<java.util.concurrent.Future<?>> workers = new java.util.ArrayList<>();
            for (int w = 0; w < clients; w++) {
                workers.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        HttpRequest.Builder post = request(service + "/api/v1/cases", token)
                                .header("Content-Type", "application/json");
                        if (idempotencyKey) {
                            post.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
                        }
                        HttpRequest request = post.POST(HttpRequest.BodyPublishers.ofString(bodies.get())).build();
                        long started = System.nanoTime();
                        send(request, 201);
                        latencies.add(System.nanoTime() - started);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(sorted);
        return sorted;
    }

    /** A date of birth for the n-th registration, spread over 1960-2003. */
    static java.time.LocalDate birthDate(int n) {
        return java.time.LocalDate.of(1960, 1, 1).plusDays(Math.floorMod(n * 7919L, 16_000));
    }

    /**
     * A made-up name word for the n-th registration: the benchmarks register different people, as an office does, so
     * duplicate detection finds no likely match among them (as it would among thousands of "Bench Applicant n" born
     * the same day).
     */
    static String nameWord(int n, int salt) {
        long x = (n * 0x9E3779B97F4A7C15L) ^ (salt * 0xC2B2AE3D27D4EB4FL);
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return org.safemobility.fixtures.RegistrationFixture.nameWord(x);
    }
}
