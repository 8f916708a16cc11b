package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;

/** Bad input is a 400 problem naming the field, and leaves nothing behind: no case, no process, no audit entry. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class BadRegistrationIT {

    private static final String TOMORROW = LocalDate.now().plusDays(2).toString();

    @Inject
    DataSource db;

    private long casesBefore;
    private long auditBefore;
    private long processesBefore;

    @BeforeEach
    void countRows() {
        casesBefore = Rows.count(db, "select count(*) from smo.case_file");
        auditBefore = Rows.count(db, "select count(*) from smo.audit_event where action = 'case.registered'");
        processesBefore = Rows.count(db, "select count(*) from act_hi_procinst");
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(Rows.count(db, "select count(*) from smo.case_file")).as("cases").isEqualTo(casesBefore);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where action = 'case.registered'"))
                .as("registration audit entries").isEqualTo(auditBefore);
        assertThat(Rows.count(db, "select count(*) from act_hi_procinst")).as("processes").isEqualTo(processesBefore);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("applicant.givenName", f -> f.without("applicant.givenName")),
                bad("applicant.givenName", f -> f.with("applicant.givenName", "   ")),
                bad("applicant.familyName", f -> f.with("applicant.familyName", "x".repeat(101))),
                bad("applicant.dateOfBirth", f -> f.without("applicant.dateOfBirth")),
                bad("applicant.dateOfBirth", f -> f.with("applicant.dateOfBirth", "1990-02-30")),
                bad("applicant.dateOfBirth", f -> f.with("applicant.dateOfBirth", "12/04/1990")),
                bad("applicant.dateOfBirth", f -> f.with("applicant.dateOfBirth", TOMORROW)),
                bad("applicant.dateOfBirth", f -> f.with("applicant.dateOfBirth", "1850-01-01")),
                bad("applicant.nationality", f -> f.without("applicant.nationality")),
                bad("applicant.nationality", f -> f.with("applicant.nationality", "VE")),
                bad("applicant.nationality", f -> f.with("applicant.nationality", "ven")),
                bad("applicant.nationality", f -> f.with("applicant.nationality", "ZZZ")),
                bad("applicant.arrivalDate", f -> f.without("applicant.arrivalDate")),
                bad("applicant.arrivalDate", f -> f.with("applicant.arrivalDate", TOMORROW)),
                bad("applicant.arrivalDate", f -> f.with("applicant.arrivalDate", "1989-01-01")),
                bad("applicant.sex", f -> f.with("applicant.sex", "F")),
                bad("applicant.documentType", f -> f.with("applicant.documentType", "DRIVING_LICENCE")),
                bad("applicant.documentType", f -> f.without("applicant.documentType")),
                bad("applicant.documentNumber", f -> f.with("applicant.documentNumber", "<script>")),
                bad("applicant.hostCountryStatus", f -> f.with("applicant.hostCountryStatus", "TOURIST")),
                bad("applicant.phone", f -> f.with("applicant.phone", "5555-1234")),
                bad("applicant.email", f -> f.with("applicant.email", "not-an-email")),
                bad("applicant.preferredLanguage", f -> f.with("applicant.preferredLanguage", "spa")),
                bad("applicant.preferredLanguage", f -> f.with("applicant.preferredLanguage", "xx")),
                bad("applicant", f -> f.without("applicant")),
                bad("applicant", f -> f.with("applicant", "María")),
                bad("applicant.givenName", f -> f.with("applicant.givenName", Map.of("first", "María"))),
                bad("household[0].relationship", f -> f.without("household[0].relationship")),
                bad("household[0].relationship", f -> f.with("household[0].relationship", "COUSIN_ONCE_REMOVED")),
                bad("household[0].nationality", f -> f.with("household[0].nationality", "XYZ")),
                bad("household[0].dateOfBirth", f -> f.with("household[0].dateOfBirth", TOMORROW)),
                bad("household[0].givenName", f -> f.with("household[0].givenName", "")),
                bad("household", f -> f.with("household", "two children")),
                bad("household", f -> f.with("household", Collections.nCopies(31,
                        Map.of("givenName", "A", "familyName", "B", "dateOfBirth", "2010-01-01",
                                "relationship", "CHILD", "nationality", "VEN")))),
                bad("consent", f -> f.without("consent")),
                bad("consent.processing", f -> f.with("consent", Map.of())),
                bad("consent.processing", f -> f.with("consent", Map.of("processing", false, "partnerSharing", true))),
                bad("consent.given", f -> f.with("consent", Map.of("given", false))),
                bad("consent.given", f -> f.with("consent", Map.of("given", true, "processing", true))),
                bad("consent.given", f -> f.with("consent.given", "yes")),
                bad("office", f -> f.with("office", "Guatemala")),
                bad("office", f -> f.with("office", 7)),
                bad("applicant.nickname", f -> f.with("applicant.nickname", "Mari")),
                bad("priority", f -> f.with("priority", "high")));
    }

    private static Arguments bad(String field, UnaryOperator<RegistrationFixture> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badBodies")
    void an_invalid_registration_is_a_bad_request_naming_the_field(String field, UnaryOperator<RegistrationFixture> change) {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(change.apply(RegistrationFixture.valid("GT")).body())
                .post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/cases"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void malformed_json_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body("{\"office\": \"GT\", \"applicant\": {").post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:malformed-request"))
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void trailing_garbage_after_the_object_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body("{\"office\": \"GT\"} {}").post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_duplicated_key_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body("{\"office\": \"GT\", \"office\": \"CR\"}").post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("office"));
    }

    @Test
    void an_empty_body_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_json_array_instead_of_an_object_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(List.of(RegistrationFixture.valid("GT").body())).post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void a_body_that_is_not_json_is_an_unsupported_media_type() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.XML)
                .body("<case/>").post("/api/v1/cases")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
    }

    @Test
    void a_body_over_64_kib_is_too_large() {
        var body = RegistrationFixture.valid("GT").with("applicant.givenName", "x".repeat(70 * 1024)).body();
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(body).post("/api/v1/cases")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void a_chunked_body_over_64_kib_is_too_large() {
        byte[] body = ("{\"office\": \"GT\", \"applicant\": {\"givenName\": \"" + "x".repeat(70 * 1024) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(new java.io.ByteArrayInputStream(body)) // a stream of unknown length is sent chunked
                .post("/api/v1/cases")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("65536"));
    }

    @Test
    void several_invalid_fields_are_all_named() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("applicant.nationality", "XYZ")
                        .with("applicant.email", "nope").without("applicant.givenName").body())
                .post("/api/v1/cases")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("applicant.email", "applicant.givenName", "applicant.nationality")));
    }
}
