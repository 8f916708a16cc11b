package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * A partner's access ends when its part does: a withdrawn or declined referral keeps its status and case number for
 * the partner but no longer serves the package; an accepted one still does (the partner resettles the family); a
 * deactivated partner's tokens are refused.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PartnerAccessIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-access-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-access-gt", "GT");
    private static final String ES = TokenFixture.partner("ES");

    private static String referred(String caseId) {
        return Workflow.refer(CASEWORKER, SUPERVISOR, caseId, Forms.interview(false), "SPAIN");
    }

    private static io.restassured.response.ValidatableResponse read(String partner, String referral) {
        return given().auth().oauth2(partner).get("/api/v1/partner/referrals/" + referral).then();
    }

    @Test
    void a_withdrawn_referral_keeps_its_status_and_number_but_not_its_package() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String referral = referred(id);
        String number = Workflow.read(CASEWORKER, id).extract().path("caseNumber");
        read(ES, referral).statusCode(200).body("package", notNullValue());

        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Found another way"))
                .post("/api/v1/cases/" + id + "/withdraw").then().statusCode(200);
        String body = read(ES, referral).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("caseNumber", equalTo(number)).body("package", nullValue()).extract().asString();
        String given = Workflow.read(CASEWORKER, id).extract().path("applicant.givenName");
        assertThat(body).doesNotContain(given);
    }

    @Test
    void a_declined_referral_no_longer_serves_its_package_and_an_accepted_one_does() {
        String declined = referred(Workflow.register(CASEWORKER, RegistrationFixture.valid("GT")));
        ReferralIT.decide(ES, declined, Map.of("decision", "DECLINED", "reason", "Outside our quota")).statusCode(200)
                .body("package", nullValue());
        read(ES, declined).statusCode(200).body("status", equalTo("DECLINED")).body("package", nullValue());

        String accepted = referred(Workflow.register(CASEWORKER, RegistrationFixture.valid("GT")));
        ReferralIT.decide(ES, accepted, Map.of("decision", "ACCEPTED", "reason", "Accepted for resettlement"))
                .statusCode(200);
        read(ES, accepted).statusCode(200).body("status", equalTo("ACCEPTED")).body("package.applicant", notNullValue());
    }

    @Test
    void a_deactivated_partners_tokens_are_refused() {
        Map<String, Object> partner = new HashMap<>();
        partner.put("id", "RETIRED");
        partner.put("name", "A partner that left the programme");
        partner.put("country", "CA");
        partner.put("pathways", List.of());
        partner.put("active", false);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body(partner)
                .post("/api/v1/admin/partners").then().statusCode(201);
        String retired = TokenFixture.partner("RETIRED");
        given().auth().oauth2(retired).get("/api/v1/partner/referrals").then().statusCode(403)
                .contentType("application/problem+json");
        read(retired, java.util.UUID.randomUUID().toString()).statusCode(403);
        given().auth().oauth2(TokenFixture.partner("NOT_A_PARTNER")).get("/api/v1/partner/referrals").then()
                .statusCode(403);
        given().auth().oauth2(ES).get("/api/v1/partner/referrals").then().statusCode(200);
    }

    private static void spainShares(boolean vulnerabilities, boolean summary) {
        Map<String, Object> partner = new HashMap<>();
        partner.put("name", "Spain: resettlement and labour-based pathways");
        partner.put("country", "ES");
        partner.put("pathways", List.of(Map.of("pathway", "SPAIN", "requiresDocumentNumber", false,
                "sharesVulnerabilities", vulnerabilities, "sharesInterviewSummary", summary)));
        partner.put("active", true);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body(partner)
                .put("/api/v1/admin/partners/ES").then().statusCode(200)
                .body("pathways[0].sharesVulnerabilities", equalTo(vulnerabilities))
                .body("pathways[0].sharesInterviewSummary", equalTo(summary));
    }

    @Test
    void what_a_pathway_receives_beyond_the_essentials_is_the_partners_data() {
        spainShares(false, false);
        try {
            String referral = Workflow.refer(CASEWORKER, SUPERVISOR, Workflow.register(CASEWORKER,
                    RegistrationFixture.valid("GT")), Forms.interview(true), "SPAIN");
            read(ES, referral).statusCode(200)
                    .body("package.protection.needs", notNullValue())
                    .body("package.protection.vulnerabilities", nullValue())
                    .body("package.protection.summary", nullValue())
                    .body("package.applicant.givenName", notNullValue());
        } finally {
            spainShares(true, true);
        }
        String referral = Workflow.refer(CASEWORKER, SUPERVISOR, Workflow.register(CASEWORKER,
                RegistrationFixture.valid("GT")), Forms.interview(true), "SPAIN");
        read(ES, referral).statusCode(200).body("package.protection.vulnerabilities", notNullValue())
                .body("package.protection.summary", notNullValue());
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void a_partners_list_counts_up_to_ten_thousand_and_says_when_there_are_more() {
        // a partner of its own with one seeded case referred 10,001 times, so no other test's lists change
        java.util.UUID caseId = java.util.UUID.randomUUID();
        String partner = "CAP" + caseId.toString().substring(0, 6).toUpperCase().replaceAll("[^A-Z0-9]", "X");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into smo.partner (id, name, country) values (?1, 'Capped list', 'US')")
                    .setParameter(1, partner).executeUpdate();
            em.createNativeQuery("""
                            insert into smo.case_file (id, case_number, office, status, applicant_given_name,
                                   applicant_family_name, applicant_date_of_birth, applicant_nationality,
                                   applicant_arrival_date, consent_processing, consent_partner_sharing, consent_recorded_at,
                                   registered_by, created_at, updated_at)
                            values (?1, ?2, 'GT', 'REFERRED', 'Seeded', 'Capped', date '1990-01-01', 'VEN',
                                    date '2023-01-01', true, true, now(), 'test', now(), now())""")
                    .setParameter(1, caseId).setParameter(2, "GT-2025-" + partner).executeUpdate();
            em.createNativeQuery("""
                            insert into smo.referral (id, case_id, case_number, office, partner_id, pathway, status, revision,
                                                      sent_at, updated_at)
                            select gen_random_uuid(), ?1, ?2, 'GT', ?3, 'US_REFUGEE', 'SENT', 1,
                                   now() - n * interval '1 second', now()
                              from generate_series(1, 10001) n""")
                    .setParameter(1, caseId).setParameter(2, "GT-2025-" + partner).setParameter(3, partner).executeUpdate();
        });
        try {
            String token = TokenFixture.partner(partner);
            given().auth().oauth2(token).get("/api/v1/partner/referrals?size=2").then().statusCode(200)
                    .body("total", equalTo(10_000)).body("totalCapped", equalTo(true))
                    .body("items.size()", equalTo(2));
            given().auth().oauth2(token).get("/api/v1/partner/referrals?status=ACCEPTED").then().statusCode(200)
                    .body("total", equalTo(0)).body("totalCapped", equalTo(false));
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "delete from smo.referral where id = (select id from smo.referral where case_id = ?1 limit 1)")
                    .setParameter(1, caseId).executeUpdate());
            given().auth().oauth2(token).get("/api/v1/partner/referrals?status=SENT&size=1").then().statusCode(200)
                    .body("total", equalTo(10_000)).body("totalCapped", equalTo(false));
        } finally {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("delete from smo.case_file where id = ?1").setParameter(1, caseId).executeUpdate();
                em.createNativeQuery("delete from smo.partner where id = ?1").setParameter(1, partner).executeUpdate();
            });
        }
    }
}
