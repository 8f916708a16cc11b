package org.safemobility.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** The applicant's copy: everything held, every decision and reason, what was shared with whom, who read it. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseCopyIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-copy-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-copy-gt", "GT");
    private static final String ES = TokenFixture.partner("ES");

    @Inject
    AgroalDataSource db;

    private String referredCase() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("applicant.givenName", "Ana María")
                .with("applicant.familyName", "Núñez Peña"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", "Prefers calls after 17:00"))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        String referral = Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(true), "SPAIN");
        given().auth().oauth2(ES).get("/api/v1/partner/referrals/" + referral).then().statusCode(200);
        Workflow.read(CASEWORKER, id);
        return id;
    }

    @Test
    void the_json_copy_holds_the_case_every_consent_the_notes_what_was_shared_and_who_read_it() {
        String id = referredCase();
        JsonPath copy = given().auth().oauth2(CASEWORKER).accept(ContentType.JSON).get("/api/v1/cases/" + id + "/export")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("language", equalTo("es"))
                .body("madeAt", notNullValue())
                .body("case.id", equalTo(id))
                .body("case.applicant.givenName", equalTo("Ana María"))
                .body("case.applicant.documentNumber", notNullValue())
                .body("case.applicant.phone", notNullValue())
                .body("case.household", hasSize(1))
                .body("case.consent.processing", equalTo(true))
                .body("case.eligibility.eligible", equalTo(true))
                .body("case.eligibility.reason", notNullValue())
                .body("case.eligibility.ruleId", notNullValue())
                .body("case.interview.summary", notNullValue())
                .body("case.interview.vulnerabilities", hasItem("MEDICAL_NEED"))
                .body("case.review.decision", equalTo("APPROVED"))
                .body("consentHistory", hasSize(3))
                .body("consentHistory.purpose", hasItem("HOST_GOVERNMENT_SHARING"))
                .body("consentHistory[0].recordedBy", equalTo("cw-copy-gt"))
                .body("notes", hasSize(1))
                .body("notes[0].text", equalTo("Prefers calls after 17:00"))
                .body("referrals", hasSize(1))
                .body("referrals[0].partner", equalTo("ES"))
                .body("referrals[0].partnerName", notNullValue())
                .body("referrals[0].partnerCountry", equalTo("ES"))
                .body("referrals[0].pathway", equalTo("SPAIN"))
                .body("referrals[0].status", equalTo("SENT"))
                .body("referrals[0].sentAt", notNullValue())
                .body("referrals[0].package.applicant.givenName", equalTo("Ana María"))
                .body("readBy.what", hasItem("case.viewed"))
                .body("readBy.what", hasItem("referral.viewed-by-partner"))
                .body("readBy.who", hasItem("cw-copy-gt"))
                .body("history.what", hasItem("case.registered"))
                .body("history.what", hasItem("referral.sent"))
                .extract().jsonPath();
        Map<String, Object> top = copy.getMap("");
        assertThat(top).containsOnlyKeys("madeAt", "language", "case", "consentHistory", "notes", "referrals", "readBy",
                "history");
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ?::uuid and action = 'case.exported' "
                + "and details->>'format' = 'json'", id)).isEqualTo(1);
        given().auth().oauth2(TokenFixture.caseworker("CO")).get("/api/v1/cases/" + id + "/export").then().statusCode(404);
        given().auth().oauth2(ES).get("/api/v1/cases/" + id + "/export").then().statusCode(403);
        given().auth().oauth2(CASEWORKER).queryParam("lang", "spanish").get("/api/v1/cases/" + id + "/export").then()
                .statusCode(400);
    }

    private static String pdfText(String token, String id, String lang) throws Exception {
        var request = given().auth().oauth2(token).accept("application/pdf");
        if (lang != null) {
            request.queryParam("lang", lang);
        }
        byte[] pdf = request.get("/api/v1/cases/" + id + "/export").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void the_printed_copy_speaks_the_applicants_language() throws Exception {
        String id = referredCase();
        String number = Workflow.read(CASEWORKER, id).extract().path("caseNumber");
        String spanish = pdfText(CASEWORKER, id, null);
        assertThat(spanish).contains("Copia de su caso", number, "Ana María", "Núñez Peña", "Consentimiento",
                "Decisión de elegibilidad", "Prefers calls after 17:00", "SPAIN", "Quién consultó su caso", "cw-copy-gt");
        String english = pdfText(CASEWORKER, id, "en");
        assertThat(english).contains("Copy of your case", number, "Ana María", "Eligibility decision",
                "Referrals: what was shared, with whom, when", "Who read your case");
        for (String lang : List.of("es", "en")) {
            assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ?::uuid and action = 'case.exported' "
                    + "and details->>'format' = 'pdf' and details->>'language' = ?", id, lang)).isEqualTo(1);
        }
    }
}
