package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Transfers between offices: asked by the sending office, accepted or rejected by the receiving office's supervisors;
 * an accepted case takes the receiving office's number (the old one still finds it), its tasks at the sending office
 * end, its open referral is withdrawn, eligibility is decided with the receiving office's rules, and the sending office
 * keeps a read-only view of the transfer.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseTransferIT {

    private static final String GT = TokenFixture.caseworkerNamed("cw-transfer-gt", "GT");
    private static final String GT_SUPERVISOR = TokenFixture.supervisorNamed("sup-transfer-gt", "GT");
    private static final String CO = TokenFixture.caseworkerNamed("cw-transfer-co", "CO");
    private static final String CO_SUPERVISOR = TokenFixture.supervisorNamed("sup-transfer-co", "CO");
    private static final String EC_SUPERVISOR = TokenFixture.supervisorNamed("sup-transfer-ec", "EC");

    @Inject
    DataSource db;

    private static ValidatableResponse transfer(String token, String caseId, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + caseId + "/transfers").then();
    }

    private static JsonPath transfers(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/v1/cases/" + caseId + "/transfers").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void an_accepted_transfer_moves_the_case_and_the_sending_office_keeps_a_read_only_view() {
        String family = "Traslado " + UUID.randomUUID().toString().replaceAll("[^a-f]", ""); // a name only this case bears
        String id = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.familyName", family));
        String referral = Workflow.refer(GT, GT_SUPERVISOR, id, Forms.interview(false), "US_OTHER");
        String oldNumber = Workflow.read(GT, id).extract().path("caseNumber");

        transfer(GT, id, Map.of("toOffice", "CO", "reason", "The family moved to Bogotá")).statusCode(201)
                .body("status", equalTo("REQUESTED")).body("fromCaseNumber", equalTo(oldNumber))
                .body("toOffice", equalTo("CO"));
        Workflow.read(GT, id).body("currentActivities", equalTo(List.of("accept-transfer", "await-partner-decision")));
        transfer(GT, id, Map.of("toOffice", "EC", "reason", "Again")).statusCode(409);
        // only the receiving office's supervisors get the task
        assertThat(Workflow.taskOf(CO, id, "accept-transfer")).isNull();
        assertThat(Workflow.taskOf(GT_SUPERVISOR, id, "accept-transfer")).isNull();
        assertThat(Workflow.taskOf(EC_SUPERVISOR, id, "accept-transfer")).isNull();
        given().auth().oauth2(CO_SUPERVISOR).get("/api/v1/approvals").then().statusCode(200)
                .body("items.findAll { it.caseId == '" + id + "' }.activity", equalTo(List.of("accept-transfer")));
        assertThat(Rows.text(db, "select office from smo.open_task where case_id = ? and activity = 'accept-transfer'",
                UUID.fromString(id))).as("counted in the receiving office's queue").isEqualTo("CO");
        Workflow.work(CO_SUPERVISOR, id, "accept-transfer", Map.of("decision", "ACCEPT"));

        String newNumber = Workflow.read(CO_SUPERVISOR, id)
                .body("office", equalTo("CO"))
                // Colombia's rules do not serve Hondurans: its office reviews the refusal
                .body("status", equalTo("INELIGIBLE"))
                .body("currentActivities", equalTo(List.of("review-ineligible")))
                .body("eligibility.inputs.office", equalTo("CO"))
                .extract().path("caseNumber");
        assertThat(newNumber).startsWith("CO-").isNotEqualTo(oldNumber);
        given().auth().oauth2(GT).get("/api/v1/cases/" + id + "/referrals").then().statusCode(404);
        given().auth().oauth2(CO).get("/api/v1/cases/" + id + "/referrals").then().statusCode(200)
                .body("find { it.id == '" + referral + "' }.status", equalTo("WITHDRAWN"));

        // the sending office: no longer the case, but the transfer and its outcome
        given().auth().oauth2(GT).get("/api/v1/cases/" + id).then().statusCode(404);
        assertThat(Workflow.taskOf(GT, id, "schedule-interview")).isNull();
        JsonPath seen = transfers(GT, id);
        assertThat(seen.getString("items[0].status")).isEqualTo("ACCEPTED");
        assertThat(seen.getString("items[0].fromCaseNumber")).isEqualTo(oldNumber);
        assertThat(seen.getString("items[0].toCaseNumber")).isEqualTo(newNumber);
        assertThat(seen.getInt("items[0].withdrawnReferrals")).isEqualTo(1);
        assertThat(seen.getString("items[0].decidedBy")).isEqualTo("sup-transfer-co");
        given().auth().oauth2(GT).queryParam("office", "GT").queryParam("direction", "OUTGOING")
                .get("/api/v1/transfers").then().statusCode(200).body("items.caseId", hasItem(id));
        given().auth().oauth2(CO).queryParam("direction", "INCOMING").queryParam("status", "ACCEPTED")
                .get("/api/v1/transfers").then().statusCode(200).body("items.caseId", hasItem(id));
        given().auth().oauth2(CO).queryParam("direction", "INCOMING").queryParam("size", 1)
                .get("/api/v1/transfers").then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1))
                .body("size", equalTo(1)).body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        given().auth().oauth2(CO).queryParam("size", 0).get("/api/v1/transfers").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        given().auth().oauth2(CO).queryParam("status", "LOST").get("/api/v1/transfers").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.caseworker("EC")).get("/api/v1/cases/" + id + "/transfers").then().statusCode(404);

        // the old number still finds the case at its new office, and so does its name (searched by office and code)
        given().auth().oauth2(CO).queryParam("q", oldNumber).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        given().auth().oauth2(CO).queryParam("q", family).get("/api/v1/cases").then().statusCode(200)
                .body("items[0].id", equalTo(id));
        given().auth().oauth2(GT).queryParam("q", family).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        for (String office : List.of("GT", "CO")) {
            assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.transferred' and office = ?",
                    UUID.fromString(id), office)).isEqualTo(1);
        }
    }

    @Test
    void a_rejected_transfer_leaves_the_case_where_it_was_and_may_be_asked_again() {
        String id = Workflow.register(GT, RegistrationFixture.valid("GT"));
        transfer(GT, id, Map.of("toOffice", "CO", "reason", "The family may move to Colombia")).statusCode(201);
        String task = Workflow.taskOf(CO_SUPERVISOR, id, "accept-transfer");
        Workflow.claim(CO_SUPERVISOR, task);
        given().auth().oauth2(CO_SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        given().auth().oauth2(CO_SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "No address in Colombia yet"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(204);

        Workflow.read(GT, id).body("office", equalTo("GT")).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("schedule-interview")));
        JsonPath seen = transfers(GT, id);
        assertThat(seen.getString("items[0].status")).isEqualTo("REJECTED");
        assertThat(seen.getString("items[0].decisionReason")).isEqualTo("No address in Colombia yet");
        assertThat(seen.getString("items[0].toCaseNumber")).isNull();
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.transfer-rejected'",
                UUID.fromString(id))).isEqualTo(2);
        transfer(GT, id, Map.of("toOffice", "CO", "reason", "Moved now, with an address")).statusCode(201);
    }

    @Test
    void an_undecided_duplicate_review_moves_with_the_case() {
        String family = RegistrationFixture.nameWord() + " " + RegistrationFixture.nameWord();
        Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "Rosa")
                .with("applicant.familyName", family).with("applicant.dateOfBirth", "1979-05-09"));
        String id = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "Rosa")
                .with("applicant.familyName", family).with("applicant.dateOfBirth", "1979-05-09"));
        assertThat(Workflow.taskOf(GT, id, "review-possible-duplicate")).isNotNull();
        transfer(GT, id, Map.of("toOffice", "CO", "reason", "Moved to Cali")).statusCode(201);
        Workflow.work(CO_SUPERVISOR, id, "accept-transfer", Map.of("decision", "ACCEPT"));

        assertThat(Workflow.taskOf(GT, id, "review-possible-duplicate")).isNull();
        assertThat(Workflow.taskOf(CO, id, "review-possible-duplicate")).as("now the receiving office's to decide")
                .isNotNull();
        Workflow.read(CO, id).body("currentActivities", hasItem("review-possible-duplicate"));
    }

    @Test
    void bad_transfers_are_refused_with_what_is_wrong() {
        String id = Workflow.register(GT, RegistrationFixture.valid("GT"));
        transfer(GT, id, Map.of("toOffice", "GT", "reason", "x")).statusCode(400).body("errors.field", hasItem("toOffice"));
        transfer(GT, id, Map.of("toOffice", "ZZ", "reason", "x")).statusCode(400).body("errors.field", hasItem("toOffice"));
        transfer(GT, id, Map.of("toOffice", "CO")).statusCode(400).body("errors.field", hasItem("reason"));
        transfer(CO, id, Map.of("toOffice", "EC", "reason", "x")).statusCode(404);
        String withdrawn = Workflow.register(GT, RegistrationFixture.valid("GT"));
        given().auth().oauth2(GT).contentType(ContentType.JSON).body(Map.of("purpose", "PROCESSING", "given", false))
                .post("/api/v1/cases/" + withdrawn + "/consent").then().statusCode(200);
        transfer(GT, withdrawn, Map.of("toOffice", "CO", "reason", "Moved")).statusCode(409)
                .contentType("application/problem+json");
    }
}
