package org.safemobility.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.RulesFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * When the rules widen, closed cases that are now eligible get a review task, once per rules version; the
 * caseworker reopens them (they go on to screening with the new decision) or keeps them closed.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RescreeningIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-rescreen-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-rescreen-gt", "GT");

    private boolean changedRules;

    @AfterEach
    void restoreTheShippedRules() {
        if (changedRules) {
            RulesFixture.restoreShipped();
        }
    }

    /** A Venezuelan registered in Guatemala, refused and closed. */
    private String closedVenezuelanCase() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.nationality", "VEN"));
        Workflow.work(CASEWORKER, id, "review-ineligible", Map.of("decision", "CONFIRM"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("CLOSED_INELIGIBLE"));
        return id;
    }

    private static JsonPath rescreen(String token, String office) {
        var request = given().auth().oauth2(token);
        if (office != null) {
            request.queryParam("office", office);
        }
        String status = request.post("/api/v1/admin/eligibility-rules/rescreen").then().statusCode(202)
                .body("action", equalTo("RESCREEN")).extract().header("Location");
        return Workflow.awaitBulkAction(token, status);
    }

    @Test
    void widened_rules_open_one_review_per_closed_case_that_is_now_eligible() {
        String reopened = closedVenezuelanCase();
        String keptClosed = closedVenezuelanCase();
        String stillRefused = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").notServed());
        Workflow.work(CASEWORKER, stillRefused, "review-ineligible", Map.of("decision", "CONFIRM"));
        String notClosed = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.nationality", "VEN"));

        JsonPath unchanged = rescreen(TokenFixture.admin(), "GT");
        assertThat(unchanged.getLong("matched")).isGreaterThanOrEqualTo(3);
        assertThat(unchanged.getLong("done")).as("nothing is eligible under the same rules").isZero();
        assertThat(unchanged.getLong("skipped")).isEqualTo(unchanged.getLong("matched"));

        changedRules = true;
        int widened = RulesFixture.upload(RulesFixture.guatemalaServesVenezuelans(), "test").statusCode(201)
                .extract().path("version");
        JsonPath found = rescreen(SUPERVISOR, null);
        assertThat(found.getString("office")).isEqualTo("GT");
        assertThat(found.getLong("done")).as("reviews opened").isGreaterThanOrEqualTo(2);
        assertThat(found.getLong("failed")).isZero();

        for (String id : new String[] {reopened, keptClosed}) {
            Workflow.read(CASEWORKER, id).body("status", equalTo("CLOSED_INELIGIBLE"))
                    .body("currentActivities", contains("review-rescreen"));
        }
        Workflow.read(CASEWORKER, stillRefused).body("currentActivities", empty());
        Workflow.read(CASEWORKER, notClosed).body("currentActivities", contains("review-ineligible"));

        JsonPath again = rescreen(TokenFixture.admin(), "GT");
        assertThat(again.getLong("done")).as("running it again opens nothing twice").isZero();
        assertThat(again.getLong("skippedBecause.'already under review after an earlier re-screening'"))
                .isGreaterThanOrEqualTo(2);

        Workflow.work(CASEWORKER, reopened, "review-rescreen", Map.of("decision", "REOPEN"));
        Workflow.read(CASEWORKER, reopened).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", contains("schedule-interview"))
                .body("eligibility.eligible", equalTo(true))
                .body("eligibility.ruleId", equalTo("GT-HND-SLV-NIC-2024-05-07"))
                .body("eligibility.decisionVersion", equalTo(widened));

        Workflow.work(CASEWORKER, keptClosed, "review-rescreen", Map.of("decision", "KEEP_CLOSED", "note", "left the country"));
        Workflow.read(CASEWORKER, keptClosed).body("status", equalTo("CLOSED_INELIGIBLE")).body("currentActivities", empty());

        assertThat(rescreen(TokenFixture.admin(), "GT").getLong("done"))
                .as("a case reviewed under this rules version is not asked again").isZero();
    }

    @Test
    void only_admins_and_the_offices_supervisors_may_rescreen() {
        given().auth().oauth2(TokenFixture.supervisor("CR")).queryParam("office", "GT")
                .post("/api/v1/admin/eligibility-rules/rescreen").then().statusCode(403);
        given().auth().oauth2(CASEWORKER).queryParam("office", "GT")
                .post("/api/v1/admin/eligibility-rules/rescreen").then().statusCode(403);
        given().auth().oauth2(TokenFixture.admin()).queryParam("office", "XX")
                .post("/api/v1/admin/eligibility-rules/rescreen").then().statusCode(400);
        given().auth().oauth2(TokenFixture.admin())
                .post("/api/v1/admin/eligibility-rules/rescreen").then().statusCode(400);
    }
}
