package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RecordedSpans;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.WebhookReceiver;
import org.safemobility.fixtures.Workflow;

/**
 * Webhooks to a partner's endpoint (the Spanish partner's, pointed at a receiver inside the test): signed, delivered
 * once, retried until the receiver recovers, dead-lettered after the retry budget (3 s under the test profile) and
 * retried by a supervisor, with one stable event id throughout.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhookIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-webhook-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-webhook-gt", "GT");
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    // through the admin API, per test: REST Assured knows the test port only once a test instance runs
    @BeforeEach
    void pointSpainAtTheReceiver() {
        configureSpain(receiver.url(), receiver.secret());
    }

    @AfterEach
    void restoreSpain() {
        configureSpain(null, null);
    }

    private static void configureSpain(String url, String secret) {
        Map<String, Object> partner = new HashMap<>();
        partner.put("name", "Spain: resettlement and labour-based pathways");
        partner.put("country", "ES");
        partner.put("pathways", List.of(Map.of("pathway", "SPAIN", "requiresDocumentNumber", false,
                "sharesVulnerabilities", true, "sharesInterviewSummary", true)));
        partner.put("webhookUrl", url);
        partner.put("webhookSecret", secret);
        partner.put("active", true);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body(partner)
                .put("/api/v1/admin/partners/ES").then().statusCode(200);
    }

    private record Referred(String caseId, String referral) {
    }

    private static Referred referToSpain() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        return new Referred(id, Workflow.refer(CASEWORKER, SUPERVISOR, id, Forms.interview(false), "SPAIN"));
    }

    private static List<WebhookReceiver.Delivery> awaitDeliveries(String referral, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.forReferral(referral).size() >= count);
        return receiver.forReferral(referral);
    }

    @Test
    void a_new_referral_is_delivered_once_signed_as_standard_webhooks_describes() throws InterruptedException {
        String referral = referToSpain().referral();
        WebhookReceiver.Delivery delivery = awaitDeliveries(referral, 1).get(0);
        assertThat(delivery.signatureValid()).isTrue();
        assertThat(delivery.answeredWith()).isEqualTo(204);
        assertThat(delivery.type()).isEqualTo("referral.created");
        assertThat(delivery.webhookId()).isNotBlank();
        assertThat(delivery.payload().path("data").fieldNames()).toIterable().as("an announcement, not the package")
                .containsExactlyInAnyOrder("referralId", "caseNumber", "office", "pathway", "status", "revision", "href");
        assertThat(delivery.payload().path("data").path("href").asText()).isEqualTo("/api/v1/partner/referrals/" + referral);
        Thread.sleep(1500); // several poll intervals: a delivered event is not sent again
        assertThat(receiver.forReferral(referral)).hasSize(1);
    }

    /**
     * A partner URL that resolves to an internal address is never called: here {@code localhost} at the receiver's
     * own port (only 127.0.0.1 is allowed under the test profile), the cloud metadata address and a private one. The
     * event is dead-lettered as BLOCKED_ADDRESS, with no remote error text.
     */
    @Test
    void a_webhook_to_an_internal_address_is_refused_before_any_connection() {
        String secret = receiver.secret();
        for (String url : List.of(receiver.url().replace("127.0.0.1", "localhost"), "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.7:5432/", "http://[::1]:" + java.net.URI.create(receiver.url()).getPort() + "/hooks/smo")) {
            configureSpain(url, secret);
            String referral = referToSpain().referral();
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(SUPERVISOR)
                    .get("/api/v1/outbox/dead-letters?office=GT&size=100").then().statusCode(200)
                    .extract().path("items.find { it.referralId == '" + referral + "' }") != null);
            given().auth().oauth2(SUPERVISOR).get("/api/v1/outbox/dead-letters?office=GT&size=100").then()
                    .body("items.find { it.referralId == '" + referral + "' }.lastError", equalTo("BLOCKED_ADDRESS"))
                    .body("items.find { it.referralId == '" + referral + "' }.lastStatus", org.hamcrest.Matchers.nullValue());
            assertThat(receiver.forReferral(referral)).as(url).isEmpty();
        }
    }

    @Test
    void a_failing_partner_gets_the_same_event_again_until_it_recovers() {
        receiver.failNext(2);
        String referral = referToSpain().referral();
        List<WebhookReceiver.Delivery> attempts = awaitDeliveries(referral, 3);
        assertThat(attempts).extracting(WebhookReceiver.Delivery::answeredWith).containsExactly(503, 503, 204);
        assertThat(attempts).extracting(WebhookReceiver.Delivery::webhookId).as("stable across retries")
                .containsOnly(attempts.get(0).webhookId());
        assertThat(attempts).allMatch(WebhookReceiver.Delivery::signatureValid);
    }

    @Test
    void an_event_never_accepted_is_dead_lettered_and_a_supervisor_can_send_it_again() {
        receiver.failAlways(true);
        String referral;
        String event;
        try {
            referral = referToSpain().referral();
            await().atMost(Duration.ofSeconds(20)).until(() -> given().auth().oauth2(SUPERVISOR)
                    .get("/api/v1/outbox/dead-letters?office=GT&size=100").then().statusCode(200)
                    .extract().path("items.find { it.referralId == '" + referral + "' }") != null);
            event = given().auth().oauth2(SUPERVISOR).get("/api/v1/outbox/dead-letters?office=GT&size=100").then()
                    .body("items.find { it.referralId == '" + referral + "' }.lastStatus", equalTo(503))
                    .body("items.find { it.referralId == '" + referral + "' }.type", equalTo("referral.created"))
                    .body("items.find { it.referralId == '" + referral + "' }.partner", equalTo("ES"))
                    .extract().path("items.find { it.referralId == '" + referral + "' }.id");
            assertThat(receiver.forReferral(referral)).hasSizeGreaterThan(2)
                    .extracting(WebhookReceiver.Delivery::webhookId).containsOnly(event);
            given().auth().oauth2(SUPERVISOR).get("/api/v1/escalations?office=GT&size=100").then()
                    .body("items.find { it.reference == '" + event + "' }.kind", equalTo("WEBHOOK_DEAD_LETTERED"));
        } finally {
            receiver.failAlways(false);
        }
        given().auth().oauth2(CASEWORKER).get("/api/v1/outbox/dead-letters").then().statusCode(403);
        given().auth().oauth2(TokenFixture.supervisor("EC")).post("/api/v1/outbox/dead-letters/" + event + "/retry")
                .then().statusCode(404);

        int before = receiver.forReferral(referral).size();
        given().auth().oauth2(SUPERVISOR).post("/api/v1/outbox/dead-letters/" + event + "/retry").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        List<WebhookReceiver.Delivery> after = awaitDeliveries(referral, before + 1);
        assertThat(after.get(after.size() - 1).answeredWith()).isEqualTo(204);
        assertThat(after.get(after.size() - 1).webhookId()).isEqualTo(event);
        given().auth().oauth2(SUPERVISOR).get("/api/v1/outbox/dead-letters?office=GT&size=100").then()
                .body("items.id", not(hasItem(event)));
        given().auth().oauth2(SUPERVISOR).post("/api/v1/outbox/dead-letters/" + event + "/retry").then().statusCode(409);
    }

    @Test
    void a_withdrawal_is_announced_after_the_referral_it_withdraws() {
        Referred referred = referToSpain();
        awaitDeliveries(referred.referral(), 1);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "Found work locally"))
                .post("/api/v1/cases/" + referred.caseId() + "/withdraw").then().statusCode(200);
        assertThat(awaitDeliveries(referred.referral(), 2)).extracting(WebhookReceiver.Delivery::type)
                .containsExactly("referral.created", "referral.withdrawn");
    }

    /**
     * The withdrawal's request and the webhook it caused are one trace: the worker continues the trace stored with the
     * event, in a span of its own, and hands it on to the partner in {@code traceparent}.
     */
    @Test
    void a_webhook_continues_the_trace_of_the_request_that_caused_it() {
        Referred referred = referToSpain();
        awaitDeliveries(referred.referral(), 1);
        String traceParent = RecordedSpans.newTraceParent();
        String traceId = RecordedSpans.traceIdOf(traceParent);
        given().auth().oauth2(CASEWORKER).header("traceparent", traceParent).contentType(ContentType.JSON)
                .body(Map.of("reason", "Found work locally"))
                .post("/api/v1/cases/" + referred.caseId() + "/withdraw").then().statusCode(200);
        WebhookReceiver.Delivery withdrawn = awaitDeliveries(referred.referral(), 2).get(1);
        assertThat(withdrawn.traceParent()).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(10)).until(() -> RecordedSpans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getName().equals("webhook referral.withdrawn")));
        SpanData delivery = RecordedSpans.ofTrace(traceId).stream()
                .filter(s -> s.getName().equals("webhook referral.withdrawn")).findFirst().orElseThrow();
        assertThat(withdrawn.traceParent()).as("the partner sees the delivery's span as its parent")
                .contains(delivery.getSpanId());
        assertThat(delivery.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(204L);
        assertThat(delivery.getAttributes().get(AttributeKey.stringKey("smo.webhook.event_id")))
                .isEqualTo(withdrawn.webhookId());
        assertThat(RecordedSpans.ofTrace(traceId)).as("the request's own span is in the same trace")
                .anyMatch(s -> s.getKind() == SpanKind.SERVER && s.getName().equals("POST /api/v1/cases/{id}/withdraw"));
    }
}
