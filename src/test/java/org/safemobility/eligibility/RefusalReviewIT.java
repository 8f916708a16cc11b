package org.safemobility.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** A refused case through the API: the caseworker confirms, or asks to override and a supervisor decides. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RefusalReviewIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-review-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-review-gt", "GT");
    private static final String OTHER_SUPERVISOR = TokenFixture.supervisorNamed("sup-review-gt-2", "GT");
    private static final String JUSTIFICATION = "Mexican national recognised as a refugee in Guatemala; UNHCR asked for an exception.";

    @Inject
    DataSource db;

    private String caseId;

    @BeforeEach
    void registerARefusedCase() {
        caseId = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").notServed());
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("INELIGIBLE"))
                .body("currentActivities", contains("review-ineligible"))
                .body("eligibility.ruleId", equalTo("GT/nationality-not-served"));
    }

    @Test
    void a_confirmed_refusal_closes_the_case_and_keeps_the_reason() {
        Workflow.work(CASEWORKER, caseId, "review-ineligible", Map.of("decision", "CONFIRM", "note", "explained to the applicant"));
        Workflow.read(CASEWORKER, caseId)
                .body("status", equalTo("CLOSED_INELIGIBLE"))
                .body("currentActivities", empty())
                .body("eligibility.reason", containsString("does not serve nationals of MEX"))
                .body("closingNote", equalTo("explained to the applicant"));
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action in "
                + "('eligibility.refusal-confirmed', 'task.claimed', 'task.completed')", UUID.fromString(caseId))).isEqualTo(3);
    }

    @Test
    void an_approved_override_sends_the_case_to_screening() {
        Workflow.work(CASEWORKER, caseId, "review-ineligible",
                Map.of("decision", "OVERRIDE", "justification", JUSTIFICATION, "pathways", List.of("CANADA", "SPAIN")));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("OVERRIDE_REQUESTED"))
                .body("currentActivities", contains("approve-override"))
                .body("eligibility.override.justification", equalTo(JUSTIFICATION))
                .body("eligibility.override.pathways", equalTo(List.of("CANADA", "SPAIN")));

        assertThat(Workflow.taskOf(CASEWORKER, caseId, "approve-override"))
                .as("approvals are for the office's supervisors only").isNull();

        Workflow.work(SUPERVISOR, caseId, "approve-override", Map.of("decision", "APPROVE"));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", contains("schedule-interview"))
                .body("eligibility.eligible", equalTo(false))
                .body("eligibility.override.decision", equalTo("APPROVED"))
                .body("eligibility.override.decidedBy", equalTo("sup-review-gt"));
    }

    @Test
    void a_rejected_override_closes_the_case_with_the_supervisors_reason() {
        Workflow.work(CASEWORKER, caseId, "review-ineligible", Map.of("decision", "OVERRIDE", "justification", JUSTIFICATION));
        Workflow.work(SUPERVISOR, caseId, "approve-override", Map.of("decision", "REJECT", "reason", "no protection need shown"));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("CLOSED_INELIGIBLE"))
                .body("currentActivities", empty())
                .body("closingNote", equalTo("no protection need shown"))
                .body("eligibility.override.decision", equalTo("REJECTED"));
    }

    @Test
    void the_supervisor_who_asked_for_an_override_cannot_approve_it() {
        Workflow.work(SUPERVISOR, caseId, "review-ineligible", Map.of("decision", "OVERRIDE", "justification", JUSTIFICATION));
        String approval = Workflow.taskOf(SUPERVISOR, caseId, "approve-override");
        Workflow.claim(SUPERVISOR, approval);
        given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/v1/tasks/" + approval + "/complete")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:four-eyes")).body("detail", containsString("another supervisor"));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("OVERRIDE_REQUESTED"));

        given().auth().oauth2(SUPERVISOR).post("/api/v1/tasks/" + approval + "/unclaim").then().statusCode(200);
        Workflow.work(OTHER_SUPERVISOR, caseId, "approve-override", Map.of("decision", "APPROVE"));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("ELIGIBLE"));
    }

    @ParameterizedTest(name = "justification \"{0}\"")
    @ValueSource(strings = {"", "because"})
    void an_override_needs_a_written_justification(String justification) {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        Workflow.claim(CASEWORKER, task);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("decision", "OVERRIDE", "justification", justification))
                .post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(400).body("errors.field", hasItem("justification"));
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("INELIGIBLE"))
                .body("currentActivities", contains("review-ineligible"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"decision\": \"MAYBE\"}", "{\"decision\": \"CONFIRM\", \"colour\": \"red\"}",
            "{\"decision\": \"OVERRIDE\", \"justification\": \"" + JUSTIFICATION + "\", \"pathways\": [\"MARS\"]}"})
    void an_invalid_form_is_a_bad_request_naming_the_field(String form) {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        Workflow.claim(CASEWORKER, task);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(form)
                .post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", notNullValue());
        Workflow.read(CASEWORKER, caseId).body("status", equalTo("INELIGIBLE"));
    }

    @Test
    void completing_a_task_one_has_not_claimed_is_a_conflict() {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(409).body("detail", containsString("claim"));
    }

    @Test
    void a_task_held_by_someone_else_cannot_be_claimed_and_names_the_holder() {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        Workflow.claim(CASEWORKER, task);
        given().auth().oauth2(SUPERVISOR).post("/api/v1/tasks/" + task + "/claim")
                .then().statusCode(409).body("detail", containsString("cw-review-gt"));
        given().auth().oauth2(SUPERVISOR).post("/api/v1/tasks/" + task + "/unclaim").then().statusCode(409);
    }

    @Test
    void another_offices_task_is_not_found() {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        given().auth().oauth2(TokenFixture.caseworker("CR")).get("/api/v1/tasks/" + task).then().statusCode(404);
        given().auth().oauth2(TokenFixture.caseworker("CR")).post("/api/v1/tasks/" + task + "/claim").then().statusCode(404);
    }

    @Test
    void a_completed_task_is_gone() {
        String task = Workflow.taskOf(CASEWORKER, caseId, "review-ineligible");
        Workflow.work(CASEWORKER, caseId, "review-ineligible", Map.of("decision", "CONFIRM"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("decision", "CONFIRM"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(404);
    }

    @Test
    void the_inbox_lists_the_offices_tasks_with_case_numbers() {
        given().auth().oauth2(CASEWORKER).queryParam("caseId", caseId).get("/api/v1/tasks").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].activity", equalTo("review-ineligible"))
                .body("items[0].caseId", equalTo(caseId))
                .body("items[0].office", equalTo("GT"))
                .body("items[0].caseNumber", notNullValue());
        given().auth().oauth2(TokenFixture.caseworker("EC")).queryParam("caseId", caseId).get("/api/v1/tasks")
                .then().statusCode(200).body("total", equalTo(0));
    }
}
