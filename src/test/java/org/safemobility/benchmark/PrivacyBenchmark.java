package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.birthDate;
import static org.safemobility.benchmark.Loopback.nameWord;
import static org.safemobility.benchmark.Loopback.percentile;
import static org.safemobility.benchmark.Loopback.request;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What privacy costs, on loopback, measured beside its baseline in the same run: registrations (8 clients) and the case
 * read with sensitive fields sealed (the service as shipped) against the same service with
 * {@code SMO_DATA_ENCRYPTION_ENABLED=false}, both on one database, rounds alternated; the retention job's rate on
 * cases registered, withdrawn and backdated past their period; the printed copy (PDF) against the JSON copy.
 *
 * <p>Arguments: the sealing service's URL, the Keycloak realm URL, the JDBC URL, the plain service's URL.
 */
public final class PrivacyBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("privacy.round-seconds", 20));
    private static final int ROUNDS = Integer.getInteger("privacy.rounds", 3);

    private PrivacyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String sealing = args[0];
        String realm = args[1];
        String jdbc = args[2];
        String plain = args[3];
        String caseworker = token(realm, "caseworker.gt");
        String admin = token(realm, "admin.smo");

        System.out.println("Privacy benchmark: sealing service " + sealing + " against the same service with encryption "
                + "off " + plain + ", one database, " + ROUNDS + " alternated rounds of " + ROUND.toSeconds() + " s");
        registrations(sealing, caseworker, Duration.ofSeconds(10)); // warm-up
        registrations(plain, caseworker, Duration.ofSeconds(10));
        long sealedCount = 0;
        long plainCount = 0;
        List<Long> sealedAll = new ArrayList<>();
        List<Long> plainAll = new ArrayList<>();
        analyze(jdbc);
        for (int round = 1; round <= ROUNDS; round++) {
            // which goes first alternates: the tables grow during the run, and the later of two rounds pays for it
            long[] on;
            long[] off;
            if (round % 2 == 1) {
                on = registrations(sealing, caseworker, ROUND);
                off = registrations(plain, caseworker, ROUND);
            } else {
                off = registrations(plain, caseworker, ROUND);
                on = registrations(sealing, caseworker, ROUND);
            }
            sealedCount += on.length;
            plainCount += off.length;
            Arrays.stream(on).forEach(sealedAll::add);
            Arrays.stream(off).forEach(plainAll::add);
            System.out.printf("  round %d: registrations/s sealed %.1f, plain %.1f (%.2f ×)%n", round,
                    on.length / (double) ROUND.toSeconds(), off.length / (double) ROUND.toSeconds(),
                    on.length / (double) Math.max(1, off.length));
        }
        long[] on = sealedAll.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] off = plainAll.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("Registrations, %d clients: sealed %.1f/s p50 %.1f ms p99 %.1f ms; plain %.1f/s p50 %.1f ms p99 %.1f ms;"
                        + " throughput %.2f ×, p50 %.2f ×, p99 %.2f ×%n", CLIENTS,
                sealedCount / (double) (ROUND.toSeconds() * ROUNDS), percentile(on, 0.5), percentile(on, 0.99),
                plainCount / (double) (ROUND.toSeconds() * ROUNDS), percentile(off, 0.5), percentile(off, 0.99),
                sealedCount / (double) plainCount, percentile(on, 0.5) / percentile(off, 0.5),
                percentile(on, 0.99) / percentile(off, 0.99));

        // the case read: a sealed case through the sealing service, a plain one through the plain service
        String sealedCase = register(sealing, caseworker, 1_000_001);
        String plainCase = register(plain, caseworker, 1_000_002);
        List<Long> readOn = new ArrayList<>();
        List<Long> readOff = new ArrayList<>();
        analyze(jdbc);
        for (int round = 0; round < 4; round++) {
            if (round % 2 == 0) {
                Arrays.stream(Loopback.latencies(sealing + "/api/v1/cases/" + sealedCase, caseworker, 50, 500)).forEach(readOn::add);
                Arrays.stream(Loopback.latencies(plain + "/api/v1/cases/" + plainCase, caseworker, 50, 500)).forEach(readOff::add);
            } else {
                Arrays.stream(Loopback.latencies(plain + "/api/v1/cases/" + plainCase, caseworker, 50, 500)).forEach(readOff::add);
                Arrays.stream(Loopback.latencies(sealing + "/api/v1/cases/" + sealedCase, caseworker, 50, 500)).forEach(readOn::add);
            }
        }
        long[] ron = readOn.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] roff = readOff.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("Case read, sequential, 2,000 each:");
        Loopback.print("sealed case, sealing service (baseline: plain)", ron, roff);
        Loopback.print("plain case, plain service", roff, roff);

        // the applicant's copy: PDF against JSON, same case, alternated
        List<Long> pdf = new ArrayList<>();
        List<Long> json = new ArrayList<>();
        timed(sealing + "/api/v1/cases/" + sealedCase + "/export", caseworker, "application/pdf", 30, 0); // JIT warm-up
        for (int round = 0; round < 4; round++) {
            pdf.addAll(timed(sealing + "/api/v1/cases/" + sealedCase + "/export", caseworker, "application/pdf", 2, 25));
            json.addAll(timed(sealing + "/api/v1/cases/" + sealedCase + "/export", caseworker, "application/json", 2, 25));
        }
        long[] p = pdf.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] j = json.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.println("The applicant's copy, 100 each:");
        Loopback.print("PDF (baseline: the JSON copy)", p, j);

        // retention: withdrawn cases backdated past their period, erased by the job
        int n = Integer.getInteger("privacy.retention-cases", 1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(register(sealing, caseworker, 2_000_000 + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        for (String id : ids) {
            done.add(pool.submit(() -> send(request(sealing + "/api/v1/cases/" + id + "/withdraw", caseworker)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"benchmark\"}")).build(), 200)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement()) {
            st.executeUpdate("update smo.case_file set closed_at = now() - interval '6 years' where closing_note is null "
                    + "and status = 'WITHDRAWN' and erased_at is null");
            st.execute("analyze");
        }
        String run = send(request(sealing + "/api/v1/admin/retention/runs", admin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        var result = JSON.readTree(run);
        System.out.printf("Retention job: erased %d cases (each with a household member, its process history) in %d ms: "
                + "%.1f cases/s%n", result.get("erased").asInt(), result.get("millis").asLong(), result.get("perSecond").asDouble());
    }

    private static void analyze(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", null); Statement st = c.createStatement()) {
            st.execute("analyze");
        }
    }

    private static List<Long> timed(String url, String token, String accept, int warmup, int measured) throws Exception {
        HttpRequest request = request(url, token).header("Accept", accept).GET().build();
        for (int i = 0; i < warmup; i++) {
            send(request, 200);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < measured; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    /** A registration with every sealed field of intake: document, phone, email, a member's document and needs. */
    static String body(int n) {
        return """
                {"applicant": {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "nationality": "HND",
                 "arrivalDate": "2023-01-01", "documentType": "PASSPORT", "documentNumber": "P%08d",
                 "phone": "+502%08d", "email": "applicant%d@correo.test", "preferredLanguage": "es"},
                 "household": [{"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "relationship": "CHILD",
                 "nationality": "HND", "documentType": "NATIONAL_ID", "documentNumber": "N%08d",
                 "vulnerabilities": ["UNACCOMPANIED_CHILD"]}],
                 "consent": {"processing": true, "partnerSharing": true}}"""
                .formatted(nameWord(n, 1), nameWord(n, 2), birthDate(n), n, n, n, nameWord(n, 3), nameWord(n, 2),
                        childBirthDate(n), n);
    }

    /**
     * A child's birth date for the n-th registration, spread over 2008-2020: people born on one day are compared with
     * each other at every registration, so a benchmark whose children share a birthday measures duplicate detection
     * on a crowd no office has (it did: registrations fell to 5/s).
     */
    private static java.time.LocalDate childBirthDate(int n) {
        return java.time.LocalDate.of(2008, 1, 1).plusDays(Math.floorMod(n * 104_729L, 4_700));
    }

    private static String register(String service, String token, int n) throws Exception {
        String created = send(request(service + "/api/v1/cases", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(n))).build(), 201);
        return JSON.readTree(created).get("id").asText();
    }

    private static final AtomicInteger NEXT = new AtomicInteger();

    private static long[] registrations(String service, String token, Duration duration) throws Exception {
        return Loopback.registrations(service, token, CLIENTS, duration, () -> body(NEXT.getAndIncrement()), false);
    }
}
