package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.http.IdempotencyKeys;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class IdempotentRegistrationIT {

    @Inject
    DataSource db;

    @Inject
    IdempotencyKeys keys;

    private long cases() {
        return Rows.count(db, "select count(*) from smo.case_file");
    }

    @Test
    void the_same_key_and_body_replays_the_first_response_without_a_new_case() {
        String key = UUID.randomUUID().toString();
        String token = TokenFixture.caseworkerNamed("cw-idem-1", "GT");
        var first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("applicant.givenName", "María")
                        .with("applicant.familyName", "González Pérez").with("applicant.documentNumber", "V1234567")
                        .with("household[0].givenName", "Lucía").with("household[0].familyName", "González").body())
                .post("/api/v1/cases")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract();
        long after = cases();

        // the same JSON, differently laid out, is the same request
        String reformatted = sameRegistrationInAnotherLayout();
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(reformatted).post("/api/v1/cases")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")))
                .body("caseNumber", equalTo(first.path("caseNumber")));
        assertThat(cases()).isEqualTo(after);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.registered'",
                UUID.fromString(first.path("id")))).isEqualTo(1);
    }

    /** The fixture's valid GT registration, with its keys in another order and other whitespace. */
    private static String sameRegistrationInAnotherLayout() {
        return """
                { "consent": {"given": true},
                "household": [{"nationality": "HND", "relationship": "CHILD", "dateOfBirth": "2016-09-01",
                               "familyName": "González", "givenName": "Lucía"}],
                "applicant": {"preferredLanguage": "es", "email": "maria@correo.test", "phone": "+50212345678",
                              "hostCountryStatus": "ASYLUM_SEEKER", "arrivalDate": "2023-05-30",
                              "documentNumber": "V1234567", "documentType": "PASSPORT", "nationality": "HND",
                              "sex": "FEMALE", "dateOfBirth": "1990-04-12", "familyName": "González Pérez",
                              "givenName": "María"},
                "office": "GT" }""";
    }

    @Test
    void the_same_key_with_another_body_is_unprocessable() {
        String key = UUID.randomUUID().toString();
        String token = TokenFixture.caseworkerNamed("cw-idem-2", "GT");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases").then().statusCode(201);
        long after = cases();
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("applicant.givenName", "Ana").body()).post("/api/v1/cases")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:idempotency-key-reused"));
        assertThat(cases()).isEqualTo(after);
    }

    @Test
    void keys_are_scoped_to_the_caller() {
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TokenFixture.caseworkerNamed("cw-idem-3", "GT")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(TokenFixture.caseworkerNamed("cw-idem-4", "GT")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void concurrent_retries_with_one_key_create_one_case() throws Exception {
        String key = UUID.randomUUID().toString();
        String token = TokenFixture.caseworkerNamed("cw-idem-5", "CR");
        long before = cases();
        Map<String, Object> body = RegistrationFixture.valid("CR").body(); // one request, retried
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> given().auth().oauth2(token).header("Idempotency-Key", key)
                        .contentType(ContentType.JSON).body(body).post("/api/v1/cases")
                        .then().statusCode(201).extract().<String>path("id")));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> call : calls) {
                ids.add(call.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(cases()).isEqualTo(before + 1);
    }

    @Test
    void a_malformed_key_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).header("Idempotency-Key", "x".repeat(256))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keys_past_their_retention_are_forgotten_and_may_be_used_afresh() throws Exception {
        String expired = "purge-" + UUID.randomUUID();
        String fresh = "keep-" + UUID.randomUUID();
        String token = TokenFixture.caseworker("GT");
        for (String key : List.of(expired, fresh)) {
            given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases").then().statusCode(201);
        }
        try (var c = db.getConnection(); var st = c.prepareStatement(
                "update smo.idempotency_record set created_at = now() - interval '25 hours' where idempotency_key = ?")) {
            st.setString(1, expired);
            st.executeUpdate();
        }
        assertThat(keys.purgeOlderThan(java.time.Instant.now().minus(java.time.Duration.ofHours(24)))).isGreaterThanOrEqualTo(1);
        assertThat(Rows.count(db, "select count(*) from smo.idempotency_record where idempotency_key = ?", expired)).isZero();
        assertThat(Rows.count(db, "select count(*) from smo.idempotency_record where idempotency_key = ?", fresh)).isOne();
        given().auth().oauth2(token).header("Idempotency-Key", expired).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("applicant.givenName", "Ana").body()).post("/api/v1/cases")
                .then().statusCode(201).header("Idempotent-Replayed", "false");
    }
}
