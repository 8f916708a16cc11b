package org.safemobility.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.safemobility.fixtures.TokenFixture;

/** How every list reads its query parameters: typed, checked, named in the problem, empty as absent. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class QueryParametersIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/cases?office=&status=&nationality=&page=&size=",
            "/api/v1/tasks?office=&assignee=&activity=&overdue=&caseId=&size=",
            "/api/v1/escalations?office=&open=&size=", "/api/v1/queues?office=", "/api/v1/approvals?page=&size="})
    void an_empty_parameter_is_no_filter(String path) {
        given().auth().oauth2(TokenFixture.supervisor("GT")).get(path).then().statusCode(200);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"/api/v1/tasks?caseId=42, caseId", "/api/v1/tasks?overdue=yes, overdue", "/api/v1/tasks?size=ten, size",
            "/api/v1/cases?status=OPEN, status", "/api/v1/cases?page=-1, page", "/api/v1/stats?from=2026-13-01, from",
            "/api/v1/queues/schedule-interview/tasks?unassigned=1, unassigned", "/api/v1/escalations?open=maybe, open"})
    void a_parameter_of_the_wrong_type_is_a_problem_naming_it(String path, String parameter) {
        given().auth().oauth2(TokenFixture.supervisor("GT")).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
    }
}
