package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Edits to contact details and household with If-Match, and internal notes. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseEditIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-edit-gt", "GT");

    private String id;
    private String etag;

    @BeforeEach
    void register() {
        id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        etag = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id).then().extract().header("ETag");
    }

    private io.restassured.response.ValidatableResponse patch(String ifMatch, Object body) {
        var request = given().auth().oauth2(CASEWORKER).contentType("application/merge-patch+json; charset=UTF-8").body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.patch("/api/v1/cases/" + id).then();
    }

    @Test
    void contact_details_are_corrected_with_the_current_etag() {
        String newTag = patch(etag, Map.of("applicant", Map.of("phone", "+50299998888", "preferredLanguage", "en")))
                .statusCode(200)
                .body("applicant.phone", equalTo("+50299998888"))
                .body("applicant.preferredLanguage", equalTo("en"))
                .body("applicant.email", equalTo("maria@correo.test"))
                .extract().header("ETag");
        org.assertj.core.api.Assertions.assertThat(newTag).isNotEqualTo(etag);
        Workflow.read(CASEWORKER, id).body("applicant.phone", equalTo("+50299998888"));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/history").then()
                .body("items.event", hasItem("case.updated"));
    }

    @Test
    void null_clears_a_contact_detail_and_the_household_is_replaced_whole() {
        var body = new java.util.HashMap<String, Object>();
        var applicant = new java.util.HashMap<String, Object>();
        applicant.put("email", null);
        body.put("applicant", applicant);
        body.put("household", List.of(
                Map.of("givenName", "Lucía", "familyName", "González", "dateOfBirth", "2016-09-01", "relationship", "CHILD", "nationality", "HND"),
                Map.of("givenName", "Pedro", "familyName", "González", "dateOfBirth", "2019-03-03", "relationship", "CHILD", "nationality", "GTM")));
        patch(etag, body).statusCode(200)
                .body("applicant.email", nullValue())
                .body("household", hasSize(2))
                .body("household[1].givenName", equalTo("Pedro"));
    }

    @Test
    void a_stale_version_is_a_failed_precondition() {
        patch(etag, Map.of("applicant", Map.of("phone", "+50211112222"))).statusCode(200);
        patch(etag, Map.of("applicant", Map.of("phone", "+50233334444")))
                .statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:precondition-failed"));
        Workflow.read(CASEWORKER, id).body("applicant.phone", equalTo("+50211112222"));
    }

    @Test
    void a_missing_if_match_is_required() {
        patch(null, Map.of("applicant", Map.of("phone", "+50211112222")))
                .statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));
    }

    @Test
    void a_weak_etag_never_matches_and_an_unquoted_one_is_not_an_etag() {
        String version = etag.replace("\"", "");
        patch("W/" + etag, Map.of("applicant", Map.of("phone", "+50211112222"))).statusCode(412)
                .contentType("application/problem+json");
        patch(version, Map.of("applicant", Map.of("phone", "+50211113333"))).statusCode(400)
                .body("errors[0].field", equalTo("If-Match"));
        patch("\"999\", " + etag, Map.of("applicant", Map.of("phone", "+50211114444"))).statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "applicant.phone        | {\"applicant\": {\"phone\": \"5555\"}}",
            "applicant.email        | {\"applicant\": {\"email\": \"nope\"}}",
            "applicant.preferredLanguage | {\"applicant\": {\"preferredLanguage\": \"xx\"}}",
            "applicant.givenName    | {\"applicant\": {\"givenName\": \"Ana\"}}",
            "applicant.nationality  | {\"applicant\": {\"nationality\": \"GTM\"}}",
            "office                 | {\"office\": \"CR\"}",
            "household[0].nationality | {\"household\": [{\"givenName\": \"A\", \"familyName\": \"B\", \"dateOfBirth\": \"2010-01-01\", \"relationship\": \"CHILD\", \"nationality\": \"XYZ\"}]}",
            "household[0].dateOfBirth | {\"household\": [{\"givenName\": \"A\", \"familyName\": \"B\", \"dateOfBirth\": \"2999-01-01\", \"relationship\": \"CHILD\", \"nationality\": \"HND\"}]}",
            "body                   | [1, 2]"})
    void invalid_or_forbidden_edits_are_bad_requests_naming_the_field(String field, String body) {
        patch(etag, body).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id).then().header("ETag", equalTo(etag));
    }

    @Test
    void a_closed_case_is_not_edited_and_another_offices_case_is_not_found() {
        given().auth().oauth2(TokenFixture.caseworker("CR")).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("applicant", Map.of("phone", "+50211112222"))).patch("/api/v1/cases/" + id).then().statusCode(404);
        String current = given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "left"))
                .post("/api/v1/cases/" + id + "/withdraw").then().statusCode(200).extract().header("ETag");
        patch(current, Map.of("applicant", Map.of("phone", "+50211112222"))).statusCode(409);
    }

    @Test
    void notes_are_kept_newest_first_for_the_offices_staff_only() {
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", "Called the applicant; will bring documents."))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201)
                .body("author", equalTo("cw-edit-gt")).body("text", equalTo("Called the applicant; will bring documents."));
        given().auth().oauth2(TokenFixture.supervisor("GT")).contentType(ContentType.JSON).body(Map.of("text", "Check the passport."))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/notes").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].text", equalTo("Check the passport."));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", " "))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().auth().oauth2(TokenFixture.caseworker("CR")).get("/api/v1/cases/" + id + "/notes").then().statusCode(404);
        given().auth().oauth2(TokenFixture.partner("US")).get("/api/v1/cases/" + id + "/notes").then().statusCode(403);
    }
}
