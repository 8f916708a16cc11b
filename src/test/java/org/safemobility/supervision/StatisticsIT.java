package org.safemobility.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.safemobility.fixtures.Management;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Statistics and metrics over a known set: in Ecuador, Cubans (a nationality no other test registers there): one
 * referred to Canada and accepted, one withdrawn, one waiting; and one Peruvian, whom Ecuador does not serve.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class StatisticsIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-stats-ec", "EC");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-stats-ec", "EC");
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

    @Inject
    OperationalMetrics metrics;

    private static boolean registered;

    // once, before the first test (REST Assured knows the test port only once a test instance runs)
    @BeforeEach
    void registerTheKnownSet() {
        if (registered) {
            return;
        }
        registered = true;
        RegistrationFixture cuban = RegistrationFixture.valid("EC").with("applicant.nationality", "CUB");
        String accepted = Workflow.register(CASEWORKER, cuban);
        String referral = Workflow.refer(CASEWORKER, SUPERVISOR, accepted, Forms.interview(false), "CANADA");
        given().auth().oauth2(TokenFixture.partner("CA")).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPTED"))
                .post("/api/v1/partner/referrals/" + referral + "/decision").then().statusCode(200);
        String withdrawn = Workflow.register(CASEWORKER, RegistrationFixture.valid("EC").with("applicant.nationality", "CUB"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Left the country"))
                .post("/api/v1/cases/" + withdrawn + "/withdraw").then().statusCode(200);
        Workflow.register(CASEWORKER, RegistrationFixture.valid("EC").with("applicant.nationality", "CUB"));
        Workflow.register(CASEWORKER, RegistrationFixture.valid("EC").with("applicant.nationality", "PER"));
    }

    private static String row(String nationality, String pathway) {
        return "rows.find { it.nationality == '" + nationality + "' && it.pathway == " + (pathway == null ? "null" : "'" + pathway + "'") + " }";
    }

    @Test
    void the_figures_count_the_cohort_by_office_nationality_and_pathway() {
        given().auth().oauth2(SUPERVISOR).queryParam("from", TODAY).queryParam("to", TODAY).queryParam("office", "EC")
                .get("/api/v1/stats").then().statusCode(200)
                .body("from", equalTo(TODAY))
                .body(row("CUB", "CANADA") + ".registered", equalTo(1))
                .body(row("CUB", "CANADA") + ".eligible", equalTo(1))
                .body(row("CUB", "CANADA") + ".referred", equalTo(1))
                .body(row("CUB", "CANADA") + ".accepted", equalTo(1))
                .body(row("CUB", "CANADA") + ".declined", equalTo(0))
                .body(row("CUB", "CANADA") + ".medianDaysToReferral", equalTo(0.0f))
                .body(row("CUB", null) + ".registered", equalTo(2))
                .body(row("CUB", null) + ".withdrawn", equalTo(1))
                .body(row("CUB", null) + ".referred", equalTo(0))
                .body(row("PER", null) + ".ineligible", equalTo(1))
                .body(row("PER", null) + ".eligible", equalTo(0))
                .body("totals.office", equalTo("ALL"));
    }

    @Test
    void the_same_figures_come_as_csv() {
        String csv = given().auth().oauth2(SUPERVISOR).accept("text/csv").queryParam("from", TODAY).queryParam("to", TODAY)
                .queryParam("office", "EC").get("/api/v1/stats").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(Statistics.CSV_HEADER);
        assertThat(lines).contains("EC,CUB,CANADA,1,1,0,0,1,1,0,0,0.0", "EC,CUB,,2,2,0,0,0,0,0,1,");
        assertThat(lines.get(lines.size() - 1)).startsWith("ALL,,,");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"from=2026-13-01, from", "to=yesterday, to", "from=2030-01-01&to=2029-01-01, from", "office=XX, office"})
    void bad_periods_and_offices_are_refused(String query, String field) {
        given().auth().oauth2(SUPERVISOR).get("/api/v1/stats?" + query).then().statusCode(400)
                .body("errors[0].field", equalTo(field));
    }

    @Test
    void another_offices_figures_are_forbidden() {
        given().auth().oauth2(TokenFixture.supervisor("GT")).get("/api/v1/stats?office=EC").then().statusCode(403);
        given().auth().oauth2(TokenFixture.supervisor("GT")).queryParam("from", TODAY).get("/api/v1/stats").then()
                .statusCode(200).body("rows.office", org.hamcrest.Matchers.everyItem(equalTo("GT")));
    }

    @Test
    void metrics_are_published_with_prometheus_names_and_labels() {
        metrics.refresh();
        String scrape = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(scrape).containsPattern("smo_cases_registered_total\\{[^}]*nationality=\"CUB\"[^}]*office=\"EC\"[^}]*\\} [1-9]")
                .containsPattern("smo_eligibility_decisions_total\\{[^}]*eligible=\"false\"[^}]*office=\"EC\"")
                .containsPattern("smo_eligibility_decisions_total\\{[^}]*eligible=\"true\"[^}]*office=\"EC\"")
                .containsPattern("smo_referrals_total\\{[^}]*outcome=\"accepted\"[^}]*partner=\"CA\"")
                .containsPattern("smo_referrals_total\\{[^}]*outcome=\"sent\"[^}]*partner=\"CA\"")
                .containsPattern("smo_tasks_open\\{[^}]*activity=\"schedule-interview\"[^}]*office=\"EC\"[^}]*\\} [1-9]")
                .containsPattern("smo_tasks_overdue\\{[^}]*activity=\"schedule-interview\"[^}]*office=\"EC\"")
                .containsPattern("(?m)^smo_outbox_pending(\\{[^}]*\\})? ")
                .containsPattern("(?m)^smo_incidents_open(\\{[^}]*\\})? ")
                .contains("smo_webhook_delivery_seconds_count");
    }
}
