package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Corrections of what registration recorded: audited with old and new values; a corrected eligibility input decides
 * eligibility again and moves the case both ways (to review-ineligible, back to screening, out of a closed refusal);
 * a correction the case cannot follow, or that makes the applicant a minor, changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseCorrectionIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-correct-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-correct-gt", "GT");

    private static String etag(String id) {
        return Workflow.read(CASEWORKER, id).extract().header("ETag");
    }

    private static ValidatableResponse correct(String id, Map<String, ?> applicant, String reason) {
        return given().auth().oauth2(CASEWORKER).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(reason == null ? Map.of("applicant", applicant) : Map.of("applicant", applicant, "reason", reason))
                .post("/api/v1/cases/" + id + "/corrections").then();
    }

    @Test
    void a_corrected_nationality_flips_eligibility_both_ways_and_the_case_follows() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("ELIGIBLE"));
        String nationality = Workflow.read(CASEWORKER, id).extract().path("applicant.nationality");

        correct(id, Map.of("nationality", "VEN"), "Passport shows Venezuelan nationality; typed wrongly at intake")
                .statusCode(200).header("ETag", org.hamcrest.Matchers.notNullValue())
                .body("status", equalTo("INELIGIBLE"))
                .body("currentActivities", equalTo(List.of("review-ineligible")))
                .body("applicant.nationality", equalTo("VEN"))
                .body("eligibility.eligible", equalTo(false))
                .body("eligibility.inputs.nationality", equalTo("VEN"));

        correct(id, Map.of("nationality", nationality), "Checked again with the consulate: the first entry was right")
                .statusCode(200)
                .body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("schedule-interview")))
                .body("eligibility.eligible", equalTo(true));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());

        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.source == 'audit' }.event",
                        hasItems("case.corrected", "eligibility.redecided"))
                .body("items.findAll { it.source == 'workflow' && it.event == 'cancelled' }.activity",
                        hasItems("schedule-interview", "review-ineligible"));
        given().auth().oauth2(TokenFixture.supervisor("GT")).get("/api/v1/tasks?caseId=" + id + "&assignee=any").then()
                .body("items.activity", not(hasItem("review-ineligible")));
    }

    @Test
    void a_closed_refusal_found_eligible_after_a_correction_goes_on_to_screening() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.nationality", "VEN"));
        Workflow.work(CASEWORKER, id, "review-ineligible", Map.of("decision", "CONFIRM"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("CLOSED_INELIGIBLE"));

        correct(id, Map.of("nationality", "HND"), "Honduran identity card seen at the second visit").statusCode(200)
                .body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("schedule-interview")))
                .body("closingNote", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void names_and_documents_are_corrected_and_found_under_the_new_name() {
        String family = "Corrigan Qwxzv";
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.familyName", "Corigan Qwxzv"));
        correct(id, Map.of("familyName", family, "documentNumber", "P7654321", "documentType", "PASSPORT"),
                "Spelling checked against the passport").statusCode(200)
                .body("status", equalTo("ELIGIBLE"))
                .body("applicant.familyName", equalTo(family))
                .body("applicant.documentNumber", equalTo("P7654321"));
        given().auth().oauth2(CASEWORKER).queryParam("q", "P7654321").get("/api/v1/cases").then()
                .body("items[0].familyName", equalTo(family));
    }

    @Test
    void a_correction_that_cannot_stand_changes_nothing() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        correct(id, Map.of("dateOfBirth", "2015-01-01"), "x").statusCode(400)
                .body("errors[0].field", equalTo("applicant.dateOfBirth")).body("errors[0].message", containsString("18"));
        correct(id, Map.of("nationality", "VEN"), null).statusCode(400).body("errors[0].field", equalTo("reason"));
        correct(id, Map.of(), "nothing").statusCode(400).body("errors[0].field", equalTo("applicant"));
        correct(id, Map.of("nationality", "XYZ"), "x").statusCode(400).body("errors[0].field", equalTo("applicant.nationality"));
        correct(id, Map.of("sex", "MALE"), "x").statusCode(400);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("applicant", Map.of("nationality", "VEN"), "reason", "x"))
                .post("/api/v1/cases/" + id + "/corrections").then().statusCode(428);
        given().auth().oauth2(CASEWORKER).header("If-Match", "\"999\"").contentType(ContentType.JSON)
                .body(Map.of("applicant", Map.of("nationality", "VEN"), "reason", "x"))
                .post("/api/v1/cases/" + id + "/corrections").then().statusCode(412);
        given().auth().oauth2(TokenFixture.caseworker("CR")).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body(Map.of("applicant", Map.of("nationality", "VEN"), "reason", "x"))
                .post("/api/v1/cases/" + id + "/corrections").then().statusCode(404);

        String referred = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.refer(CASEWORKER, SUPERVISOR, referred, Forms.interview(false), "CANADA");
        correct(referred, Map.of("nationality", "VEN", "givenName", "Renamed"), "x").statusCode(409)
                .contentType("application/problem+json");
        Workflow.read(CASEWORKER, referred).body("status", equalTo("REFERRED"))
                .body("applicant.nationality", not(equalTo("VEN"))).body("applicant.givenName", not(equalTo("Renamed")));
    }
}
