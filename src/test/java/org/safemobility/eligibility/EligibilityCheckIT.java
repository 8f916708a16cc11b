package org.safemobility.eligibility;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.TokenFixture;

/** The scenario table through the what-if endpoint: the same answers as the DMN alone, plus the API's own checks. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class EligibilityCheckIT {

    static Stream<EligibilityScenario> knownOffices() {
        return EligibilityScenario.all().stream().filter(s -> s.office().matches("GT|CR|CO|EC"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownOffices")
    void the_what_if_check_answers_each_scenario_as_the_decision_does(EligibilityScenario scenario) {
        var request = given().auth().oauth2(TokenFixture.caseworker(scenario.office()))
                .queryParam("office", scenario.office()).queryParam("nationality", scenario.nationality())
                .queryParam("arrivalDate", scenario.arrivalDate());
        if (!scenario.appliesToday()) {
            request.queryParam("applicationDate", scenario.applicationDate());
        }
        request.get("/api/v1/eligibility/check").then().statusCode(200)
                .body("eligible", equalTo(scenario.eligible()))
                .body("ruleId", equalTo(scenario.ruleId()))
                .body("pathways", equalTo(scenario.expectedPathways()))
                .body("reason", notNullValue())
                .body("decisionVersion", greaterThanOrEqualTo(1))
                .body("inputs.applicationDate", equalTo(scenario.applicationDay().toString()));
    }

    @Test
    void the_issues_example_is_eligible_with_every_pathway() {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .get("/api/v1/eligibility/check?office=GT&nationality=HND&arrivalDate=2024-01-10&applicationDate=2024-05-08")
                .then().statusCode(200)
                .body("eligible", equalTo(true))
                .body("ruleId", equalTo("GT-HND-SLV-NIC-2024-05-07"))
                .body("pathways", equalTo(java.util.List.of("US_REFUGEE", "US_OTHER", "CANADA", "SPAIN")))
                .body("reason", equalTo("Hondurans, Salvadorans and Nicaraguans present in Guatemala are served by the Guatemala office since 7 May 2024."));
    }

    @Test
    void the_application_date_defaults_to_today_on_the_offices_calendar() {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .get("/api/v1/eligibility/check?nationality=GTM&arrivalDate=2024-01-10")
                .then().statusCode(200)
                .body("inputs.office", equalTo("GT"))
                .body("inputs.applicationDate", equalTo(LocalDate.now(ZoneId.of("America/Guatemala")).toString()));
    }

    @Test
    void admins_may_check_any_office() {
        given().auth().oauth2(TokenFixture.admin())
                .get("/api/v1/eligibility/check?office=EC&nationality=COL&arrivalDate=2022-01-01")
                .then().statusCode(200).body("eligible", equalTo(true));
    }

    @Test
    void an_office_outside_a_caseworkers_scope_is_forbidden() {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .get("/api/v1/eligibility/check?office=CR&nationality=NIC&arrivalDate=2022-01-01")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void partners_may_not_check_eligibility() {
        given().auth().oauth2(TokenFixture.partner("US"))
                .get("/api/v1/eligibility/check?office=GT&nationality=GTM&arrivalDate=2022-01-01")
                .then().statusCode(403);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "office=XX&nationality=HND&arrivalDate=2024-01-10 | office",
            "office=Guatemala&nationality=HND&arrivalDate=2024-01-10 | office",
            "office=GT&nationality=ZZZ&arrivalDate=2024-01-10 | nationality",
            "office=GT&nationality=hnd&arrivalDate=2024-01-10 | nationality",
            "office=GT&arrivalDate=2024-01-10 | nationality",
            "office=GT&nationality=HND | arrivalDate",
            "office=GT&nationality=HND&arrivalDate=10/01/2024 | arrivalDate",
            "office=GT&nationality=HND&arrivalDate=2024-02-30 | arrivalDate",
            "office=GT&nationality=HND&arrivalDate=2024-01-10&applicationDate=tomorrow | applicationDate"})
    void invalid_parameters_are_bad_requests_naming_the_parameter(String query, String parameter) {
        given().auth().oauth2(TokenFixture.admin()).get("/api/v1/eligibility/check?" + query)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", everyItem(equalTo(parameter)));
    }
}
