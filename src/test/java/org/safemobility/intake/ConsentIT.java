package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Consent by purpose: recorded with when and by whom, required for processing, and what withdrawing it sets off. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConsentIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-consent-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-consent-gt", "GT");
    private static final String ES = TokenFixture.partner("ES");

    @Inject
    RuntimeService runtime;

    @Inject
    ManagementService management;

    @Inject
    AgroalDataSource db;

    static ValidatableResponse consent(String token, String caseId, String purpose, Object given) {
        Map<String, Object> body = new HashMap<>();
        body.put("purpose", purpose);
        body.put("given", given);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/v1/cases/" + caseId + "/consent").then();
    }

    @Test
    void each_purpose_is_answered_at_registration_and_every_answer_is_kept_with_who_recorded_it() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT")
                .with("consent", Map.of("processing", true, "partnerSharing", true)));
        Workflow.read(CASEWORKER, id).body("consent.processing", equalTo(true))
                .body("consent.partnerSharing", equalTo(true)).body("consent.hostGovernmentSharing", equalTo(false));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/consent").then().statusCode(200)
                .body("history", hasSize(3))
                .body("history.recordedBy", everyItem(equalTo("cw-consent-gt")))
                .body("history.find { it.purpose == 'HOST_GOVERNMENT_SHARING' }.given", equalTo(false));

        consent(CASEWORKER, id, "HOST_GOVERNMENT_SHARING", true).statusCode(200)
                .body("hostGovernmentSharing", equalTo(true)).body("history", hasSize(4));
        consent(CASEWORKER, id, "HOST_GOVERNMENT_SHARING", true).statusCode(200).body("history", hasSize(4));
        consent(CASEWORKER, id, "TELEPATHY", true).statusCode(400).contentType("application/problem+json");
        consent(CASEWORKER, id, "PARTNER_SHARING", null).statusCode(400).body("errors.field", hasItem("given"));
        consent(TokenFixture.caseworker("CO"), id, "PARTNER_SHARING", false).statusCode(404);
        given().auth().oauth2(TokenFixture.caseworker("CO")).get("/api/v1/cases/" + id + "/consent").then().statusCode(404);
        long audited = Rows.count(db, "select count(*) from smo.audit_event where case_id = ?::uuid and action = 'case.consent-changed'", id);
        assertThat(audited).isEqualTo(1);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ?::uuid and action = 'case.consent-viewed' "
                + "and actor = 'cw-consent-gt'", id)).isEqualTo(1); // the GET above; the 404s read nothing
    }

    @Test
    void withdrawing_sharing_during_an_open_referral_withdraws_it_and_the_send_step_refuses_until_given_again() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String referral = Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(false), "SPAIN");

        consent(CASEWORKER, id, "PARTNER_SHARING", false).statusCode(200).body("partnerSharing", equalTo(false));
        given().auth().oauth2(ES).get("/api/v1/partner/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("package", nullValue());
        assertThat(Rows.count(db, "select count(*) from smo.outbox_event where referral_id = ?::uuid and type = 'referral.withdrawn'",
                referral)).isEqualTo(1);
        Workflow.read(CASEWORKER, id).body("status", equalTo("PATHWAY_APPROVED"));

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("send-referral");
        assertThat(incident.getIncidentMessage()).contains("has not consented");

        consent(CASEWORKER, id, "PARTNER_SHARING", true).statusCode(200);
        management.setJobRetries(incident.getConfiguration(), 1); // what a supervisor's incident retry does
        Workflow.awaitReferral(CASEWORKER, id, "SPAIN", 1);
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED"));
    }

    @Test
    void withdrawing_consent_to_processing_closes_the_case_and_withdraws_every_purpose() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        consent(CASEWORKER, id, "PROCESSING", false).statusCode(200)
                .body("processing", equalTo(false)).body("partnerSharing", equalTo(false));
        Workflow.read(CASEWORKER, id).body("status", equalTo("WITHDRAWN"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isZero();
        consent(CASEWORKER, id, "PARTNER_SHARING", true).statusCode(409).contentType("application/problem+json");
        consent(CASEWORKER, id, "PROCESSING", true).statusCode(409);
    }

    @Test
    void a_patch_cannot_withdraw_consent_to_processing_but_can_change_sharing() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String etag = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id).then().extract().header("ETag");
        given().auth().oauth2(CASEWORKER).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("consent", Map.of("processing", false))).patch("/api/v1/cases/" + id).then()
                .statusCode(400).body("errors.field", hasItem("consent.processing"));
        given().auth().oauth2(CASEWORKER).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("consent", Map.of("partnerSharing", false))).patch("/api/v1/cases/" + id).then()
                .statusCode(200).body("consent.partnerSharing", equalTo(false)).body("consent.processing", equalTo(true));
    }
}
