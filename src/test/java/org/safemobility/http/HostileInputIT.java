package org.safemobility.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * What a fuzzer driven by the OpenAPI document found: input that reached PostgreSQL or was silently coerced, and
 * errors that were not problem+json. Each is a 4xx problem now, and nothing is written.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HostileInputIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-hostile-gt", "GT");

    @Inject
    DataSource db;

    static Stream<Arguments> badRegistrations() {
        return Stream.of(
                Arguments.of("applicant.givenName", "Mar\u0000ía", "control characters"),
                Arguments.of("applicant.familyName", "Gonz\u0007ález", "control characters"),
                Arguments.of("applicant.givenName", 12345, "must be a string"),
                Arguments.of("applicant.dateOfBirth", 12345, "date"),
                Arguments.of("applicant.documentNumber", 1234567, "must be a string"),
                Arguments.of("consent.given", 1, "true or false"),
                Arguments.of("consent.given", "true", "true or false"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("badRegistrations")
    void a_registration_with_a_control_character_or_a_coercible_scalar_is_refused(String field, Object value, String message) {
        long before = Rows.count(db, "select count(*) from smo.case_file");
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").with(field, value).body())
                .post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(message));
        assertThat(Rows.count(db, "select count(*) from smo.case_file")).isEqualTo(before);
    }

    @Test
    void a_document_type_needs_its_number() {
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").without("applicant.documentNumber").body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("applicant.documentNumber"));
    }

    @Test
    void numbers_are_not_reasons_or_yes_and_no_in_task_forms_and_withdrawals() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", 12345))
                .post("/api/v1/cases/" + id + "/withdraw").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        String task = Workflow.taskOf(CASEWORKER, id, "schedule-interview");
        Workflow.claim(CASEWORKER, task);
        for (String flag : new String[] {"remote", "interpreterNeeded"}) {
            Map<String, Object> form = new HashMap<>(Forms.schedule());
            form.put(flag, 1);
            given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(form)
                    .post("/api/v1/tasks/" + task + "/complete").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(flag));
        }
        Workflow.read(CASEWORKER, id).body("status", equalTo("ELIGIBLE"));
    }

    @Test
    void a_nul_in_a_path_or_query_is_a_400_problem() {
        given().auth().oauth2(CASEWORKER).urlEncodingEnabled(false).post("/api/v1/tasks/ab%00cd/claim")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.admin()).urlEncodingEnabled(false).get("/api/v1/admin/partners/%00")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(CASEWORKER).urlEncodingEnabled(false).get("/api/v1/cases?nationality=V%00E")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_very_long_url_is_a_414_problem() {
        given().auth().oauth2(CASEWORKER).queryParam("nationality", "V".repeat(10_000)).get("/api/v1/cases")
                .then().statusCode(414).contentType("application/problem+json");
    }

    @Test
    void a_content_type_that_does_not_parse_is_a_problem() {
        given().auth().oauth2(CASEWORKER)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Content-Type", ";;;garbage/;;").body("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/cases")
                .then().statusCode(org.hamcrest.Matchers.either(equalTo(415)).or(equalTo(400)))
                .contentType("application/problem+json");
    }

    @Test
    void deep_nesting_is_refused_without_naming_the_parser() {
        String deep = "[".repeat(500) + "]".repeat(500);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body("{\"applicant\": " + deep + "}")
                .post("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                .body("detail", not(containsString("StreamReadConstraints")))
                .body("detail", not(containsString("jackson")));
    }

    @Test
    void the_rule_upload_says_which_media_type_it_reads() {
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/admin/eligibility-rules").then().statusCode(415)
                .body("detail", containsString("application/xml"));
    }
}
