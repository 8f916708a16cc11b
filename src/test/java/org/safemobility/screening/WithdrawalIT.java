package org.safemobility.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** The applicant may withdraw at any stage: the workflow ends there and the case is WITHDRAWN. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WithdrawalIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-withdraw-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-withdraw-gt", "GT");

    private static String caseAt(String stage) {
        boolean refused = stage.equals("review-ineligible") || stage.equals("approve-override");
        String id = Workflow.register(CASEWORKER, refused ? RegistrationFixture.valid("GT").notServed() : RegistrationFixture.valid("GT"));
        switch (stage) {
            case "conduct-interview" -> Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
            case "supervisor-review" -> {
                Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
                Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(false));
            }
            case "approve-override" -> Workflow.work(CASEWORKER, id, "review-ineligible", Map.of("decision", "OVERRIDE",
                    "justification", "UNHCR asked for an exception for this family."));
            case "await-partner-decision" -> Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(false), "CANADA");
            case "choose-next-pathway" -> {
                String referral = Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(false), "CANADA");
                given().auth().oauth2(TokenFixture.partner("CA")).contentType(ContentType.JSON)
                        .body(Map.of("decision", "DECLINED", "reason", "Quota reached"))
                        .post("/api/v1/partner/referrals/" + referral + "/decision").then().statusCode(200);
            }
            default -> { }
        }
        Workflow.read(SUPERVISOR, id).body("currentActivities[0]", equalTo(stage));
        return id;
    }

    private static io.restassured.response.ValidatableResponse withdraw(String token, String id, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + id + "/withdraw").then();
    }

    @ParameterizedTest(name = "withdrawn at {0}")
    @ValueSource(strings = {"schedule-interview", "conduct-interview", "supervisor-review", "review-ineligible",
            "approve-override", "await-partner-decision", "choose-next-pathway"})
    void the_applicant_withdraws_and_the_workflow_ends_where_it_stood(String stage) {
        String id = caseAt(stage);
        withdraw(CASEWORKER, id, Map.of("reason", "Found another way to travel safely")).statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("currentActivities", empty())
                .body("withdrawal.reason", equalTo("Found another way to travel safely"))
                .body("withdrawal.recordedBy", equalTo("cw-withdraw-gt"));
        given().auth().oauth2(SUPERVISOR).queryParam("caseId", id).get("/api/v1/tasks").then().body("total", equalTo(0));
        given().auth().oauth2(SUPERVISOR).get("/api/v1/cases/" + id + "/history").then()
                .body("items.find { it.activity == 'case-withdrawn' }.event", equalTo("started"))
                .body("items.find { it.activity == '" + stage + "' && it.event == 'cancelled' }", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void a_withdrawn_or_closed_case_cannot_be_withdrawn_again() {
        String id = caseAt("schedule-interview");
        withdraw(CASEWORKER, id, Map.of("reason", "moving on")).statusCode(200);
        withdraw(CASEWORKER, id, Map.of("reason", "again")).statusCode(409).body("detail", containsString("WITHDRAWN"));

        String closed = caseAt("review-ineligible");
        Workflow.work(CASEWORKER, closed, "review-ineligible", Map.of("decision", "CONFIRM"));
        withdraw(CASEWORKER, closed, Map.of("reason", "moving on")).statusCode(409);
    }

    @Test
    void a_withdrawal_needs_a_reason_and_a_case_of_ones_office() {
        String id = caseAt("schedule-interview");
        withdraw(CASEWORKER, id, Map.of()).statusCode(400).body("errors[0].field", equalTo("reason"));
        withdraw(CASEWORKER, id, Map.of("reason", " ")).statusCode(400);
        withdraw(TokenFixture.caseworker("CR"), id, Map.of("reason", "not mine")).statusCode(404);
        withdraw(TokenFixture.partner("US"), id, Map.of("reason", "not mine")).statusCode(403);
        Workflow.read(CASEWORKER, id).body("status", equalTo("ELIGIBLE"));
    }
}
