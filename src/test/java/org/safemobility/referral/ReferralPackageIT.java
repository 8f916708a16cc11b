package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Data minimization: what a partner reads of a referral, field by field, and what it never reads. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReferralPackageIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-package-co", "CO");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-package-co", "CO");
    private static final String NOTE = "Internal: applicant fears being seen at the consulate";

    /** A case with everything a case can hold: contact details, a document, a note, ties in three countries. */
    private static String referredCase(String pathway) {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("CO")
                .with("applicant.givenName", "María").with("applicant.familyName", "González Pérez")
                .with("applicant.documentNumber", "V1234567"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("text", NOTE))
                .post("/api/v1/cases/" + id + "/notes").then().statusCode(201);
        Map<String, Object> interview = Forms.with(Forms.interview(true), "familyTies", List.of(
                Map.of("country", "US", "relationship", "SIBLING", "city", "Houston"),
                Map.of("country", "CA", "relationship", "PARENT", "city", "Toronto"),
                Map.of("country", "ES", "relationship", "OTHER", "city", "Madrid")));
        Workflow.refer(CASEWORKER, SUPERVISOR, id, interview, pathway);
        return id;
    }

    private static String read(String partner, String caseId, String pathway) {
        String referral = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + caseId + "/referrals").then()
                .extract().path("find { it.pathway == '" + pathway + "' }.id");
        return given().auth().oauth2(partner).get("/api/v1/partner/referrals/" + referral).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void a_referral_holds_only_what_the_partner_needs() {
        String id = referredCase("SPAIN");
        String body = read(TokenFixture.partner("ES"), id, "SPAIN");
        JsonPath json = JsonPath.from(body);

        assertThat(json.getMap("$").keySet()).containsExactlyInAnyOrder("id", "caseNumber", "office", "pathway", "status",
                "revision", "sentAt", "updatedAt", "package", "decisionReason", "decidedAt", "questions", "heldSince");
        assertThat(json.getMap("package").keySet()).containsExactlyInAnyOrder("caseNumber", "office", "pathway",
                "applicant", "document", "household", "protection", "familyTies", "answers");
        assertThat(json.getMap("package.applicant")).containsOnlyKeys("givenName", "familyName", "dateOfBirth",
                "nationality", "relationship");
        assertThat(json.getString("package.applicant.givenName")).isEqualTo("María");
        assertThat(json.getString("package.applicant.familyName")).isEqualTo("González Pérez");
        assertThat(json.getString("package.applicant.dateOfBirth")).isEqualTo("1990-04-12");
        assertThat(json.getString("package.applicant.nationality")).isEqualTo("VEN");
        assertThat(json.getString("package.document")).as("Spain's pathways do not need the document").isNull();
        assertThat(json.getList("package.household", Map.class)).hasSize(1);
        assertThat(json.getMap("package.household[0]")).containsOnlyKeys("givenName", "familyName", "dateOfBirth",
                "nationality", "relationship");
        assertThat(json.getString("package.household[0].relationship")).isEqualTo("CHILD");
        assertThat(json.getMap("package.protection")).containsOnlyKeys("needs", "vulnerabilities", "summary");
        assertThat(json.getList("package.protection.vulnerabilities")).containsExactly("MEDICAL_NEED", "SURVIVOR_OF_VIOLENCE");
        assertThat(json.getList("package.familyTies", Map.class)).as("ties in the partner's country only")
                .containsExactly(Map.of("relationship", "OTHER", "city", "Madrid"));
        assertThat(json.getString("package.caseNumber")).startsWith("CO-");
        assertThat(json.getString("package.office")).isEqualTo("CO");

        assertThat(body).as("never contact details, documents, notes, other countries' ties, eligibility or staff")
                .doesNotContain("+50212345678", "maria@correo.test", "V1234567", "PASSPORT", NOTE, "Toronto",
                        "2023-05-30", "ASYLUM_SEEKER", "FEMALE", "ruleId", "cw-package-co", "sup-package-co",
                        "interview", "appointment", id);
    }

    @Test
    void a_pathway_that_requires_the_identity_document_carries_it() {
        String id = referredCase("US_OTHER");
        JsonPath json = JsonPath.from(read(TokenFixture.partner("US"), id, "US_OTHER"));
        assertThat(json.getMap("package.document")).containsExactlyInAnyOrderEntriesOf(
                Map.of("type", "PASSPORT", "number", "V1234567"));
    }

    @Test
    void a_partners_list_carries_no_personal_data() {
        String id = referredCase("CANADA");
        String list = given().auth().oauth2(TokenFixture.partner("CA")).queryParam("size", 100)
                .get("/api/v1/partner/referrals").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(list).getMap("items[0]")).containsOnlyKeys("id", "caseNumber", "office", "pathway",
                "status", "revision", "sentAt", "updatedAt");
        assertThat(list).doesNotContain("María", "González", "1990-04-12", id);
    }
}
