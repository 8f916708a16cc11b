package org.safemobility.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;

/** Who may call the case API: valid tokens only (401), staff roles only (403), own offices only (403/404). */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AccessControlIT {

    @Test
    void no_token_is_unauthenticated_with_a_bearer_challenge() {
        given().get("/api/v1/cases").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:smo:problem:unauthenticated"));
        given().contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body())
                .post("/api/v1/cases").then().statusCode(401);
    }

    /**
     * Walks every operation of the OpenAPI document: without a token, or with one signed by another key, each is a
     * 401 problem, whatever its parameters (placeholders filled with a random UUID).
     */
    @Test
    void every_operation_needs_a_valid_token() {
        java.util.Map<String, java.util.Map<String, Object>> paths = org.safemobility.fixtures.Management.given()
                .accept("application/json").get("/q/openapi").then().statusCode(200).extract().path("paths");
        int walked = 0;
        for (var path : paths.entrySet()) {
            String url = path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String method : path.getValue().keySet()) {
                if (!java.util.Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                var operation = (java.util.Map<String, Object>) path.getValue().get(method);
                @SuppressWarnings("unchecked")
                var body = (java.util.Map<String, java.util.Map<String, Object>>) operation.get("requestBody");
                String type = body == null ? "application/json" : body.get("content").keySet().iterator().next();
                for (String token : new String[] {null, TokenFixture.caseworkerSignedByStranger("GT")}) {
                    var request = given().contentType(type).body(type.contains("json") ? "{}" : "<x/>");
                    if (token != null) {
                        request = request.auth().oauth2(token);
                    }
                    request.request(method.toUpperCase(java.util.Locale.ROOT), url).then()
                            .statusCode(401).contentType("application/problem+json");
                }
                walked++;
            }
        }
        org.assertj.core.api.Assertions.assertThat(walked).as("operations walked").isGreaterThanOrEqualTo(40);
    }

    @Test
    void a_token_signed_by_another_key_is_unauthenticated() {
        given().auth().oauth2(TokenFixture.caseworkerSignedByStranger("GT")).get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void an_expired_token_is_unauthenticated() {
        given().auth().oauth2(TokenFixture.expiredCaseworker("GT")).get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_for_another_audience_is_unauthenticated() {
        given().auth().oauth2(TokenFixture.caseworkerForAnotherAudience("GT")).get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void garbage_in_the_authorization_header_is_unauthenticated() {
        given().header("Authorization", "Bearer not.a.jwt").get("/api/v1/cases")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void partners_may_not_register_or_read_cases() {
        given().auth().oauth2(TokenFixture.partner("US")).get("/api/v1/cases")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:forbidden"));
        given().auth().oauth2(TokenFixture.partner("US")).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(403);
        given().auth().oauth2(TokenFixture.partner("US")).get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    @Test
    void admins_manage_rules_not_cases() {
        given().auth().oauth2(TokenFixture.admin()).get("/api/v1/cases").then().statusCode(403);
    }

    @Test
    void staff_without_an_office_cannot_register() {
        given().auth().oauth2(TokenFixture.caseworker()).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").without("office").body()).post("/api/v1/cases")
                .then().statusCode(403).body("detail", equalTo("your account is not assigned to any office"));
    }

    @Test
    void a_supervisor_of_two_offices_sees_cases_of_both() {
        String gt = given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(RegistrationFixture.minimal("GT").body()).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        String cr = given().auth().oauth2(TokenFixture.caseworker("CR")).contentType(ContentType.JSON)
                .body(RegistrationFixture.minimal("CR").body()).post("/api/v1/cases").then().statusCode(201)
                .extract().path("id");
        String supervisor = TokenFixture.supervisor("GT", "CR");
        given().auth().oauth2(supervisor).get("/api/v1/cases/" + gt).then().statusCode(200);
        given().auth().oauth2(supervisor).get("/api/v1/cases/" + cr).then().statusCode(200);
        given().auth().oauth2(TokenFixture.supervisor("EC")).get("/api/v1/cases/" + cr).then().statusCode(404);
    }
}
