package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TestClock;
import org.safemobility.fixtures.TokenFixture;

/** Offices take applications when their intake says so: paused, reopened on a day, backdated, up to a daily quota. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class IntakeIT {

    private static final String OFFICE = "EC";
    private static final ZoneId ZONE = ZoneId.of("America/Guayaquil");
    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-intake-ec", OFFICE);
    private static final String ADMIN = TokenFixture.admin();

    @Inject
    DataSource db;

    @AfterEach
    void putTheOfficeBack() throws Exception {
        TestClock.reset();
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            st.execute("delete from smo.intake_change where office = '" + OFFICE + "'");
            st.execute("delete from smo.intake_day where office = '" + OFFICE + "'");
        }
        Map<String, Object> office = office();
        office.put("dailyQuota", null);
        office.put("intakeWeekdays", List.of());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(office).put("/api/v1/admin/offices/" + OFFICE)
                .then().statusCode(200);
    }

    private static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    private static Map<String, Object> office() {
        Map<String, Object> view = given().auth().oauth2(ADMIN).get("/api/v1/admin/offices/" + OFFICE).then().statusCode(200)
                .extract().as(Map.class);
        Map<String, Object> request = new HashMap<>();
        for (String field : List.of("name", "hostCountry", "timeZone", "openedOn", "intakeWeekdays", "dailyQuota", "version")) {
            request.put(field, view.get(field));
        }
        return request;
    }

    private static ValidatableResponse schedule(LocalDate from, String state, String message, LocalDate reopening) {
        Map<String, Object> change = new HashMap<>();
        change.put("effectiveFrom", from.toString());
        change.put("state", state);
        change.put("message", message);
        change.put("expectedReopening", reopening == null ? null : reopening.toString());
        change.put("reason", "test: announcement of " + from);
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(change)
                .post("/api/v1/admin/offices/" + OFFICE + "/intake").then();
    }

    private static ValidatableResponse register(RegistrationFixture registration) {
        return given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(registration.body())
                .post("/api/v1/cases").then();
    }

    @Test
    void a_paused_office_refuses_registrations_and_takes_them_again_on_the_day_it_reopens() {
        String before = register(RegistrationFixture.valid(OFFICE)).statusCode(201).extract().path("id");
        LocalDate reopening = today().plusDays(2);
        schedule(today(), "PAUSED", "Intake is paused while the programme is reviewed; come back after 4 December.",
                reopening).statusCode(201);
        schedule(reopening, "OPEN", null, null).statusCode(201);

        register(RegistrationFixture.valid(OFFICE)).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:intake-not-open"))
                .body("detail", containsString("come back after 4 December"));
        given().auth().oauth2(CASEWORKER).get("/api/v1/eligibility/check?nationality=VEN&arrivalDate=2023-01-01")
                .then().statusCode(200).body("eligible", equalTo(true))
                .body("intake.open", equalTo(false)).body("intake.reason", equalTo("PAUSED"))
                .body("intake.expectedReopening", equalTo(reopening.toString()));
        given().auth().oauth2(ADMIN).get("/api/v1/admin/offices/" + OFFICE + "/intake").then().statusCode(200)
                .body("today.state", equalTo("PAUSED")).body("changes.state", equalTo(List.of("PAUSED", "OPEN")));

        // its cases stay readable and workable while it takes no applications
        org.safemobility.fixtures.Workflow.read(CASEWORKER, before).body("status", equalTo("ELIGIBLE"));
        org.safemobility.fixtures.Workflow.work(CASEWORKER, before, "schedule-interview", org.safemobility.fixtures.Forms.schedule());
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases?office=" + OFFICE).then().statusCode(200);

        TestClock.advance(Duration.ofDays(2));
        register(RegistrationFixture.valid(OFFICE)).statusCode(201).body("status", equalTo("ELIGIBLE"));
    }

    @Test
    void a_change_stored_by_another_replica_is_used_within_seconds() throws Exception {
        register(RegistrationFixture.valid(OFFICE)).statusCode(201);
        try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
            // what another replica's admin request leaves in the database; this replica's copy is older
            st.execute("update smo.office set intake_weekdays = array['" + today().plusDays(1).getDayOfWeek().name()
                    + "'], version = version + 1 where code = '" + OFFICE + "'");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(250))
                .until(() -> register(RegistrationFixture.valid(OFFICE)).extract().statusCode() == 409);
    }

    @Test
    void an_application_received_before_the_pause_is_registered_with_its_date_and_reason() {
        schedule(today(), "PAUSED", "Intake is paused.", null).statusCode(201);
        LocalDate received = today().minusDays(3);

        register(RegistrationFixture.valid(OFFICE).with("applicationDate", received.toString())).statusCode(400)
                .body("errors[0].field", equalTo("applicationDateReason"));
        register(RegistrationFixture.valid(OFFICE).with("applicationDate", today().plusDays(1).toString())
                .with("applicationDateReason", "typo")).statusCode(400).body("errors[0].field", equalTo("applicationDate"));
        register(RegistrationFixture.valid(OFFICE).with("applicationDate", "2023-10-17")
                .with("applicationDateReason", "paper form")).statusCode(400)
                .body("errors[0].message", containsString("before the office opened"));

        String id = register(RegistrationFixture.valid(OFFICE).with("applicationDate", received.toString())
                .with("applicationDateReason", "Paper form received at the Quito office before the pause"))
                .statusCode(201).extract().path("id");
        given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id).then()
                .body("eligibility.inputs.applicationDate", equalTo(received.toString()))
                .body("received.applicationDate", equalTo(received.toString()))
                .body("received.reason", containsString("Paper form"));
        given().auth().oauth2(ADMIN).queryParam("caseId", id).queryParam("action", "case.registered")
                .get("/api/v1/admin/audit").then()
                .body("items[0].details.applicationDate", equalTo(received.toString()))
                .body("items[0].details.applicationDateReason", containsString("Paper form"));
    }

    @Test
    void an_office_whose_rules_have_all_ended_is_not_taking_applications_rather_than_refusing_people() {
        String costaRica = TokenFixture.caseworkerNamed("cw-intake-cr", "CR");
        given().auth().oauth2(costaRica).contentType(ContentType.JSON).body(RegistrationFixture.valid("CR")
                        .without("applicationDate").without("applicationDateReason").body())
                .post("/api/v1/cases").then().statusCode(409).body("type", equalTo("urn:smo:problem:intake-not-open"))
                .body("detail", containsString("NO_RULES_IN_FORCE"));
        given().auth().oauth2(costaRica).get("/api/v1/eligibility/check?nationality=NIC&arrivalDate=2023-01-01&applicationDate=2025-06-02")
                .then().body("eligible", equalTo(true)).body("intake.open", equalTo(true));
        given().auth().oauth2(costaRica).contentType(ContentType.JSON).body(RegistrationFixture.valid("CR")
                        .with("applicationDate", "2025-06-02").with("applicationDateReason", "Online form of June 2025").body())
                .post("/api/v1/cases").then().statusCode(201).body("status", equalTo("ELIGIBLE"));
    }

    @Test
    void the_daily_quota_is_exact_under_sixteen_concurrent_registrations() throws Exception {
        Map<String, Object> office = office();
        office.put("dailyQuota", 5);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(office).put("/api/v1/admin/offices/" + OFFICE)
                .then().statusCode(200).body("dailyQuota", equalTo(5));
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            CyclicBarrier start = new CyclicBarrier(16);
            List<CompletableFuture<Response>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(CompletableFuture.supplyAsync(() -> {
                    var request = given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                            .body(RegistrationFixture.valid(OFFICE).body());
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return request.post("/api/v1/cases");
                }, clients));
            }
            List<Response> responses = all.stream().map(CompletableFuture::join).toList();
            assertThat(responses.stream().filter(r -> r.statusCode() == 201)).hasSize(5);
            List<Response> refused = responses.stream().filter(r -> r.statusCode() != 201).toList();
            assertThat(refused).hasSize(11).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(Long.parseLong(r.header("Retry-After"))).isPositive()
                        .isLessThanOrEqualTo(Duration.ofDays(1).toSeconds());
            });
        } finally {
            clients.shutdownNow();
        }
        TestClock.advance(Duration.ofDays(1));
        register(RegistrationFixture.valid(OFFICE)).statusCode(201);
    }

    @Test
    void intake_weekdays_and_schedule_rules_are_checked() {
        Map<String, Object> office = office();
        String tomorrow = today().plusDays(1).getDayOfWeek().name();
        office.put("intakeWeekdays", List.of(tomorrow));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(office).put("/api/v1/admin/offices/" + OFFICE)
                .then().statusCode(200);
        register(RegistrationFixture.valid(OFFICE)).statusCode(409).body("detail", containsString("NOT_AN_INTAKE_DAY"));
        TestClock.advance(Duration.ofDays(1));
        register(RegistrationFixture.valid(OFFICE)).statusCode(201);

        schedule(today().minusDays(1), "PAUSED", "x", null).statusCode(400).body("errors[0].field", equalTo("effectiveFrom"));
        schedule(today().plusDays(5), "PAUSED", null, null).statusCode(400).body("errors[0].field", equalTo("message"));
        schedule(today().plusDays(5), "CLOSED", "Closed.", today().plusDays(9)).statusCode(400)
                .body("errors[0].field", equalTo("expectedReopening"));
        long id = ((Number) schedule(today().plusDays(5), "CLOSED", "Closed.", null).statusCode(201).extract().path("id")).longValue();
        schedule(today().plusDays(5), "OPEN", null, null).statusCode(409);
        given().auth().oauth2(ADMIN).delete("/api/v1/admin/offices/" + OFFICE + "/intake/" + id).then().statusCode(204);
        given().auth().oauth2(CASEWORKER).get("/api/v1/admin/offices").then().statusCode(403);
        office = office();
        office.put("version", ((Number) office.get("version")).longValue() - 1);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(office).put("/api/v1/admin/offices/" + OFFICE)
                .then().statusCode(412);
    }
}
