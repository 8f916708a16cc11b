package org.safemobility.screening;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** From registration to an approved pathway, through the HTTP API only, as a caseworker and a supervisor. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ScreeningJourneyIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-journey-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-journey-gt", "GT");

    @Test
    void an_eligible_applicant_is_interviewed_and_a_supervisor_approves_a_pathway() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", contains("schedule-interview"))
                .body("allowedPathways", equalTo(List.of("US_REFUGEE", "US_OTHER", "CANADA", "SPAIN")));

        Map<String, Object> appointment = Forms.schedule();
        Workflow.work(CASEWORKER, id, "schedule-interview", appointment);
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEW_SCHEDULED"))
                .body("currentActivities", contains("conduct-interview"))
                .body("interview.location", equalTo("SMO Guatemala City, room 2"))
                .body("interview.language", equalTo("es"))
                .body("interview.scheduledBy", equalTo("cw-journey-gt"));

        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(true));
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEWED"))
                .body("currentActivities", contains("supervisor-review"))
                .body("interview.vulnerabilities", equalTo(List.of("MEDICAL_NEED", "SURVIVOR_OF_VIOLENCE")))
                .body("interview.familyTies[0].city", equalTo("Houston"))
                .body("interview.pathwayPreference", equalTo("US_REFUGEE"));

        assertThat(Workflow.taskOf(CASEWORKER, id, "supervisor-review")).as("reviews are for supervisors").isNull();
        given().auth().oauth2(SUPERVISOR).queryParam("caseId", id).get("/api/v1/tasks").then().statusCode(200)
                .body("items[0].activity", equalTo("supervisor-review"))
                .body("items[0].priority", equalTo(80))
                .body("items[0].due", notNullValue());

        Workflow.work(SUPERVISOR, id, "supervisor-review", Forms.approve("US_OTHER"));
        // the approval commits; the referral to the partner follows asynchronously (send-referral)
        Workflow.awaitReferral(CASEWORKER, id, "US_OTHER", 1);
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED"))
                .body("currentActivities", contains("await-partner-decision"))
                .body("review.decision", equalTo("APPROVED"))
                .body("review.pathway", equalTo("US_OTHER"))
                .body("review.decidedBy", equalTo("sup-journey-gt"));

        given().auth().oauth2(SUPERVISOR).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("caseNumber", notNullValue())
                .body("items.findAll { it.source == 'workflow' && it.event == 'completed' }.activity",
                        hasItems("eligibility", "schedule-interview", "conduct-interview", "supervisor-review", "send-referral"))
                .body("items.find { it.activity == 'supervisor-review' && it.event == 'completed' }.actor", equalTo("sup-journey-gt"))
                .body("items.find { it.activity == 'schedule-interview' && it.event == 'completed' }.actor", equalTo("cw-journey-gt"))
                .body("items.findAll { it.source == 'audit' }.event",
                        hasItems("case.registered", "eligibility.decided", "screening.interview-scheduled",
                                "screening.interview-recorded", "screening.pathway-approved", "task.completed",
                                "referral.sent"));
    }

    @Test
    void the_supervisor_who_conducted_the_interview_cannot_review_the_case() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(SUPERVISOR, id, "conduct-interview", Forms.interview(false));

        String review = Workflow.taskOf(SUPERVISOR, id, "supervisor-review");
        Workflow.claim(SUPERVISOR, review);
        for (Map<String, Object> form : List.of(Forms.approve("US_OTHER"), Forms.sendBack("Ask again"))) {
            given().auth().oauth2(SUPERVISOR).contentType(ContentType.JSON).body(form)
                    .post("/api/v1/tasks/" + review + "/complete")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo("urn:smo:problem:four-eyes"))
                    .body("detail", org.hamcrest.Matchers.containsString("four-eyes rule: you conducted this case's interview"));
        }
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEWED")).body("currentActivities", contains("supervisor-review"));

        given().auth().oauth2(SUPERVISOR).post("/api/v1/tasks/" + review + "/unclaim").then().statusCode(200);
        Workflow.work(TokenFixture.supervisorNamed("sup-journey-gt-2", "GT"), id, "supervisor-review", Forms.approve("US_OTHER"));
        Workflow.awaitReferral(CASEWORKER, id, "US_OTHER", 1);
    }

    @Test
    void the_timeline_is_in_time_order() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        List<String> times = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/history")
                .then().statusCode(200).extract().path("items.at");
        assertThat(times).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
    }

    @Test
    void a_returned_review_goes_back_to_the_interview_with_the_reason() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(false));
        Workflow.work(SUPERVISOR, id, "supervisor-review", Forms.sendBack("Clarify the family ties in Houston"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEW_SCHEDULED"))
                .body("currentActivities", contains("conduct-interview"))
                .body("review.decision", equalTo("RETURNED"))
                .body("review.reason", equalTo("Clarify the family ties in Houston"));

        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.with(Forms.interview(false), "pathwayPreference", "CANADA"));
        Workflow.work(SUPERVISOR, id, "supervisor-review", Forms.approve("CANADA"));
        Workflow.awaitReferral(CASEWORKER, id, "CANADA", 1);
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED")).body("review.pathway", equalTo("CANADA"));
    }

    @Test
    void an_overridden_case_may_only_take_the_pathways_the_override_allowed() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").notServed());
        Workflow.work(CASEWORKER, id, "review-ineligible", Map.of("decision", "OVERRIDE", "pathways", List.of("CANADA"),
                "justification", "Recognised refugee in Guatemala; UNHCR asked for a Canadian referral."));
        Workflow.work(TokenFixture.supervisorNamed("sup-journey-gt-2", "GT"), id, "approve-override", Map.of("decision", "APPROVE"));
        Workflow.read(CASEWORKER, id).body("allowedPathways", equalTo(List.of("CANADA")));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());

        String task = Workflow.taskOf(CASEWORKER, id, "conduct-interview");
        Workflow.claim(CASEWORKER, task);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Forms.interview(false))
                .post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("pathwayPreference"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("CANADA"));
    }
}
