package org.safemobility.referral;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.Forms;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Two writers on one record at the same moment: one wins, the other is told to reload and retry (409 problem), never
 * a 500, and the case moves once.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class ConcurrentDecisionIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-race-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-race-gt", "GT");
    private static final String US = TokenFixture.partner("US");

    @Test
    void two_partner_decisions_on_one_referral_give_one_200_and_one_409() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String caseId = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
                String referral = Workflow.refer(CASEWORKER, SUPERVISOR, caseId, Forms.interview(false), "US_OTHER");
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Response>> both = List.of("ACCEPTED", "INFO_REQUESTED").stream()
                        .map(decision -> CompletableFuture.supplyAsync(() -> {
                            Map<String, Object> body = decision.equals("ACCEPTED") ? Map.of("decision", decision)
                                    : Map.of("decision", decision, "reason", "Need the city", "questions", List.of("Which city?"));
                            var request = given().auth().oauth2(US).contentType(ContentType.JSON).body(body);
                            try {
                                start.await();
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return request.post("/api/v1/partner/referrals/" + referral + "/decision");
                        }, writers)).toList();
                List<Response> responses = both.stream().map(CompletableFuture::join).toList();
                List<Integer> codes = responses.stream().map(Response::statusCode).sorted().toList();
                assertThat(codes).as("round %d: %s", round, responses.stream().map(Response::asString).toList())
                        .containsExactly(200, 409);
                Response loser = responses.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
                assertThat(loser.contentType()).startsWith("application/problem+json");
                assertThat(loser.asString()).containsAnyOf("reload it and retry", "not waiting for a decision");
                statuses.addAll(codes);
                String status = Workflow.read(CASEWORKER, caseId).extract().path("status");
                assertThat(status).isIn("REFERRED_ACCEPTED", "INFORMATION_REQUESTED");
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(statuses).doesNotContain(500);
    }
}
