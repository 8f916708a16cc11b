package org.safemobility.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** The audit trail is append-only, hash-chained, searchable by admins, and says what a read returned. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class AuditTrailIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-audit-gt", "GT");

    @Inject
    DataSource db;

    private static ValidatableResponse search(Map<String, ?> filter) {
        return given().auth().oauth2(TokenFixture.admin()).queryParams(filter).get("/api/v1/admin/audit").then().statusCode(200);
    }

    private static ValidatableResponse verify() {
        return given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/audit/verify").then().statusCode(200);
    }

    /** A superuser connection to the test database: what an intruder with the database's keys would have. */
    private static Connection superuser() throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        return DriverManager.getConnection(url, "postgres", "");
    }

    @Test
    void entries_are_chained_and_the_callers_request_id_is_kept_apart() {
        String requestId = given().auth().oauth2(CASEWORKER).header("X-Request-Id", "portal-audit-0001")
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body()).post("/api/v1/cases")
                .then().statusCode(201).extract().header("X-Request-Id");
        String caseId = search(Map.of("action", "case.registered", "actor", "cw-audit-gt", "size", 1))
                .body("items[0].clientRequestId", equalTo("portal-audit-0001"))
                .body("items[0].requestId", equalTo(requestId))
                .body("items[0].seq", notNullValue())
                .body("items[0].hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .extract().path("items[0].caseId");
        var ofTheCase = search(Map.of("caseId", caseId)).body("items.action", hasItem("eligibility.decided"))
                .body("totalCapped", equalTo(false)).extract();
        org.assertj.core.api.Assertions.assertThat(ofTheCase.<Integer>path("total")).isGreaterThanOrEqualTo(2)
                .isEqualTo(ofTheCase.<List<?>>path("items").size());
        verify().body("intact", equalTo(true)).body("firstBroken", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void a_list_records_which_cases_it_returned() {
        Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        List<String> listed = given().auth().oauth2(CASEWORKER).get("/api/v1/cases?office=GT&size=5").then().statusCode(200)
                .extract().path("items.id");
        search(Map.of("action", "cases.listed", "actor", "cw-audit-gt", "size", 1))
                .body("items[0].details.returned", equalTo(listed));
    }

    @Test
    void a_consent_change_records_from_what_to_what() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String etag = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + id).then().extract().header("ETag");
        given().auth().oauth2(CASEWORKER).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(Map.of("consent", Map.of("given", false))).patch("/api/v1/cases/" + id).then().statusCode(200);
        search(Map.of("caseId", id, "action", "case.consent-changed"))
                .body("items[0].details.purpose", equalTo("PARTNER_SHARING"))
                .body("items[0].details.from", equalTo(true))
                .body("items[0].details.to", equalTo(false));
    }

    @Test
    void the_service_cannot_change_or_remove_an_entry_and_neither_can_the_owner_without_disabling_triggers() throws Exception {
        Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        for (String change : List.of("update smo.audit_event set actor = 'someone-else' where seq = 1",
                "delete from smo.audit_event where seq = 1", "truncate smo.audit_event")) {
            assertThatThrownBy(() -> {
                try (Connection c = db.getConnection(); Statement st = c.createStatement()) {
                    st.execute(change);
                }
            }).as(change).hasMessageContaining("permission denied");
        }
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("update smo.audit_event set actor = 'someone-else' where seq = 1"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void verification_finds_the_first_entry_a_superuser_changed_or_removed() throws Exception {
        Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        long seq = ((Number) search(Map.of("action", "case.registered", "actor", "cw-audit-gt", "size", 1))
                .extract().path("items[0].seq")).longValue();
        verify().body("intact", equalTo(true));
        try (Connection c = superuser(); Statement st = c.createStatement()) {
            st.execute("set session_replication_role = replica"); // triggers off: only a superuser can
            st.execute("create temporary table kept as select * from smo.audit_event where seq = " + seq);

            st.execute("update smo.audit_event set details = details || '{\"caseNumber\": \"GT-0000-000000\"}' where seq = " + seq);
            verify().body("intact", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.problem", org.hamcrest.Matchers.containsString("entry changed"));

            st.execute("delete from smo.audit_event where seq = " + seq);
            verify().body("intact", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.problem", org.hamcrest.Matchers.containsString("entry missing"));

            st.execute("insert into smo.audit_event overriding system value select * from kept");
            verify().body("intact", equalTo(true));
        }
    }

    @Test
    void admins_export_the_trail_as_csv() {
        String id = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        String csv = given().auth().oauth2(TokenFixture.admin()).accept("text/csv").queryParam("caseId", id)
                .get("/api/v1/admin/audit").then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("seq,id,occurred_at,actor");
        assertThat(lines).anyMatch(l -> l.contains("case.registered") && l.contains(id));
    }

    @Test
    void only_admins_read_the_trail() {
        given().auth().oauth2(TokenFixture.supervisor("GT")).get("/api/v1/admin/audit").then().statusCode(403);
        given().auth().oauth2(CASEWORKER).get("/api/v1/admin/audit/verify").then().statusCode(403);
        given().auth().oauth2(TokenFixture.admin()).queryParam("from", "yesterday").get("/api/v1/admin/audit")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }
}
