package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * A suspended pathway holds approved cases instead of referring them (no partner deadline), holds referrals already
 * sent (the partner is told), and lets go of both when the suspension is lifted; the office may choose another
 * pathway meanwhile. The US refugee programme's suspension of 27 January 2025 ships as data.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PathwaySuspensionIT {

    private static final String GT_CASEWORKER = TokenFixture.caseworkerNamed("cw-suspension-gt", "GT");
    private static final String GT_SUPERVISOR = TokenFixture.supervisorNamed("sup-suspension-gt", "GT");
    private static final String EC_CASEWORKER = TokenFixture.caseworkerNamed("cw-suspension-ec", "EC");
    private static final String EC_SUPERVISOR = TokenFixture.supervisorNamed("sup-suspension-ec", "EC");
    private static final String SUSPENSIONS = "/api/v1/admin/pathway-suspensions";

    @Inject
    AgroalDataSource db;

    /** A case approved for the pathway by its supervisor; the send step runs asynchronously after. */
    private static String approved(String caseworker, String supervisor, String office, String pathway) {
        String id = Workflow.register(caseworker, RegistrationFixture.valid(office));
        Workflow.work(caseworker, id, "schedule-interview", Forms.schedule());
        Workflow.work(caseworker, id, "conduct-interview", Forms.interview(false));
        Workflow.work(supervisor, id, "supervisor-review", Forms.approve(pathway));
        return id;
    }

    private static void awaitStatus(String token, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(Workflow.read(token, id).extract().path("status")));
    }

    @Test
    void the_us_refugee_suspension_ships_as_data_and_holds_approved_cases_until_the_office_chooses_another_pathway() {
        given().auth().oauth2(TokenFixture.admin()).queryParam("pathway", "US_REFUGEE").get(SUSPENSIONS).then()
                .statusCode(200)
                .body("find { it.startsOn == '2025-01-27' }.office", nullValue())
                .body("find { it.startsOn == '2025-01-27' }.reason", containsString("Executive Order 14163"));
        given().auth().oauth2(GT_CASEWORKER).queryParam("office", "GT").queryParam("nationality", "HND")
                .queryParam("arrivalDate", "2024-01-10").get("/api/v1/eligibility/check").then().statusCode(200)
                .body("eligible", equalTo(true))
                .body("pathways", hasItem("US_REFUGEE"))
                .body("suspendedPathways.pathway", hasItem("US_REFUGEE"))
                .body("intake.open", equalTo(true));

        String id = approved(GT_CASEWORKER, GT_SUPERVISOR, "GT", "US_REFUGEE");
        awaitStatus(GT_CASEWORKER, id, "PATHWAY_ON_HOLD");
        Workflow.read(GT_CASEWORKER, id)
                .body("currentActivities", equalTo(List.of("await-pathway")))
                .body("suspendedPathways.find { it.pathway == 'US_REFUGEE' }.since", equalTo("2025-01-27"));
        given().auth().oauth2(GT_CASEWORKER).get("/api/v1/cases/" + id + "/referrals").then().body("$", empty());
        assertThat(Rows.count(db, "select count(*) from smo.escalation where case_id = ?", UUID.fromString(id)))
                .as("a hold is not a failure: no escalation, no incident").isZero();
        given().auth().oauth2(GT_SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "CLOSE", "outcome", "PROGRAMME_SUSPENDED", "reason", "what if", "dryRun", true,
                        "filter", Map.of("pathway", "US_REFUGEE", "statuses", List.of("PATHWAY_ON_HOLD"))))
                .post("/api/v1/bulk-actions").then().statusCode(200)
                .body("byStatus.PATHWAY_ON_HOLD", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        String other = "/api/v1/cases/" + id + "/referrals/other-pathway";
        given().auth().oauth2(GT_CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("pathway", "US_REFUGEE", "reason", "x")).post(other).then().statusCode(400)
                .body("errors[0].field", equalTo("pathway"));
        given().auth().oauth2(GT_CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("pathway", "CANADA")).post(other).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(TokenFixture.caseworker("CR")).contentType(ContentType.JSON)
                .body(Map.of("pathway", "CANADA", "reason", "x")).post(other).then().statusCode(404);
        given().auth().oauth2(GT_CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("pathway", "CANADA", "reason", "Family in Toronto; US refugee admissions suspended"))
                .post(other).then().statusCode(204);
        Workflow.awaitReferral(GT_CASEWORKER, id, "CANADA", 1);
        Workflow.read(GT_CASEWORKER, id).body("status", equalTo("REFERRED"));
        given().auth().oauth2(GT_CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("pathway", "SPAIN", "reason", "x")).post(other).then().statusCode(409);
        given().auth().oauth2(GT_CASEWORKER).get("/api/v1/cases/" + id + "/history").then()
                .body("items.findAll { it.source == 'audit' }.event",
                        org.hamcrest.Matchers.hasItems("case.held-pathway-suspended", "case.pathway-hold-released"));
    }

    @Test
    void a_suspension_holds_sent_referrals_and_approved_cases_and_lifting_it_lets_both_go_on() {
        String sent = approved(EC_CASEWORKER, EC_SUPERVISOR, "EC", "SPAIN");
        String referral = Workflow.awaitReferral(EC_CASEWORKER, sent, "SPAIN", 1);
        LocalDate today = LocalDate.now(ZoneId.of("America/Guayaquil"));

        String suspension = given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                .body(Map.of("pathway", "SPAIN", "office", "EC", "startsOn", today.minusDays(1).toString(),
                        "reason", "Test: Spain's programme paused for Ecuador"))
                .post(SUSPENSIONS).then().statusCode(201).header("Location", containsString(SUSPENSIONS))
                .body("office", equalTo("EC")).extract().path("id");
        try {
            // the referral the partner already has is held, and the partner told
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TokenFixture.partner("ES"))
                    .get("/api/v1/partner/referrals/" + referral).then().statusCode(200).extract().path("heldSince") != null);
            assertThat(Rows.count(db, "select count(*) from smo.outbox_event where referral_id = ? and type = 'referral.held'",
                    UUID.fromString(referral))).isEqualTo(1);

            // a case approved now waits; the other offices are not affected
            String waiting = approved(EC_CASEWORKER, EC_SUPERVISOR, "EC", "SPAIN");
            awaitStatus(EC_CASEWORKER, waiting, "PATHWAY_ON_HOLD");
            given().auth().oauth2(EC_CASEWORKER).queryParam("office", "EC").queryParam("nationality", "VEN")
                    .queryParam("arrivalDate", "2023-01-10").get("/api/v1/eligibility/check").then()
                    .body("suspendedPathways.pathway", hasItem("SPAIN"));
            given().auth().oauth2(GT_CASEWORKER).queryParam("office", "GT").queryParam("nationality", "VEN")
                    .queryParam("arrivalDate", "2023-01-10").get("/api/v1/eligibility/check").then().statusCode(200)
                    .body("suspendedPathways.pathway", hasItem("US_REFUGEE")) // every office's
                    .body("suspendedPathways.pathway", not(hasItem("SPAIN"))); // Ecuador's alone

            // the admin lifts it from today: the case is referred, the held referral resumes
            int version = given().auth().oauth2(TokenFixture.admin()).get(SUSPENSIONS + "/" + suspension).then()
                    .statusCode(200).extract().path("version");
            given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                    .body(Map.of("liftedOn", today.minusDays(2).toString(), "reason", "x", "version", version))
                    .put(SUSPENSIONS + "/" + suspension).then().statusCode(400).body("errors[0].field", equalTo("liftedOn"));
            given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                    .body(Map.of("liftedOn", today.toString(), "reason", "x", "version", version + 1))
                    .put(SUSPENSIONS + "/" + suspension).then().statusCode(412);
            given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                    .body(Map.of("liftedOn", today.toString(), "reason", "Spain resumed", "version", version))
                    .put(SUSPENSIONS + "/" + suspension).then().statusCode(200).body("liftedOn", equalTo(today.toString()));
            suspension = null;
            given().auth().oauth2(EC_CASEWORKER).queryParam("office", "EC").queryParam("nationality", "VEN")
                    .queryParam("arrivalDate", "2023-01-10").get("/api/v1/eligibility/check").then().statusCode(200)
                    .body("suspendedPathways.pathway", not(hasItem("SPAIN"))); // lifted from today on

            Workflow.awaitReferral(EC_CASEWORKER, waiting, "SPAIN", 1);
            Workflow.read(EC_CASEWORKER, waiting).body("status", equalTo("REFERRED"))
                    .body("currentActivities", equalTo(List.of("await-partner-decision")));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TokenFixture.partner("ES"))
                    .get("/api/v1/partner/referrals/" + referral).then().extract().path("heldSince") == null);
            assertThat(Rows.count(db, "select count(*) from smo.outbox_event where referral_id = ? and type = 'referral.resumed'",
                    UUID.fromString(referral))).isEqualTo(1);
            given().auth().oauth2(EC_CASEWORKER).get("/api/v1/cases/" + sent + "/referrals").then()
                    .body("[0].heldSince", nullValue()).body("[0].status", equalTo("SENT"));
        } finally {
            if (suspension != null) { // a failed assertion must not leave Spain suspended for Ecuador's other tests
                int version = given().auth().oauth2(TokenFixture.admin()).get(SUSPENSIONS + "/" + suspension).then()
                        .extract().path("version");
                given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                        .body(Map.of("liftedOn", today.toString(), "reason", "test cleanup", "version", version))
                        .put(SUSPENSIONS + "/" + suspension).then().statusCode(200);
            }
        }
    }

    @Test
    void suspensions_are_admin_data_and_bad_ones_are_refused() {
        given().auth().oauth2(GT_SUPERVISOR).get(SUSPENSIONS).then().statusCode(403);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                .body(Map.of("pathway", "SPAIN", "startsOn", "2026-01-10", "liftedOn", "2026-01-01", "reason", "x"))
                .post(SUSPENSIONS).then().statusCode(400).body("errors[0].field", equalTo("liftedOn"));
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                .body(Map.of("pathway", "MARS", "startsOn", "2026-01-10", "reason", "x"))
                .post(SUSPENSIONS).then().statusCode(400);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON)
                .body(Map.of("pathway", "SPAIN", "office", "XX", "startsOn", "2026-01-10", "reason", "x"))
                .post(SUSPENSIONS).then().statusCode(400).body("errors[0].field", equalTo("office"));
        given().auth().oauth2(TokenFixture.admin()).get(SUSPENSIONS + "/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TokenFixture.admin()).get(SUSPENSIONS).then().statusCode(200)
                .body("id", notNullValue());
    }
}
