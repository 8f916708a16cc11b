package org.safemobility.benchmark;

import static org.safemobility.benchmark.Loopback.JSON;
import static org.safemobility.benchmark.Loopback.latencies;
import static org.safemobility.benchmark.Loopback.print;
import static org.safemobility.benchmark.Loopback.send;
import static org.safemobility.benchmark.Loopback.token;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Load on loopback against a running packaged service (started by {@code scripts/benchmark.sh} on its own database),
 * with real tokens from the local Keycloak. Every result is printed beside a baseline measured in the same run.
 *
 * <pre>args: serviceUrl keycloakRealmUrl jdbcUrl</pre>
 */
public final class ServiceBenchmark {


    private ServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String service = args[0];
        String realm = args[1];
        String jdbc = args[2];
        String caseworker = token(realm, "caseworker.gt");
        String admin = token(realm, "admin.smo");

        // 1. the what-if check, against an authenticated trivial endpoint on the same stack
        String check = service + "/api/v1/eligibility/check?office=GT&nationality=HND&arrivalDate=2024-01-10&applicationDate=2024-05-08";
        String baseline = service + "/api/v1/tasks?size=1&activity=no-such-activity";
        long[] base = latencies(baseline, caseworker, 500, 3000);
        long[] whatIf = latencies(check, caseworker, 500, 3000);
        System.out.println("what-if call, sequential on loopback (3000 calls after 500 warm-up):");
        print("baseline: GET /api/v1/tasks (empty, same auth)", base, base);
        print("GET /api/v1/eligibility/check", whatIf, base);

        // 2. re-screening 10,000 closed-ineligible cases (5 nationalities, arrivals spread over three years: about
        //    5,000 distinct questions): first with unchanged rules (checks only: the baseline), then after Guatemala's
        //    rules widen to Venezuelans (checks + a review task for each of the 2,000 Venezuelans)
        int closed = 10_000;
        seedClosedCases(jdbc, closed);
        double checksOnly = rescreen(service, admin);
        String widened = Files.readString(Path.of("workflows/smo-eligibility.dmn")).replace(
                "<inputEntry id=\"rule-gt-hnd-slv-nic-2024-05-07-in-2\"><text>\"HND\", \"SLV\", \"NIC\"</text>",
                "<inputEntry id=\"rule-gt-hnd-slv-nic-2024-05-07-in-2\"><text>\"HND\", \"SLV\", \"NIC\", \"VEN\"</text>");
        send(HttpRequest.newBuilder(URI.create(service + "/api/v1/admin/eligibility-rules?comment=benchmark"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(widened)).build(), 201);
        double withTasks = rescreen(service, admin);
        double rerun = rescreen(service, admin);
        System.out.printf("re-screening %,d closed cases of GT:%n", closed);
        System.out.printf("  baseline, rules unchanged (0 tasks)  %7.2f s  %,8.0f cases/s%n", checksOnly, closed / checksOnly);
        System.out.printf("  rules widened (%,d review tasks)      %7.2f s  %,8.0f cases/s  = %.1f × baseline time%n",
                closed / 5, withTasks, closed / withTasks, withTasks / checksOnly);
        System.out.printf("  run again (idempotent, 0 new tasks)  %7.2f s  %,8.0f cases/s  = %.1f × baseline time%n",
                rerun, closed / rerun, rerun / checksOnly);
    }

    /** A re-screening bulk action, to completion; its own start to finish (the runner's poll interval not counted). */
    private static double rescreen(String service, String admin) throws Exception {
        JsonNode result = JSON.readTree(send(HttpRequest.newBuilder(
                        URI.create(service + "/api/v1/admin/eligibility-rules/rescreen?office=GT"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(), 202));
        String status = service + "/api/v1/bulk-actions/" + result.get("id").asText();
        while (!"COMPLETED".equals(result.get("state").asText())) {
            Thread.sleep(200);
            result = JSON.readTree(send(HttpRequest.newBuilder(URI.create(status)).header("Authorization", "Bearer " + admin)
                    .GET().build(), 200));
        }
        System.out.printf("  done %d, skipped %d, failed %d%n", result.get("done").asInt(), result.get("skipped").asInt(),
                result.get("failed").asInt());
        return java.time.Duration.between(java.time.Instant.parse(result.get("startedAt").asText()),
                java.time.Instant.parse(result.get("finishedAt").asText())).toNanos() / 1e9;
    }

    private static void seedClosedCases(String jdbc, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "smo", "smo"); Statement st = c.createStatement()) {
            st.execute("""
                    insert into smo.case_file (id, case_number, office, status, applicant_given_name, applicant_family_name,
                        applicant_date_of_birth, applicant_nationality, applicant_arrival_date, consent_processing, consent_partner_sharing,
                        consent_recorded_at, registered_by, created_at, updated_at, version)
                    select gen_random_uuid(), 'GT-2025-B' || lpad(g::text, 6, '0'), 'GT', 'CLOSED_INELIGIBLE', 'Bench',
                        'Applicant', date '1990-01-01', (array['VEN','CUB','HTI','COL','MEX'])[1 + g %% 5],
                        date '2021-01-01' + (g / 5) %% 1100, true, true, now(), 'benchmark', now(), now(), 0
                      from generate_series(1, %d) g""".formatted(count));
            st.execute("analyze smo.case_file");
        }
    }

}
