package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.safemobility.fixtures.Management;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;

/**
 * The packaged jar, as it ships: migrations run, workflows deploy from inside the jar, tokens are validated and a
 * case enters its workflow.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CasePackagedIT {

    @Test
    void the_packaged_service_is_ready_and_registers_a_case_into_its_workflow() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

        String location = given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(201)
                .body("caseNumber", matchesPattern("GT-\\d{4}-\\d{6}"))
                .body("currentActivities", contains("schedule-interview"))
                .extract().header("Location");

        given().auth().oauth2(TokenFixture.caseworker("GT")).get(location).then().statusCode(200)
                .body("status", equalTo("ELIGIBLE"))
                .body("eligibility.ruleId", equalTo("GT-HND-SLV-NIC-2024-05-07"));
        given().auth().oauth2(TokenFixture.caseworker("CR")).get(location).then().statusCode(404);
    }

    @Test
    void the_packaged_service_refuses_requests_without_a_token_and_bad_bodies() {
        given().get("/api/v1/cases").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("applicant.nationality", "XYZ").body()).post("/api/v1/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("applicant.nationality"));
    }
}
