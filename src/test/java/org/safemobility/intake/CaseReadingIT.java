package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.SeededCases;
import org.safemobility.fixtures.TokenFixture;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseReadingIT {

    @Inject
    DataSource db;

    private String register(String token, RegistrationFixture registration) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(registration.body())
                .post("/api/v1/cases").then().statusCode(201).extract().path("id");
    }

    @Test
    void a_case_is_read_back_with_its_etag_and_the_read_is_audited() {
        String id = register(TokenFixture.caseworker("GT"), RegistrationFixture.valid("GT")
                .with("applicant.documentNumber", "V1234567"));
        var read = given().auth().oauth2(TokenFixture.supervisor("GT")).get("/api/v1/cases/" + id)
                .then().statusCode(200);
        read.header("ETag", equalTo("\"" + read.extract().path("version") + "\""));
        read
                .body("id", equalTo(id))
                .body("currentActivities", equalTo(List.of("schedule-interview")))
                .body("applicant.documentNumber", equalTo("V1234567"));
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.viewed'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void a_case_of_another_office_is_not_found() {
        String id = register(TokenFixture.caseworker("GT"), RegistrationFixture.valid("GT"));
        given().auth().oauth2(TokenFixture.caseworker("CR")).get("/api/v1/cases/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("requestId", notNullValue());
    }

    @Test
    void an_unknown_case_id_and_a_malformed_id_are_not_found() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).get("/api/v1/cases/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.caseworker("GT")).get("/api/v1/cases/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_list_pages_newest_first_with_a_total_and_only_the_callers_offices() {
        String token = TokenFixture.caseworker("CR");
        String nationality = "HTI";
        List<String> ids = IntStream.range(0, 5).mapToObj(i ->
                register(token, RegistrationFixture.minimal("CR").with("applicant.nationality", nationality))).toList();
        register(TokenFixture.caseworker("GT"), RegistrationFixture.minimal("GT").with("applicant.nationality", nationality));

        var first = given().auth().oauth2(token).queryParam("nationality", nationality).queryParam("size", 2)
                .get("/api/v1/cases").then().statusCode(200)
                .body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("total", greaterThanOrEqualTo(5))
                .body("items.office", everyItem(equalTo("CR")))
                .body("items.nationality", everyItem(equalTo(nationality)))
                .extract();
        assertThat(first.<List<String>>path("items.id")).containsExactly(ids.get(4), ids.get(3));
        given().auth().oauth2(token).queryParam("nationality", nationality).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(ids.get(2), ids.get(1))));
    }

    @Test
    void a_supervisor_of_two_offices_pages_both_newest_first() {
        String born = java.time.LocalDate.of(1940, 1, 1).plusDays(java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(20_000)).toString();
        List<String> ids = IntStream.range(0, 5).mapToObj(i -> {
            String office = i % 2 == 0 ? "CO" : "EC";
            return register(TokenFixture.caseworker(office), RegistrationFixture.minimal(office)
                    .with("applicant.dateOfBirth", born));
        }).toList();
        String supervisor = TokenFixture.supervisor("EC", "CO");
        given().auth().oauth2(supervisor).queryParam("dateOfBirth", born).queryParam("size", 3).get("/api/v1/cases")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(5)).body("totalCapped", equalTo(false))
                .body("items.id", equalTo(List.of(ids.get(4), ids.get(3), ids.get(2))));
        given().auth().oauth2(supervisor).queryParam("dateOfBirth", born).queryParam("size", 3).queryParam("page", 1)
                .get("/api/v1/cases").then().statusCode(200)
                .body("items.id[0]", equalTo(ids.get(1))).body("items.id[1]", equalTo(ids.get(0)));
    }

    /**
     * A list counts its total as far as 10,000 and says when there are more: an exact count read every case of the
     * caller's offices on every page. (A search counts as far as 1,000: CaseSearchIT.)
     */
    @Test
    void the_list_counts_up_to_ten_thousand_and_says_when_there_are_more() throws Exception {
        String batch = "cap-" + UUID.randomUUID().toString().substring(0, 8);
        SeededCases.insert(db, new SeededCases.Batch(batch, "CO", "Seeded", "Applicant", "TUV"), 10_001,
                Duration.ofDays(5 * 365), Duration.ZERO);
        String token = TokenFixture.supervisor("CO");
        try {
            given().auth().oauth2(token).queryParam("nationality", "TUV").queryParam("office", "CO").queryParam("size", 1)
                    .get("/api/v1/cases").then().statusCode(200)
                    .body("total", equalTo(10_000)).body("totalCapped", equalTo(true)).body("items", hasSize(1));
            try (var c = db.getConnection(); var one = c.prepareStatement(
                    "delete from smo.case_file where id = (select id from smo.case_file where registered_by = ? limit 1)")) {
                one.setString(1, batch);
                one.executeUpdate();
            }
            given().auth().oauth2(token).queryParam("nationality", "TUV").queryParam("office", "CO")
                    .get("/api/v1/cases").then().statusCode(200)
                    .body("total", equalTo(10_000)).body("totalCapped", equalTo(false));
        } finally {
            SeededCases.delete(db, batch);
        }
    }

    @Test
    void the_list_filters_by_status_and_office() {
        register(TokenFixture.caseworker("EC"), RegistrationFixture.minimal("EC").notServed());
        given().auth().oauth2(TokenFixture.supervisor("EC", "CO")).queryParam("status", "INELIGIBLE").queryParam("office", "EC")
                .get("/api/v1/cases").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.office", everyItem(equalTo("EC")))
                .body("items.status", everyItem(equalTo("INELIGIBLE")));
    }

    @Test
    void the_list_of_an_office_outside_scope_is_forbidden() {
        given().auth().oauth2(TokenFixture.caseworker("EC")).queryParam("office", "GT")
                .get("/api/v1/cases").then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "size, 0", "size, 101", "size, ten", "page, -1", "page, x",
            "status, OPEN", "nationality, XYZ", "nationality, ven", "office, Guatemala"})
    void invalid_list_parameters_are_bad_requests_naming_the_parameter(String parameter, String value) {
        given().auth().oauth2(TokenFixture.caseworker("GT")).queryParam(parameter, value)
                .get("/api/v1/cases").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }
}
