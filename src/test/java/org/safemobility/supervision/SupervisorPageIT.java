package org.safemobility.supervision;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * The supervisors' page rendered in headless Chromium with a real signed token: the counts it draws on the diagram
 * and the rows of its table are those the API gives the same supervisor. A screenshot lands in
 * target/supervisor-page.png.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class SupervisorPageIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-page-gt", "GT");
    private static final String SUPERVISOR = TokenFixture.supervisorNamed("sup-page-gt", "GT");

    @TestHTTPResource("/supervisor/")
    URL page;

    @Inject
    TaskService engineTasks;

    @Test
    void the_page_shows_the_queues_the_api_reports() throws Exception {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        engineTasks.setDueDate(Workflow.taskOf(CASEWORKER, id, "schedule-interview"),
                Date.from(Instant.now().minus(Duration.ofHours(2)))); // one overdue task at least
        Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").notServed()); // and a refusal to review

        List<Map<String, Object>> queues = given().auth().oauth2(SUPERVISOR).get("/api/v1/queues").then().statusCode(200)
                .extract().path("items");
        Map<String, int[]> expected = new HashMap<>();
        for (Map<String, Object> q : queues) {
            int[] t = expected.computeIfAbsent((String) q.get("activity"), a -> new int[2]);
            t[0] += (Integer) q.get("open");
            t[1] += (Integer) q.get("overdue");
        }
        assertThat(expected).containsKeys("schedule-interview", "review-ineligible");

        JsonNode shown = render();
        assertThat(shown.get("errors")).as("no script errors and nothing the Content-Security-Policy blocked").isEmpty();
        JsonNode headers = shown.get("headers");
        String policy = headers.path("content-security-policy").asText();
        assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'", "default-src 'none'")
                .doesNotContain("'unsafe-eval'").doesNotContainPattern("script-src[^;]*'unsafe-inline'");
        assertThat(headers.path("x-content-type-options").asText()).isEqualTo("nosniff");
        assertThat(headers.path("referrer-policy").asText()).isEqualTo("no-referrer");
        assertThat(shown.get("ready").asText()).as(shown.get("status").asText()).isEqualTo("true");
        assertThat(shown.get("shapes").asInt()).as("the diagram is drawn").isGreaterThan(20);
        Map<String, int[]> drawn = new HashMap<>();
        for (JsonNode badge : shown.get("badges")) {
            drawn.put(badge.get("activity").asText(), new int[] {badge.get("open").asInt(), badge.get("overdue").asInt()});
            assertThat(badge.get("visible").asBoolean()).isTrue();
            assertThat(badge.get("text").asText()).isEqualTo(badge.get("open").asInt() + " open · "
                    + badge.get("overdue").asInt() + " overdue");
        }
        assertThat(drawn).containsOnlyKeys(expected.keySet());
        expected.forEach((activity, counts) -> assertThat(drawn.get(activity)).as(activity).containsExactly(counts));
        assertThat(shown.get("rows")).hasSize(queues.size());
        for (int i = 0; i < queues.size(); i++) {
            JsonNode row = shown.get("rows").get(i);
            assertThat(row.get(0).asText()).isEqualTo(queues.get(i).get("office"));
            assertThat(row.get(1).asText()).isEqualTo(queues.get(i).get("activity"));
            assertThat(row.get(2).asInt()).isEqualTo(queues.get(i).get("open"));
            assertThat(row.get(4).asInt()).isEqualTo(queues.get(i).get("overdue"));
        }
    }

    @Test
    void the_page_and_its_sign_in_settings_are_public_but_the_diagram_is_not() {
        given().get("/supervisor/").then().statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"));
        given().get("/supervisor/config.json").then().statusCode(200)
                .body("clientId", org.hamcrest.Matchers.equalTo("smo-portal"));
        given().get("/supervisor/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js").then().statusCode(200);
        given().get("/api/v1/workflows/smo-case").then().statusCode(401);
        given().auth().oauth2(CASEWORKER).get("/api/v1/workflows/smo-case").then().statusCode(403);
        given().auth().oauth2(SUPERVISOR).accept("application/xml").get("/api/v1/workflows/smo-case").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"smo-case\""));
    }

    private JsonNode render() throws IOException, InterruptedException {
        java.nio.file.Path errors = java.nio.file.Files.createTempFile("supervisor-page", ".log");
        Process node = new ProcessBuilder("node", "src/test/js/supervisor-page.mjs", page.toString(), SUPERVISOR,
                "target/supervisor-page.png").redirectError(errors.toFile()).start();
        byte[] out = node.getInputStream().readAllBytes();
        assertThat(node.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(java.nio.file.Files.readString(errors, StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out);
    }
}
