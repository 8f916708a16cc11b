package org.safemobility.screening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Each activity's form: an invalid field is a 400 naming it, and neither the case nor the workflow moves. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class FormValidationIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-forms-co", "CO");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-forms-co", "CO");

    static Stream<Arguments> badScheduleForms() {
        Map<String, Object> ok = Forms.schedule();
        return Stream.of(
                bad("appointmentAt", Forms.with(ok, "appointmentAt", null)),
                bad("appointmentAt", Forms.with(ok, "appointmentAt", OffsetDateTime.now().minusDays(1).toString())),
                bad("appointmentAt", Forms.with(ok, "appointmentAt", OffsetDateTime.now().plusYears(2).toString())),
                bad("appointmentAt", Forms.with(ok, "appointmentAt", "next Tuesday")),
                bad("remote", Forms.with(ok, "remote", null)),
                bad("remote", Forms.with(ok, "remote", "sometimes")),
                bad("location", Forms.with(ok, "location", null)),
                bad("location", Forms.with(ok, "location", "x".repeat(201))),
                bad("language", Forms.with(ok, "language", "spanish")),
                bad("language", Forms.with(ok, "language", null)),
                bad("interpreterNeeded", Forms.with(ok, "interpreterNeeded", null)),
                bad("room", Forms.with(ok, "room", "2")));
    }

    static Stream<Arguments> badInterviewForms() {
        Map<String, Object> ok = Forms.interview(false);
        return Stream.of(
                bad("protectionNeeds", Forms.with(ok, "protectionNeeds", List.of())),
                bad("protectionNeeds", Forms.with(ok, "protectionNeeds", null)),
                bad("protectionNeeds[0]", Forms.with(ok, "protectionNeeds", List.of("BOREDOM"))),
                bad("vulnerabilities", Forms.with(ok, "vulnerabilities", null)),
                bad("vulnerabilities[0]", Forms.with(ok, "vulnerabilities", List.of("LEFT_HANDED"))),
                bad("familyTies[0].country", Forms.with(ok, "familyTies", List.of(Map.of("country", "FR", "relationship", "SIBLING", "city", "Paris")))),
                bad("familyTies[0].city", Forms.with(ok, "familyTies", List.of(Map.of("country", "US", "relationship", "SIBLING", "city", "")))),
                bad("familyTies[0].relationship", Forms.with(ok, "familyTies", List.of(Map.of("country", "ES", "city", "Madrid")))),
                bad("pathwayPreference", Forms.with(ok, "pathwayPreference", null)),
                bad("pathwayPreference", Forms.with(ok, "pathwayPreference", "MARS")),
                bad("summary", Forms.with(ok, "summary", " ")),
                bad("summary", Forms.with(ok, "summary", "x".repeat(4001))));
    }

    static Stream<Arguments> badReviewForms() {
        return Stream.of(
                bad("decision", Map.of("pathway", "US_REFUGEE")),
                bad("decision", Map.of("decision", "MAYBE")),
                bad("pathway", Map.of("decision", "APPROVE")),
                bad("pathway", Map.of("decision", "APPROVE", "pathway", "MARS")),
                bad("reason", Map.of("decision", "RETURN")),
                bad("reason", Map.of("decision", "RETURN", "reason", "x".repeat(4001))));
    }

    private static Arguments bad(String field, Map<String, Object> form) {
        return Arguments.of(field, form);
    }

    private static void refuses(String token, String caseId, String activity, String field, Map<String, Object> form) {
        String task = Workflow.taskOf(token, caseId, activity);
        Workflow.claim(token, task);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(form).post("/api/v1/tasks/" + task + "/complete")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        Workflow.read(token, caseId).body("currentActivities", contains(activity));
    }

    @ParameterizedTest(name = "schedule-interview: {0}")
    @MethodSource("badScheduleForms")
    void schedule_interview_form(String field, Map<String, Object> form) {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        refuses(CASEWORKER, id, "schedule-interview", field, form);
        Workflow.read(CASEWORKER, id).body("status", equalTo("ELIGIBLE"));
    }

    @ParameterizedTest(name = "conduct-interview: {0}")
    @MethodSource("badInterviewForms")
    void conduct_interview_form(String field, Map<String, Object> form) {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        refuses(CASEWORKER, id, "conduct-interview", field, form);
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEW_SCHEDULED"));
    }

    @ParameterizedTest(name = "supervisor-review: {0}")
    @MethodSource("badReviewForms")
    void supervisor_review_form(String field, Map<String, Object> form) {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO"));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(false));
        refuses(SUPERVISOR, id, "supervisor-review", field, form);
        Workflow.read(CASEWORKER, id).body("status", equalTo("INTERVIEWED"));
    }
}
