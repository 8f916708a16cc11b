package org.safemobility.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A bulk close of 10,000 cases whose service is killed (SIGKILL, no shutdown) in the middle and started again
 * (scripts/bulk-restart.sh; not part of the test run). The restarted service takes the action over once the dead
 * one's lease expires, and every case must end closed exactly once: one status change, one audit entry, its row in the
 * action marked done once. Exits non-zero when any of that does not hold.
 */
public final class BulkRestartCheck {

    private static final int CASES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        String jdbc = args[1];
        String realm = args[2];
        int port = Integer.parseInt(args[3]);
        int managementPort = Integer.parseInt(args[4]);
        String service = "http://localhost:" + port;
        String key = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().substring(0, 32).getBytes(StandardCharsets.UTF_8));
        Map<String, String> env = Map.of("QUARKUS_DATASOURCE_JDBC_URL", jdbc, "QUARKUS_HTTP_PORT", Integer.toString(port),
                "QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort), "SMO_WEBHOOKS_ENCRYPTION_KEY", key,
                "SMO_BULK_LEASE", "PT10S", "SMO_BULK_POLL_EVERY", "1s", "SMO_BULK_POLL_DELAY", "1s");

        Process first = start(jar, env, managementPort, 1);
        seed(jdbc);
        String supervisor = token(realm, "supervisor.gt");
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(service + "/api/v1/bulk-actions"))
                .header("Authorization", "Bearer " + supervisor).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"action": "CLOSE", "office": "GT", "outcome": "PROGRAMME_SUSPENDED", "reason": "restart check",
                         "filter": {"statuses": ["INTERVIEW_SCHEDULED"]}}""")).build());
        require(accepted.statusCode() == 202, "the bulk close answered " + accepted.statusCode() + ": " + accepted.body());
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        require(JSON.readTree(accepted.body()).get("matched").asInt() == CASES, "matched " + accepted.body());

        long start = System.nanoTime();
        int doneAtKill;
        while ((doneAtKill = done(jdbc, id)) < 3_000) {
            Thread.sleep(50);
        }
        first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, the open batch's transaction dies with it
        doneAtKill = done(jdbc, id);
        double before = doneAtKill / ((System.nanoTime() - start) / 1e9);
        System.out.printf("killed the service with %d of %d cases done (%.0f cases/s so far)%n", doneAtKill, CASES, before);

        Process second = start(jar, env, managementPort, 2);
        try {
            long restarted = System.nanoTime();
            JsonNode action;
            while (true) {
                supervisor = token(realm, "supervisor.gt");
                action = JSON.readTree(send(HttpRequest.newBuilder(URI.create(service + "/api/v1/bulk-actions/" + id))
                        .header("Authorization", "Bearer " + supervisor).GET().build()).body());
                if ("COMPLETED".equals(action.get("state").asText())) {
                    break;
                }
                require(System.nanoTime() - restarted < Duration.ofMinutes(10).toNanos(), "not completed: " + action);
                Thread.sleep(500);
            }
            System.out.printf("completed %.1f s after the restart: done %d, skipped %d, failed %d%n",
                    (System.nanoTime() - restarted) / 1e9, action.get("done").asInt(), action.get("skipped").asInt(),
                    action.get("failed").asInt());
            require(action.get("done").asInt() == CASES && action.get("skipped").asInt() == 0
                    && action.get("failed").asInt() == 0, "counts: " + action);
            try (Connection db = DriverManager.getConnection(jdbc, "smo", "smo")) {
                long closed = count(db, "select count(*) from smo.case_file where case_number like 'GT-RESTART-%' "
                        + "and status = 'CLOSED_BY_PROGRAMME' and closing_outcome = 'PROGRAMME_SUSPENDED'");
                long entries = count(db, "select count(*) from smo.audit_event where action = 'case.closed-by-programme' "
                        + "and details ->> 'bulkActionId' = '" + id + "'");
                long twice = count(db, "select count(*) from (select case_id from smo.audit_event where action = "
                        + "'case.closed-by-programme' group by case_id having count(*) > 1) t");
                long rows = count(db, "select count(*) from smo.bulk_action_case where action_id = '" + id + "' and result = 'DONE'");
                System.out.printf("cases closed %d, audit entries %d, cases with more than one %d, rows done %d%n",
                        closed, entries, twice, rows);
                require(closed == CASES && entries == CASES && twice == 0 && rows == CASES, "not exactly once");
            }
            System.out.println("bulk restart check: every case closed exactly once");
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private static Process start(String jar, Map<String, String> env, int managementPort, int n) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", jar).redirectErrorStream(true)
                .redirectOutput(new File("target/bulk-restart-service-" + n + ".log"));
        builder.environment().putAll(env);
        Process process = builder.start();
        for (int i = 0; i < 120; i++) {
            try {
                if (send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/q/health/ready"))
                        .GET().build()).statusCode() == 200) {
                    return process;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            require(process.isAlive(), "the service exited; see target/bulk-restart-service-" + n + ".log");
            Thread.sleep(500);
        }
        throw new IllegalStateException("the service did not become ready");
    }

    /** 10,000 cases of GT waiting for an interview, written straight to the table (the caseload, not its journeys). */
    private static void seed(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "smo", "smo"); Statement sql = db.createStatement()) {
            sql.execute("""
                    insert into smo.case_file (id, case_number, office, status, applicant_given_name, applicant_family_name,
                        applicant_date_of_birth, applicant_nationality, applicant_arrival_date, consent_processing, consent_partner_sharing,
                        consent_recorded_at, registered_by, created_at, updated_at)
                    select gen_random_uuid(), 'GT-RESTART-' || n, 'GT', 'INTERVIEW_SCHEDULED', 'Restart', 'Applicant ' || n,
                        date '1990-01-01', 'HND', date '2023-01-01', true, true, now(), 'seed', now(), now()
                    from generate_series(1, %d) n""".formatted(CASES));
            sql.execute("analyze smo.case_file");
        }
    }

    private static int done(String jdbc, String id) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "smo", "smo")) {
            return (int) count(db, "select count(*) from smo.bulk_action_case where action_id = '" + id + "' and result is not null");
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String token(String realm, String user) throws Exception {
        String form = "grant_type=password&client_id=smo-portal&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
        require(response.statusCode() == 200, "token: " + response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
