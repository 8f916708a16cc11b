package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Referral to partners through the HTTP API: each decision path to the case's end state, scope, and consent. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReferralIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-referral-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-referral-gt", "GT");
    private static final String EC_CASEWORKER = TokenFixture.caseworkerNamed("cw-referral-ec", "EC");
    private static final String EC_SUPERVISOR = TokenFixture.supervisorNamed("sup-referral-ec", "EC");
    private static final String US = TokenFixture.partner("US");
    private static final String CA = TokenFixture.partner("CA");
    private static final String ES = TokenFixture.partner("ES");

    @Inject
    ManagementService management;

    @Inject
    RuntimeService runtime;

    private static String referredCase(String pathway) {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(false), pathway);
        return id;
    }

    private static String referralOf(String caseId, String pathway) {
        return given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + caseId + "/referrals").then().statusCode(200)
                .extract().path("find { it.pathway == '" + pathway + "' }.id");
    }

    static ValidatableResponse decide(String partner, String referral, Map<String, ?> decision) {
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(decision)
                .post("/api/v1/partner/referrals/" + referral + "/decision").then();
    }

    @Test
    void an_accepted_referral_closes_the_case_as_referred_and_accepted() {
        String id = referredCase("US_OTHER");
        String referral = referralOf(id, "US_OTHER");
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED"))
                .body("currentActivities", equalTo(List.of("await-partner-decision")));
        given().auth().oauth2(US).queryParam("status", "SENT").queryParam("size", 100).get("/api/v1/partner/referrals")
                .then().statusCode(200).body("items.id", hasItem(referral));
        given().auth().oauth2(US).get("/api/v1/partner/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("SENT")).body("package.pathway", equalTo("US_OTHER"));

        decide(US, referral, Map.of("decision", "ACCEPTED")).statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decidedAt", org.hamcrest.Matchers.notNullValue());

        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED_ACCEPTED")).body("currentActivities", empty());
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/history").then().statusCode(200)
                .body("items.findAll { it.source == 'workflow' && it.event == 'completed' }.activity",
                        org.hamcrest.Matchers.hasItems("send-referral", "await-partner-decision", "referred-accepted"))
                .body("items.findAll { it.source == 'audit' }.event",
                        org.hamcrest.Matchers.hasItems("referral.sent", "referral.decided", "case.referrals-viewed",
                                "referral.viewed-by-partner"));
    }

    @Test
    void a_declined_referral_goes_to_another_pathway_and_a_second_decline_can_close_the_case() {
        String id = referredCase("US_OTHER");
        decide(US, referralOf(id, "US_OTHER"), Map.of("decision", "DECLINED")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        decide(US, referralOf(id, "US_OTHER"), Map.of("decision", "DECLINED", "reason", "Outside the programme's priorities"))
                .statusCode(200).body("status", equalTo("DECLINED"));
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRAL_DECLINED"))
                .body("currentActivities", equalTo(List.of("choose-next-pathway")));

        String task = Workflow.taskOf(CASEWORKER, id, "choose-next-pathway");
        Workflow.claim(CASEWORKER, task);
        complete(task, Map.of("decision", "REFER", "pathway", "US_OTHER")).statusCode(400)
                .body("errors[0].field", equalTo("pathway")).body("errors[0].message", containsString("declined"));
        complete(task, Map.of("decision", "REFER")).statusCode(400).body("errors[0].field", equalTo("pathway"));
        complete(task, Map.of("decision", "REFER", "pathway", "SPAIN")).statusCode(204);
        String spain = Workflow.awaitReferral(CASEWORKER, id, "SPAIN", 1);

        given().auth().oauth2(ES).get("/api/v1/partner/referrals/" + spain).then().statusCode(200)
                .body("pathway", equalTo("SPAIN")).body("package.pathway", equalTo("SPAIN"));
        given().auth().oauth2(US).get("/api/v1/partner/referrals/" + spain).then().statusCode(404);

        decide(ES, spain, Map.of("decision", "DECLINED", "reason", "No labour placement available")).statusCode(200);
        String closing = Workflow.taskOf(CASEWORKER, id, "choose-next-pathway");
        Workflow.claim(CASEWORKER, closing);
        complete(closing, Map.of("decision", "CLOSE")).statusCode(400).body("errors[0].field", equalTo("reason"));
        complete(closing, Map.of("decision", "CLOSE", "reason", "The applicant prefers to wait for US pathways to reopen"))
                .statusCode(204);
        Workflow.read(CASEWORKER, id).body("status", equalTo("NO_PATHWAY")).body("currentActivities", empty());
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/referrals").then()
                .body("pathway", equalTo(List.of("US_OTHER", "SPAIN")))
                .body("status", equalTo(List.of("DECLINED", "DECLINED")));
    }

    @Test
    void a_partners_questions_are_answered_by_the_office_and_the_referral_is_sent_again() {
        String id = Workflow.register(EC_CASEWORKER, RegistrationFixture.valid("EC"));
        Workflow.refer(EC_CASEWORKER, EC_SUPERVISOR, id, Forms.interview(false), "CANADA");
        String referral = given().auth().oauth2(EC_CASEWORKER).get("/api/v1/cases/" + id + "/referrals").then()
                .extract().path("[0].id");
        decide(CA, referral, Map.of("decision", "INFO_REQUESTED", "reason", "Family composition unclear")).statusCode(400)
                .body("errors[0].field", equalTo("questions"));
        decide(CA, referral, Map.of("decision", "ACCEPTED", "questions", List.of("Why?"))).statusCode(400)
                .body("errors[0].field", equalTo("questions"));
        decide(CA, referral, Map.of("decision", "INFO_REQUESTED", "reason", "Family composition unclear",
                "questions", List.of("Is the child's father travelling?", "Any relatives in Canada?"))).statusCode(200)
                .body("status", equalTo("INFO_REQUESTED"));
        Workflow.read(EC_CASEWORKER, id).body("status", equalTo("INFORMATION_REQUESTED"));
        given().auth().oauth2(EC_CASEWORKER).get("/api/v1/cases/" + id + "/referrals").then()
                .body("[0].questions", equalTo(List.of("Is the child's father travelling?", "Any relatives in Canada?")));

        String task = Workflow.taskOf(EC_CASEWORKER, id, "answer-partner-query");
        Workflow.claim(EC_CASEWORKER, task);
        given().auth().oauth2(EC_CASEWORKER).contentType(ContentType.JSON).body(Map.of("answer", " "))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(400).body("errors[0].field", equalTo("answer"));
        given().auth().oauth2(EC_CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("answer", "The father stays in Venezuela; no relatives in Canada."))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(204);
        assertThat(Workflow.awaitReferral(EC_CASEWORKER, id, "CANADA", 2)).isEqualTo(referral);

        given().auth().oauth2(CA).get("/api/v1/partner/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("SENT")).body("revision", equalTo(2))
                .body("package.answers[0].answer", equalTo("The father stays in Venezuela; no relatives in Canada."));
        decide(CA, referral, Map.of("decision", "ACCEPTED")).statusCode(200);
        Workflow.read(EC_CASEWORKER, id).body("status", equalTo("REFERRED_ACCEPTED"));
    }

    private static void partner(String id, String country, List<String> pathways, boolean create) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("id", id);
        body.put("name", "Partner " + id);
        body.put("country", country);
        body.put("pathways", pathways.stream().map(p -> Map.of("pathway", p, "requiresDocumentNumber", false,
                "sharesVulnerabilities", true, "sharesInterviewSummary", true)).toList());
        body.put("active", true);
        var request = given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body(body);
        (create ? request.post("/api/v1/admin/partners") : request.put("/api/v1/admin/partners/" + id))
                .then().statusCode(create ? 201 : 200);
    }

    @Test
    void an_answer_goes_to_the_partner_that_asked_even_after_the_pathway_moved_to_another() {
        String id = Workflow.register(EC_CASEWORKER, RegistrationFixture.valid("EC"));
        String referral = Workflow.refer(EC_CASEWORKER, EC_SUPERVISOR, id, Forms.interview(false), "CANADA");
        decide(CA, referral, Map.of("decision", "INFO_REQUESTED", "reason", "Unclear", "questions", List.of("Who travels?")))
                .statusCode(200);
        // an admin gives CANADA to a partner in another country while the office is answering
        partner("CA", "CA", List.of(), false);
        partner("MOVED_TO", "US", List.of("CANADA"), true);
        try {
            String task = Workflow.taskOf(EC_CASEWORKER, id, "answer-partner-query");
            Workflow.claim(EC_CASEWORKER, task);
            given().auth().oauth2(EC_CASEWORKER).contentType(ContentType.JSON).body(Map.of("answer", "Mother and daughter."))
                    .post("/api/v1/tasks/" + task + "/complete").then().statusCode(204);
            assertThat(Workflow.awaitReferral(EC_CASEWORKER, id, "CANADA", 2)).isEqualTo(referral);
            given().auth().oauth2(CA).get("/api/v1/partner/referrals/" + referral).then().statusCode(200)
                    .body("revision", equalTo(2))
                    .body("package.familyTies", empty()) // ties in Canada, the asking partner's country: none (Houston is in the US)
                    .body("package.answers[0].answer", equalTo("Mother and daughter."));
            given().auth().oauth2(TokenFixture.partner("MOVED_TO")).get("/api/v1/partner/referrals/" + referral).then()
                    .statusCode(404);
        } finally {
            partner("MOVED_TO", "US", List.of(), false);
            partner("CA", "CA", List.of("CANADA"), false);
        }
    }

    @Test
    void a_decision_is_idempotent_by_key_and_refused_once_the_referral_no_longer_waits() {
        String referral = referralOf(referredCase("US_OTHER"), "US_OTHER");
        Map<String, Object> accept = Map.of("decision", "ACCEPTED", "reason", "Sponsor verified");
        given().auth().oauth2(US).header("Idempotency-Key", "decision-" + referral).contentType(ContentType.JSON)
                .body(accept).post("/api/v1/partner/referrals/" + referral + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(US).header("Idempotency-Key", "decision-" + referral).contentType(ContentType.JSON)
                .body(accept).post("/api/v1/partner/referrals/" + referral + "/decision").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("decisionReason", equalTo("Sponsor verified"));
        given().auth().oauth2(US).header("Idempotency-Key", "decision-" + referral).contentType(ContentType.JSON)
                .body(Map.of("decision", "DECLINED", "reason", "changed our mind"))
                .post("/api/v1/partner/referrals/" + referral + "/decision").then().statusCode(422);
        decide(US, referral, Map.of("decision", "DECLINED", "reason", "changed our mind")).statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ACCEPTED"));
    }

    @Test
    void partners_see_only_their_own_referrals_and_staff_cannot_use_the_partner_api() {
        String id = referredCase("US_OTHER");
        String referral = referralOf(id, "US_OTHER");
        given().auth().oauth2(CA).get("/api/v1/partner/referrals/" + referral).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(CA).queryParam("size", 100).get("/api/v1/partner/referrals").then().statusCode(200)
                .body("items.id", not(hasItem(referral)));
        decide(CA, referral, Map.of("decision", "ACCEPTED")).statusCode(404);
        given().auth().oauth2(CASEWORKER).get("/api/v1/partner/referrals").then().statusCode(403);
        given().auth().oauth2(US).get("/api/v1/cases/" + id).then().statusCode(403);
        given().auth().oauth2(US).get("/api/v1/cases/" + id + "/referrals").then().statusCode(403);
        given().auth().oauth2(TokenFixture.partnerWithoutClaim()).get("/api/v1/partner/referrals").then().statusCode(403)
                .body("detail", containsString("partner"));
        given().auth().oauth2(US).queryParam("status", "MAYBE").get("/api/v1/partner/referrals").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(TokenFixture.caseworker("CO")).get("/api/v1/cases/" + id + "/referrals").then().statusCode(404);
    }

    @Test
    void withdrawing_a_referred_case_withdraws_its_referral() {
        String id = referredCase("SPAIN");
        String referral = referralOf(id, "SPAIN");
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Returned home"))
                .post("/api/v1/cases/" + id + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(ES).get("/api/v1/partner/referrals/" + referral).then().body("status", equalTo("WITHDRAWN"));
        decide(ES, referral, Map.of("decision", "ACCEPTED")).statusCode(409);
    }

    @Test
    void a_partner_past_its_sla_is_escalated_to_supervisors_and_may_still_decide() {
        String id = referredCase("CANADA");
        String referral = referralOf(id, "CANADA");
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        String timer = management.createJobQuery().processInstanceId(instance).activityId("partner-decision-overdue")
                .singleResult().getId();
        management.executeJob(timer); // what the job executor does after 30 days

        given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations?office=GT&size=100").then().statusCode(200)
                .body("items.find { it.reference == '" + referral + "' }.kind", equalTo("PARTNER_DECISION_OVERDUE"))
                .body("items.find { it.reference == '" + referral + "' }.caseId", equalTo(id));
        Workflow.read(CASEWORKER, id).body("currentActivities", equalTo(List.of("await-partner-decision")));
        decide(TokenFixture.partner("CA"), referral, Map.of("decision", "ACCEPTED")).statusCode(200);
    }

    @Test
    void without_consent_to_share_the_referral_step_fails_visibly_until_consent_is_recorded() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("consent", Map.of("processing", true, "partnerSharing", false)));
        Workflow.work(CASEWORKER, id, "schedule-interview", Forms.schedule());
        Workflow.work(CASEWORKER, id, "conduct-interview", Forms.interview(false));
        Workflow.work(SUPERVISOR, id, "supervisor-review", Forms.approve("US_OTHER"));

        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.createIncidentQuery().processInstanceId(instance).count() == 1);
        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("send-referral");
        assertThat(incident.getIncidentMessage()).contains("has not consented");
        given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations?office=GT&size=100").then()
                .body("items.find { it.kind == 'REFERRAL_BLOCKED' && it.caseId == '" + id + "' }.detail",
                        containsString("consented"));
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id + "/referrals").then().body("$", empty());
        Workflow.read(CASEWORKER, id).body("status", equalTo("PATHWAY_APPROVED"));

        long version = ((Number) Workflow.read(CASEWORKER, id).extract().path("version")).longValue();
        given().auth().oauth2(CASEWORKER).header("If-Match", "\"" + version + "\"").contentType(ContentType.JSON)
                .body(Map.of("consent", Map.of("given", true))).patch("/api/v1/cases/" + id).then().statusCode(200);
        management.setJobRetries(incident.getConfiguration(), 1); // what a supervisor's incident retry does
        Workflow.awaitReferral(CASEWORKER, id, "US_OTHER", 1);
        Workflow.read(CASEWORKER, id).body("status", equalTo("REFERRED"));
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    }

    private static ValidatableResponse complete(String task, Map<String, ?> form) {
        return given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(form)
                .post("/api/v1/tasks/" + task + "/complete").then();
    }
}
