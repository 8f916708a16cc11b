package org.safemobility.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.safemobility.fixtures.Management;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.TokenFixture;

/** What operators and API clients rely on: probes, metrics, the OpenAPI document, request ids. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OperationsIT {

    @Test
    void liveness_is_up() {
        Management.given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_checks_the_database_and_the_workflow_engine() {
        Management.given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("workflow-engine"))
                .body("checks.name", hasItem("Database connections health check"));
    }

    @Test
    void metrics_are_exposed_for_prometheus() {
        given().get("/api/v1/cases").then().statusCode(401);
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("smo_outbox_dead "))
                .body(containsString("agroal_awaiting_count"));
        // counters exist at zero before their first event, so an alert on their rate works from the start (they are
        // registered by the metrics thread right after start-up)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                Management.given().get("/q/metrics").then().statusCode(200)
                        .body(containsString("smo_referrals_total{outcome=\"info_requested\""))
                        .body(containsString("smo_eligibility_decisions_total{eligible=\"false\",office=\"EC\"")));
    }

    @Test
    void the_api_port_serves_no_operational_endpoint() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/health", "/q/health/ready", "/q/dev-ui", "/q/swagger-ui"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void the_openapi_document_describes_every_endpoint_the_bearer_scheme_and_problems() {
        Management.given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/cases"))
                .body("paths", hasKey("/api/v1/cases/{id}"))
                .body("paths.'/api/v1/cases'.post.responses", hasKey("201"))
                .body("paths.'/api/v1/cases'.post.responses.'400'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/cases'.post.responses.'401'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/cases'.post.responses.'422'", notNullValue())
                .body("paths.'/api/v1/cases'.get.parameters.name", hasItem("size"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Registration"))
                .body("components.schemas", hasKey("Case"))
                .body("security[0]", hasKey("bearer"));
    }

    @Test
    void every_response_carries_the_servers_own_request_id_whatever_the_caller_sent() {
        String id = given().header("X-Request-Id", "portal-7f3a9c21").get("/api/v1/cases").then().statusCode(401)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("X-Request-Id", "portal-7f3a9c21").get("/api/v1/cases").then().statusCode(401)
                .header("X-Request-Id", org.hamcrest.Matchers.not(equalTo(id)))
                .body("requestId", org.hamcrest.Matchers.not(equalTo("portal-7f3a9c21")));
        given().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/cases").then().statusCode(401)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void an_unknown_api_path_is_a_problem_not_a_page() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void a_method_the_resource_does_not_have_is_a_problem_and_options_lists_the_allowed_ones() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).delete("/api/v1/cases")
                .then().statusCode(405).contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.caseworker("GT")).options("/api/v1/cases")
                .then().statusCode(200).header("Allow", containsString("POST"));
    }

    @Test
    void asking_for_xml_is_not_acceptable() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).accept("application/xml").get("/api/v1/cases")
                .then().statusCode(406).contentType("application/problem+json");
    }
}
