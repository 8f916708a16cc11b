package org.safemobility.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RecordedSpans;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;

/**
 * Every request belongs to a W3C trace: the caller's when it sends a {@code traceparent}, a new one otherwise. Its id
 * is in every problem response; its spans cover the HTTP request and each database statement it made.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class TracingIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-tracing-gt", "GT");
    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

    @Test
    void a_problem_names_the_trace_of_the_request_the_callers_own_when_it_sent_one() {
        given().get("/api/v1/cases").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).body("traceId", matchesPattern("[0-9a-f]{32}"));
        String traceParent = RecordedSpans.newTraceParent();
        given().auth().oauth2(CASEWORKER).header("traceparent", traceParent)
                .get("/api/v1/cases/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE).body("traceId", equalTo(RecordedSpans.traceIdOf(traceParent)));
        given().auth().oauth2(CASEWORKER).header("traceparent", RecordedSpans.newTraceParent()).contentType(ContentType.JSON)
                .body("{\"applicant\": 7}").post("/api/v1/cases").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("traceId", matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void two_requests_without_a_traceparent_are_two_traces() {
        String first = given().get("/api/v1/cases").then().statusCode(401).extract().path("traceId");
        String second = given().get("/api/v1/cases").then().statusCode(401).extract().path("traceId");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_registration_is_one_trace_of_its_request_and_its_database_statements() {
        String traceParent = RecordedSpans.newTraceParent();
        String traceId = RecordedSpans.traceIdOf(traceParent);
        RegistrationFixture registration = RegistrationFixture.valid("GT");
        String documentNumber = (String) ((java.util.Map<?, ?>) registration.body().get("applicant")).get("documentNumber");
        given().auth().oauth2(CASEWORKER).header("traceparent", traceParent).contentType(ContentType.JSON)
                .body(registration.body()).post("/api/v1/cases").then().statusCode(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> RecordedSpans.ofTrace(traceId).stream()
                .anyMatch(s -> s.getKind() == SpanKind.SERVER));
        List<SpanData> spans = RecordedSpans.ofTrace(traceId);
        SpanData request = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        assertThat(request.getName()).isEqualTo("POST /api/v1/cases");
        assertThat(request.getParentSpanId()).as("a child of the caller's span").isEqualTo(traceParent.substring(36, 52));
        List<SpanData> statements = spans.stream().filter(s -> "postgresql".equals(s.getAttributes().get(DB_SYSTEM))).toList();
        assertThat(statements).as("the case's, the engine's and the audit trail's statements").hasSizeGreaterThan(20);
        assertThat(statements).allSatisfy(s -> assertThat(s.getKind()).isEqualTo(SpanKind.CLIENT));
        assertThat(statements).extracting(s -> s.getAttributes().get(AttributeKey.stringKey("db.statement")))
                .as("statements bind their values: nothing an applicant wrote is in a span")
                .noneMatch(sql -> sql != null && sql.contains(documentNumber))
                .anyMatch(sql -> sql != null && sql.contains("smo.case_file"));
    }
}
