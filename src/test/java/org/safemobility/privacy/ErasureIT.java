package org.safemobility.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * A case's personal data goes when it should: on request (never from under an open referral or a legal hold), when
 * consent to processing is withdrawn, and when its retention after closure has passed; what statistics need stays.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ErasureIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-erasure-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-erasure-gt", "GT");
    private static final String ADMIN = TokenFixture.admin();

    @Inject
    AgroalDataSource db;

    @Inject
    HistoryService history;

    /** A case with everything personal a case can hold: household, note, interview, closed by withdrawal. */
    private String closedCase() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", "Called the applicant at home"))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(true));
        withdraw(id);
        return id;
    }

    private static void withdraw(String id) {
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Travels with relatives"))
                .post("/api/v1/cases/" + id + "/withdraw").then().statusCode(200);
    }

    private static ValidatableResponse erase(String token, String id, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post("/api/v1/admin/cases/" + id + "/erasure").then();
    }

    private void backdateClosure(String id, String interval) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "update smo.case_file set closed_at = now() - ?::interval where id = ?")) {
            st.setString(1, interval);
            st.setObject(2, UUID.fromString(id));
            assertThat(st.executeUpdate()).isEqualTo(1);
        }
    }

    /** Nothing personal is left of the case anywhere the service keeps it, the engine included. */
    private void assertErased(String id) {
        assertThat(Rows.count(db, "select count(*) from smo.case_file where id = ?::uuid and applicant_given_name is null "
                + "and applicant_family_name is null and applicant_date_of_birth is null and applicant_document_number is null "
                + "and applicant_phone is null and applicant_email is null and erased_at is not null", id)).isEqualTo(1);
        for (String table : new String[] {"household_member", "case_note", "person_search", "case_search"}) {
            assertThat(Rows.count(db, "select count(*) from smo." + table + " where case_id = ?::uuid", id))
                    .as(table).isZero();
        }
        assertThat(Rows.count(db, "select count(*) from smo.interview where case_id = ?::uuid and (summary is not null "
                + "or vulnerabilities is not null or family_ties is not null or protection_needs is not null)", id)).isZero();
        assertThat(Rows.count(db, "select count(*) from smo.referral where case_id = ?::uuid and package is not null", id)).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().variableValueEquals("caseId", id).count()).isZero();
    }

    @Test
    void retention_erases_what_closed_past_its_period_and_the_statistics_do_not_change() throws Exception {
        String old = closedCase();
        String held = closedCase();
        String recent = closedCase();
        backdateClosure(old, "6 years");
        backdateClosure(held, "6 years");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Court order 2026/114"))
                .put("/api/v1/admin/cases/" + held + "/legal-hold").then().statusCode(200)
                .body("reason", equalTo("Court order 2026/114"));
        String before = given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?office=GT").then().statusCode(200)
                .extract().jsonPath().prettify();

        given().auth().oauth2(ADMIN).post("/api/v1/admin/retention/runs").then().statusCode(200)
                .body("erased", greaterThanOrEqualTo(1)).body("busy", equalTo(false));

        assertErased(old);
        Workflow.read(CASEWORKER, old).body("erasedAt", notNullValue()).body("applicant.givenName", nullValue())
                .body("applicant.nationality", notNullValue()).body("status", equalTo("WITHDRAWN"));
        Workflow.read(CASEWORKER, held).body("erasedAt", nullValue()).body("applicant.givenName", notNullValue())
                .body("legalHold.reason", equalTo("Court order 2026/114"));
        Workflow.read(CASEWORKER, recent).body("erasedAt", nullValue());
        String after = given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?office=GT").then().statusCode(200)
                .extract().jsonPath().prettify();
        assertThat(after).isEqualTo(before);
        assertThat(Rows.text(db, "select actor from smo.audit_event where case_id = ?::uuid and action = 'case.erased'", old))
                .isEqualTo("admin-1");
    }

    @Test
    void one_replica_at_a_time_runs_the_retention_job() throws Exception {
        String old = closedCase();
        backdateClosure(old, "6 years");
        try (Connection other = db.getConnection(); java.sql.Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + Retention.LOCK + ")"); // another replica at work
            given().auth().oauth2(ADMIN).post("/api/v1/admin/retention/runs").then().statusCode(200)
                    .body("busy", equalTo(true)).body("erased", equalTo(0));
            Workflow.read(CASEWORKER, old).body("erasedAt", nullValue());
            st.execute("select pg_advisory_unlock(" + Retention.LOCK + ")");
        }
        given().auth().oauth2(ADMIN).post("/api/v1/admin/retention/runs").then().statusCode(200)
                .body("busy", equalTo(false)).body("erased", greaterThanOrEqualTo(1));
        assertErased(old);
    }

    @Test
    void an_admin_erases_on_request_but_never_from_under_an_open_referral_or_a_legal_hold() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String referral = Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(true), "SPAIN");
        erase(ADMIN, id, "Applicant's request at the office, form 118").statusCode(409)
                .contentType("application/problem+json");
        erase(CASEWORKER, id, "x").statusCode(403);

        withdraw(id);
        erase(ADMIN, id, "Applicant's request at the office, form 118").statusCode(200)
                .body("trigger", equalTo("REQUEST")).body("engineInstancesRemoved", greaterThanOrEqualTo(1));
        assertErased(id);
        given().auth().oauth2(TokenFixture.partner("ES")).get("/api/v1/partner/referrals/" + referral).then()
                .statusCode(200).body("status", equalTo("WITHDRAWN")).body("package", nullValue());
        assertThat(Rows.text(db, "select details->>'reason' from smo.audit_event where case_id = ?::uuid and action = 'case.erased'",
                id)).isEqualTo("Applicant's request at the office, form 118");
        erase(ADMIN, id, "again").statusCode(409);
        erase(ADMIN, UUID.randomUUID().toString(), "x").statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/admin/cases/" + id + "/erasure")
                .then().statusCode(400);

        String key = UUID.randomUUID().toString();
        String open = given().auth().oauth2(CASEWORKER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        assertThat(Rows.count(db, "select count(*) from smo.idempotency_record where resource_id = ?", open)).isEqualTo(1);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Fraud review 7"))
                .put("/api/v1/admin/cases/" + open + "/legal-hold").then().statusCode(200);
        erase(ADMIN, open, "Applicant's request").statusCode(409);
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/cases/" + open + "/legal-hold").then().statusCode(204);
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/cases/" + open + "/legal-hold").then().statusCode(404);
        erase(ADMIN, open, "Applicant's request").statusCode(200); // an open case ends as withdrawn first
        Workflow.read(CASEWORKER, open).body("status", equalTo("WITHDRAWN")).body("consent.processing", equalTo(false));
        assertErased(open);
        assertThat(Rows.count(db, "select count(*) from smo.idempotency_record where resource_id = ?", open)).isZero();
    }

    @Test
    void withdrawing_consent_to_processing_erases_the_case_or_under_a_legal_hold_once_it_is_lifted() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("purpose", "PROCESSING", "given", false))
                .post("/api/v1/cases/" + id + "/consent").then().statusCode(200);
        assertErased(id);
        assertThat(Rows.count(db, "select count(*) from smo.consent_record where case_id = ?::uuid and purpose = 'PROCESSING' "
                + "and not given", id)).isEqualTo(1); // the proof of what was consented to stays

        String held = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Court order 2026/115"))
                .put("/api/v1/admin/cases/" + held + "/legal-hold").then().statusCode(200);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("purpose", "PROCESSING", "given", false))
                .post("/api/v1/cases/" + held + "/consent").then().statusCode(200);
        Workflow.read(CASEWORKER, held).body("status", equalTo("WITHDRAWN")).body("erasedAt", nullValue());
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/cases/" + held + "/legal-hold").then().statusCode(204);
        assertErased(held);
    }
}
