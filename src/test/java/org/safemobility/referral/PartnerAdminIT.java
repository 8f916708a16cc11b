package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.safemobility.fixtures.TokenFixture;

/** Admins manage partners; the webhook secret goes in and never comes out. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnerAdminIT {

    private static final String ADMIN = TokenFixture.admin();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static Map<String, Object> partner(String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", "Test resettlement partner");
        body.put("country", "CA");
        body.put("pathways", List.of());
        body.put("webhookUrl", "https://partner.example/hooks/smo");
        body.put("webhookSecret", SECRET);
        body.put("active", true);
        return body;
    }

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(body).post("/api/v1/admin/partners").then();
    }

    @Test
    void the_three_partners_are_seeded_with_their_pathways() {
        given().auth().oauth2(ADMIN).get("/api/v1/admin/partners").then().statusCode(200)
                .body("id", hasItems("US", "CA", "ES"))
                .body("find { it.id == 'US' }.pathways.pathway", equalTo(List.of("US_REFUGEE", "US_OTHER")))
                .body("find { it.id == 'US' }.pathways.find { it.pathway == 'US_OTHER' }.requiresDocumentNumber", equalTo(true))
                .body("find { it.id == 'CA' }.pathways.pathway", equalTo(List.of("CANADA")))
                .body("find { it.id == 'ES' }.country", equalTo("ES"));
    }

    @Test
    void the_webhook_secret_is_stored_but_never_returned() {
        String body = create(partner("SECRET_KEEPER")).statusCode(201)
                .header("Location", containsString("/api/v1/admin/partners/SECRET_KEEPER"))
                .body("webhookSecretSet", equalTo(true)).extract().asString();
        assertThat(body).doesNotContain(SECRET).doesNotContain("MfKQ9r8");
        String read = given().auth().oauth2(ADMIN).get("/api/v1/admin/partners/SECRET_KEEPER").then().statusCode(200)
                .extract().asString();
        assertThat(read).doesNotContain("MfKQ9r8");
        String list = given().auth().oauth2(ADMIN).get("/api/v1/admin/partners").then().extract().asString();
        assertThat(list).doesNotContain("MfKQ9r8");

        Map<String, Object> change = partner(null);
        change.remove("webhookSecret");
        change.put("name", "Renamed partner");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(change).put("/api/v1/admin/partners/SECRET_KEEPER")
                .then().statusCode(200).body("name", equalTo("Renamed partner")).body("webhookSecretSet", equalTo(true));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "webhookSecret, not-a-secret",
            "webhookSecret, whsec_c2hvcnQ=",
            "webhookUrl, ftp://partner.example/hooks",
            "webhookUrl, /relative/hooks",
            "country, MX",
            "id, us",
            "name, ''"})
    void invalid_partners_are_refused_naming_the_field(String field, String value) {
        Map<String, Object> body = partner("INVALID_" + Math.abs(field.hashCode() % 1000));
        body.put(field, value);
        create(body).statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void a_webhook_url_needs_a_secret() {
        Map<String, Object> body = partner("NO_SECRET");
        body.remove("webhookSecret");
        create(body).statusCode(400).body("errors[0].field", equalTo("webhookSecret"));
    }

    @Test
    void each_pathway_belongs_to_one_partner_and_ids_are_unique() {
        Map<String, Object> body = partner("POACHER");
        body.put("pathways", List.of(Map.of("pathway", "CANADA", "requiresDocumentNumber", false)));
        create(body).statusCode(409).body("detail", containsString("partner CA"));
        create(partner("TWICE")).statusCode(201);
        create(partner("TWICE")).statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(partner("OTHER"))
                .put("/api/v1/admin/partners/TWICE").then().statusCode(400).body("errors[0].field", equalTo("id"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(partner(null))
                .put("/api/v1/admin/partners/NOBODY").then().statusCode(404);
    }

    @Test
    void only_admins_manage_partners() {
        given().auth().oauth2(TokenFixture.caseworker("GT")).get("/api/v1/admin/partners").then().statusCode(403);
        given().auth().oauth2(TokenFixture.partner("US")).get("/api/v1/admin/partners/US").then().statusCode(403);
        given().get("/api/v1/admin/partners").then().statusCode(401);
    }
}
