package org.safemobility.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Bulk actions against an office of their own (BK), so that no other test's cases are swept up: dry run, hold and
 * resume of cases with running workflows, close with an outcome, validation and scope, idempotency, and a close of
 * 10,000 cases whose runner loses its lease in the middle (as when its replica dies) and is taken over: every case
 * closed exactly once.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BulkActionIT {

    private static final String OFFICE = "BK";
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-bulk-bk", OFFICE);
    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-bulk-bk", OFFICE);
    private static final String BULK = "/api/v1/bulk-actions";

    @Inject
    AgroalDataSource db;

    @Inject
    CaseWorkflow workflow;

    @BeforeEach
    void anOfficeOfItsOwn() {
        if (given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/offices/" + OFFICE).statusCode() == 404) {
            given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                    .body(Map.of("code", OFFICE, "name", "Bulk test office", "hostCountry", "GTM",
                            "timeZone", "America/Guatemala", "openedOn", "2023-06-12"))
                    .post("/api/v1/admin/offices").then().statusCode(201);
        }
    }

    /** Cases of the office written straight to the table (a caseload, not a journey), in the given status. */
    private List<UUID> cases(int n, String status) {
        List<UUID> ids = new ArrayList<>();
        String prefix = UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement("""
                insert into smo.case_file (id, case_number, office, status, applicant_given_name, applicant_family_name,
                    applicant_date_of_birth, applicant_nationality, applicant_arrival_date, consent_processing, consent_partner_sharing,
                    consent_recorded_at, registered_by, created_at, updated_at)
                values (?, ?, 'BK', ?, 'Bulk', 'Applicant', date '1990-01-01', 'VEN', date '2023-01-10', true, true, now(),
                    'fixture', now(), now())""")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                st.setObject(1, id);
                st.setString(2, "BK-" + prefix + "-" + i);
                st.setString(3, status);
                st.addBatch();
                ids.add(id);
                if (i % 1000 == 999) {
                    st.executeBatch();
                }
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Cases with a running workflow: the rules serve no one at BK, so each waits in review-ineligible. */
    private List<String> casesWithWorkflows(int n) {
        List<String> ids = new ArrayList<>();
        for (UUID id : cases(n, "REGISTERED")) {
            QuarkusTransaction.requiringNew().run(() -> workflow.start(id, OFFICE));
            ids.add(id.toString());
        }
        return ids;
    }

    private static ValidatableResponse request(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(BULK).then();
    }

    private static JsonPath run(Map<String, ?> body) {
        String location = request(SUPERVISOR, body).statusCode(202).header("Location", containsString(BULK + "/"))
                .extract().header("Location");
        return Workflow.awaitBulkAction(SUPERVISOR, location);
    }

    @Test
    void held_cases_cannot_be_worked_until_resumed_and_a_close_ends_them_with_its_outcome() {
        List<String> ids = casesWithWorkflows(3);
        for (String id : ids) {
            Workflow.read(CASEWORKER, id).body("status", equalTo("INELIGIBLE"))
                    .body("currentActivities", equalTo(List.of("review-ineligible")));
        }
        Map<String, Object> hold = Map.of("action", "HOLD", "office", OFFICE, "reason", "Programme review of BK",
                "filter", Map.of("statuses", List.of("INELIGIBLE")));
        String task = Workflow.taskOf(CASEWORKER, ids.get(0), "review-ineligible");
        Workflow.claim(CASEWORKER, task);

        JsonPath preview = request(SUPERVISOR, with(hold, "dryRun", true)).statusCode(200).extract().jsonPath();
        assertThat(request(SUPERVISOR, with(with(hold, "dryRun", true), "filter", Map.of("activity", "review-ineligible")))
                .statusCode(200).extract().jsonPath().getLong("matches")).isEqualTo(preview.getLong("matches"));
        assertThat(request(SUPERVISOR, with(with(hold, "dryRun", true), "filter", Map.of("activity", "schedule-interview")))
                .statusCode(200).extract().jsonPath().getLong("matches")).isZero();
        assertThat(request(SUPERVISOR, with(with(hold, "dryRun", true), "filter", Map.of("inactiveSince", "2020-01-01")))
                .statusCode(200).extract().jsonPath().getLong("matches")).as("all were changed today").isZero();
        assertThat(preview.getLong("matches")).isGreaterThanOrEqualTo(3);
        assertThat(preview.getLong("byStatus.INELIGIBLE")).isEqualTo(preview.getLong("matches"));
        assertThat(Rows.count(db, "select count(*) from smo.bulk_action where office = 'BK' and action = 'HOLD'"))
                .as("a dry run changes nothing").isZero();

        JsonPath held = run(hold);
        assertThat(held.getInt("done")).isEqualTo(held.getInt("matched")).isGreaterThanOrEqualTo(3);
        assertThat(held.getInt("failed")).isZero();
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("on hold"));
        Workflow.read(CASEWORKER, ids.get(0)).body("hold.reason", equalTo("Programme review of BK"))
                .body("status", equalTo("INELIGIBLE"));
        assertThat(run(hold).getInt("matched")).as("held cases are not held twice").isZero();

        JsonPath resumed = run(Map.of("action", "RESUME", "office", OFFICE, "reason", "Review done"));
        assertThat(resumed.getInt("done")).isEqualTo(held.getInt("done"));
        Workflow.read(CASEWORKER, ids.get(0)).body("hold", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(204);
        Workflow.read(CASEWORKER, ids.get(0)).body("status", equalTo("CLOSED_INELIGIBLE"));

        JsonPath closed = run(Map.of("action", "CLOSE", "office", OFFICE, "outcome", "PROGRAMME_SUSPENDED",
                "reason", "Applications stopped", "filter", Map.of("statuses", List.of("INELIGIBLE"))));
        assertThat(closed.getInt("done")).isGreaterThanOrEqualTo(2);
        for (String id : ids.subList(1, 3)) {
            Workflow.read(CASEWORKER, id).body("status", equalTo("CLOSED_BY_PROGRAMME"))
                    .body("closingOutcome", equalTo("PROGRAMME_SUSPENDED"))
                    .body("closingNote", equalTo("Applications stopped"))
                    .body("currentActivities", equalTo(List.of()));
            given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/history").then()
                    .body("items.findAll { it.source == 'workflow' && it.event == 'completed' }.activity",
                            org.hamcrest.Matchers.hasItem("case-closed-by-programme"))
                    .body("items.findAll { it.source == 'audit' }.event",
                            org.hamcrest.Matchers.hasItems("case.held", "case.resumed", "case.closed-by-programme"));
        }
        assertThat(Rows.text(db, "select actor from smo.audit_event where case_id = ? and action = 'case.closed-by-programme'",
                UUID.fromString(ids.get(1)))).as("in the name of who decided").isEqualTo("sup-bulk-bk");
    }

    @Test
    void bad_requests_are_refused_and_offices_are_kept_apart() {
        Map<String, Object> close = Map.of("action", "CLOSE", "office", OFFICE, "outcome", "OFFICE_CLOSED", "reason", "x",
                "dryRun", true);
        request(SUPERVISOR, without(close, "reason")).statusCode(400).body("errors[0].field", equalTo("reason"));
        request(SUPERVISOR, without(with(close, "dryRun", false), "outcome")).statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        request(SUPERVISOR, Map.of("action", "HOLD", "office", OFFICE, "outcome", "OFFICE_CLOSED", "reason", "x"))
                .statusCode(400).body("errors[0].field", equalTo("outcome"));
        request(SUPERVISOR, with(close, "filter", Map.of("statuses", List.of("WITHDRAWN")))).statusCode(400)
                .body("errors[0].field", equalTo("filter.statuses"));
        request(SUPERVISOR, with(close, "action", "EXPLODE")).statusCode(400);
        request(SUPERVISOR, with(close, "filter", Map.of("pathway", "MARS"))).statusCode(400);
        request(SUPERVISOR, with(close, "filter", Map.of("activity", "DROP TABLE"))).statusCode(400)
                .body("errors[0].field", equalTo("filter.activity"));
        request(CASEWORKER, close).statusCode(403);
        request(TokenFixture.supervisor("GT"), close).statusCode(403);

        String location = request(SUPERVISOR, Map.of("action", "RESUME", "office", OFFICE, "reason", "nothing held"))
                .statusCode(202).extract().header("Location");
        given().auth().oauth2(TokenFixture.supervisor("GT")).get(location).then().statusCode(404);
        given().auth().oauth2(TokenFixture.admin()).get(location).then().statusCode(200);
        given().auth().oauth2(SUPERVISOR).get(BULK + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(SUPERVISOR).queryParam("size", 100).get(BULK).then().statusCode(200)
                .body("items.office", org.hamcrest.Matchers.everyItem(equalTo(OFFICE)));
        Workflow.awaitBulkAction(SUPERVISOR, location);
        given().auth().oauth2(SUPERVISOR).post(location + "/cancel").then().statusCode(409);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_names_the_same_action() {
        cases(5, "ELIGIBLE");
        Map<String, Object> hold = Map.of("action", "HOLD", "office", OFFICE, "reason", "Idempotent hold",
                "filter", Map.of("statuses", List.of("ELIGIBLE")));
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(hold).post(BULK).then().statusCode(202).extract().header("Location");
        String again = given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(hold).post(BULK).then().statusCode(202).extract().header("Location");
        assertThat(again).isEqualTo(first);
        given().auth().oauth2(SUPERVISOR).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(with(hold, "reason", "another")).post(BULK).then().statusCode(422);
        Workflow.awaitBulkAction(SUPERVISOR, first);
        run(Map.of("action", "RESUME", "office", OFFICE, "reason", "undo"));
    }

    @Test
    void ten_thousand_cases_are_closed_once_each_though_the_runner_is_taken_over_in_the_middle() {
        List<UUID> ids = cases(10_000, "INTERVIEW_SCHEDULED");
        String location = request(SUPERVISOR, Map.of("action", "CLOSE", "office", OFFICE, "outcome", "PROGRAMME_SUSPENDED",
                "reason", "Programme suspended", "filter", Map.of("statuses", List.of("INTERVIEW_SCHEDULED"))))
                .statusCode(202).body("matched", equalTo(10_000)).extract().header("Location");
        UUID action = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(SUPERVISOR).get(location).then().extract().<Integer>path("done") >= 1_000);
        // the replica "dies": its lease passes to one that is gone, as after a crash; the runner must stop, and take
        // the action over once that lease expires
        Rows.count(db, """
                with taken as (update smo.bulk_action set lease_owner = 'crashed-replica', lease_until = now() + interval '3 seconds'
                               where id = ? returning 1) select count(*) from taken""", action);
        long doneAtCrash = given().auth().oauth2(SUPERVISOR).get(location).then().extract().<Integer>path("done");
        assertThat(doneAtCrash).isLessThan(10_000);

        JsonPath finished = Workflow.awaitBulkAction(SUPERVISOR, location, Duration.ofMinutes(5));
        assertThat(finished.getInt("done")).isEqualTo(10_000);
        assertThat(finished.getInt("skipped") + finished.getInt("failed")).isZero();
        assertThat(ids).hasSize(10_000);
        assertThat(Rows.count(db, "select count(*) from smo.case_file where office = 'BK' and status = 'CLOSED_BY_PROGRAMME' "
                + "and closing_outcome = 'PROGRAMME_SUSPENDED' and closing_note = 'Programme suspended'")).isEqualTo(10_000);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where action = 'case.closed-by-programme' "
                + "and details ->> 'bulkActionId' = ?", action.toString())).as("one audit entry per case").isEqualTo(10_000);
        assertThat(Rows.count(db, "select count(distinct case_id) from smo.audit_event where action = 'case.closed-by-programme' "
                + "and details ->> 'bulkActionId' = ?", action.toString())).isEqualTo(10_000);
    }

    private static Map<String, Object> with(Map<String, ?> body, String field, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, ?> body, String field) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(body);
        copy.remove(field);
        return copy;
    }
}
