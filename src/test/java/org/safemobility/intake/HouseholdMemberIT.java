package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Household members are people: each has an id of their own, may carry a document and specific needs, is found by
 * search (by name and by document), keeps their id through household edits, and an adult member can be split into a
 * case of their own, linked both ways.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class HouseholdMemberIT {

    private static final String CASEWORKER = TokenFixture.caseworkerNamed("cw-members-gt", "GT");

    @Inject
    DataSource db;

    private static Map<String, Object> partner(String family, String document) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("givenName", RegistrationFixture.nameWord());
        member.put("familyName", family);
        member.put("dateOfBirth", "1995-06-15");
        member.put("relationship", "PARTNER");
        member.put("nationality", "HND");
        member.put("documentType", "NATIONAL_ID");
        member.put("documentNumber", document);
        member.put("vulnerabilities", List.of("MEDICAL_NEED"));
        return member;
    }

    @SuppressWarnings("unchecked")
    private static RegistrationFixture withPartner(Map<String, Object> partner) {
        RegistrationFixture fixture = RegistrationFixture.valid("GT");
        ((List<Object>) fixture.body().get("household")).add(partner);
        return fixture;
    }

    @Test
    void members_have_ids_documents_and_needs_and_are_found_by_document() {
        String document = "N-" + (100_000 + (int) (Math.random() * 800_000));
        String id = Workflow.register(CASEWORKER, withPartner(partner(RegistrationFixture.nameWord(), document)));
        JsonPath view = Workflow.read(CASEWORKER, id).extract().jsonPath();
        assertThat(view.getString("applicant.personId")).isNotNull();
        assertThat(view.getString("household[0].personId")).isNotNull().isNotEqualTo(view.getString("household[1].personId"));
        assertThat(view.getString("household[1].documentType")).isEqualTo("NATIONAL_ID");
        assertThat(view.getString("household[1].documentNumber")).isEqualTo(document);
        assertThat(view.getList("household[1].vulnerabilities")).containsExactly("MEDICAL_NEED");
        assertThat(view.getList("household[0].vulnerabilities")).isEmpty();

        given().auth().oauth2(CASEWORKER).queryParam("q", document).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void a_household_edit_keeps_who_its_members_are() {
        String id = Workflow.register(CASEWORKER, withPartner(partner(RegistrationFixture.nameWord(), "N-1")));
        var read = Workflow.read(CASEWORKER, id);
        JsonPath view = read.extract().jsonPath();
        String etag = read.extract().header("ETag");
        List<Map<String, Object>> household = new ArrayList<>(view.getList("household"));
        Map<String, Object> child = household.get(0);
        Map<String, Object> partner = new LinkedHashMap<>(household.get(1));
        partner.put("vulnerabilities", List.of("PREGNANCY"));
        // the partner moved first, the child second, and a newborn added
        Map<String, Object> newborn = Map.of("givenName", RegistrationFixture.nameWord(), "familyName", "X",
                "dateOfBirth", LocalDate.now().minusDays(20).toString(), "relationship", "CHILD", "nationality", "GTM");
        given().auth().oauth2(CASEWORKER).header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("household", List.of(partner, child, newborn))).patch("/api/v1/cases/" + id).then()
                .statusCode(200)
                .body("household[0].personId", equalTo(partner.get("personId")))
                .body("household[0].vulnerabilities", equalTo(List.of("PREGNANCY")))
                .body("household[1].personId", equalTo(child.get("personId")))
                .body("household", hasSize(3));

        String etag2 = Workflow.read(CASEWORKER, id).extract().header("ETag");
        Map<String, Object> stranger = new LinkedHashMap<>(child);
        stranger.put("personId", UUID.randomUUID().toString());
        given().auth().oauth2(CASEWORKER).header("If-Match", etag2).contentType("application/merge-patch+json")
                .body(Map.of("household", List.of(stranger))).patch("/api/v1/cases/" + id).then()
                .statusCode(400).body("errors.field", hasItem("household[0].personId"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("household[0].personId", UUID.randomUUID().toString()).body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("household[0].personId"));
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(RegistrationFixture.valid("GT").with("household[0].documentType", "PASSPORT").body())
                .post("/api/v1/cases").then().statusCode(400).body("errors.field", hasItem("household[0].documentNumber"));
    }

    @Test
    void a_member_added_by_an_edit_is_compared_like_at_registration() {
        String child = RegistrationFixture.nameWord();
        String family = RegistrationFixture.nameWord();
        String first = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT").with("household[0].givenName", child)
                .with("household[0].familyName", family).with("household[0].dateOfBirth", "2015-07-04"));
        String second = Workflow.register(CASEWORKER, RegistrationFixture.valid("GT"));
        var read = Workflow.read(CASEWORKER, second);
        List<Map<String, Object>> household = new ArrayList<>(read.extract().jsonPath().getList("household"));
        household.add(Map.of("givenName", child, "familyName", family, "dateOfBirth", "2015-07-04",
                "relationship", "STEPCHILD", "nationality", "HND"));
        given().auth().oauth2(CASEWORKER).header("If-Match", read.extract().header("ETag"))
                .contentType("application/merge-patch+json").body(Map.of("household", household))
                .patch("/api/v1/cases/" + second).then().statusCode(200)
                .body("currentActivities", hasItem("review-possible-duplicate"));
        JsonPath found = given().auth().oauth2(CASEWORKER).get("/api/v1/cases/" + second + "/possible-duplicates")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getString("items[0].otherCase.id")).isEqualTo(first);
        assertThat(found.getBoolean("items[0].applicant")).isFalse();
    }

    /**
     * A member inserted adds to the case's search rows instead of rebuilding them (V30): whatever a registration and a
     * household edit wrote, the rows are those a rebuild from the case as it stands gives.
     */
    @Test
    @SuppressWarnings("unchecked")
    void the_search_rows_of_a_household_are_those_a_rebuild_gives() throws SQLException {
        RegistrationFixture fixture = withPartner(partner(RegistrationFixture.nameWord(), "N-3"));
        ((List<Object>) fixture.body().get("household")).add(Map.of("givenName", "José María", "familyName",
                "Núñez-Peña", "dateOfBirth", "2019-02-03", "relationship", "CHILD", "nationality", "VEN"));
        String id = Workflow.register(CASEWORKER, fixture);
        UUID caseId = UUID.fromString(id);
        assertThat(searchRows(caseId)).contains("nunez", "pena", "jose", "maria").isEqualTo(rebuiltSearchRows(caseId));

        // the partner moved first, the first child dropped, two members added
        var read = Workflow.read(CASEWORKER, id);
        List<Map<String, Object>> household = read.extract().jsonPath().getList("household");
        String newborn = RegistrationFixture.nameWord();
        given().auth().oauth2(CASEWORKER).header("If-Match", read.extract().header("ETag"))
                .contentType("application/merge-patch+json; charset=UTF-8") // names with accents
                .body(Map.of("household", List.of(household.get(1), household.get(2),
                        Map.of("givenName", newborn, "familyName", "Núñez", "dateOfBirth", LocalDate.now().minusDays(9)
                                .toString(), "relationship", "CHILD", "nationality", "GTM"),
                        Map.of("givenName", "Ana", "familyName", "Ríos", "dateOfBirth", "1961-12-24",
                                "relationship", "PARENT", "nationality", "HND"))))
                .patch("/api/v1/cases/" + id).then().statusCode(200).body("household", hasSize(4));
        assertThat(searchRows(caseId)).contains(newborn.toLowerCase(Locale.ROOT), "rios")
                .doesNotContain(((String) household.get(0).get("givenName")).toLowerCase(Locale.ROOT))
                .isEqualTo(rebuiltSearchRows(caseId));

        // a member rewritten in place, one edit each: a document, a date of birth (both compared by duplicate
        // detection), a need (not)
        editMember(id, 0, "documentNumber", "N-4");
        assertThat(searchRows(caseId)).isEqualTo(rebuiltSearchRows(caseId));
        editMember(id, 2, "dateOfBirth", LocalDate.now().minusDays(10).toString());
        assertThat(searchRows(caseId)).isEqualTo(rebuiltSearchRows(caseId));
        String before = searchRows(caseId);
        editMember(id, 0, "vulnerabilities", List.of("PREGNANCY"));
        assertThat(searchRows(caseId)).isEqualTo(before).isEqualTo(rebuiltSearchRows(caseId));
    }

    private static void editMember(String caseId, int position, String field, Object value) {
        var read = Workflow.read(CASEWORKER, caseId);
        List<Map<String, Object>> household = new ArrayList<>(read.extract().jsonPath().getList("household"));
        Map<String, Object> member = new LinkedHashMap<>(household.get(position));
        member.put(field, value);
        household.set(position, member);
        given().auth().oauth2(CASEWORKER).header("If-Match", read.extract().header("ETag"))
                .contentType("application/merge-patch+json; charset=UTF-8").body(Map.of("household", household))
                .patch("/api/v1/cases/" + caseId).then().statusCode(200);
    }

    /** The case's search row and its people's rows, as text (the case's id twice). */
    private static final String SEARCH_ROWS = """
            select (select s::text
                      from (select office, status, nationality, date_of_birth, registered_at, words, codes
                              from smo.case_search where case_id = ?) s)
                   || ' | ' || (select string_agg(p::text, ' ; ' order by p.person_id)
                                  from (select person_id, applicant, given_name, family_name, date_of_birth,
                                               nationality, document, birth_codes
                                          from smo.person_search where case_id = ?) p)""";

    private String searchRows(UUID caseId) {
        return Rows.text(db, SEARCH_ROWS, caseId, caseId);
    }

    /** The rows as the triggers' full rebuild writes them, rolled back after reading. */
    private String rebuiltSearchRows(UUID caseId) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Rows.text(c, "select smo.case_search_refresh(?), smo.person_search_refresh(?)", caseId, caseId);
                return Rows.text(c, SEARCH_ROWS, caseId, caseId);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void an_adult_member_is_split_into_a_case_of_their_own_linked_both_ways() {
        String family = RegistrationFixture.nameWord();
        String id = Workflow.register(CASEWORKER, withPartner(partner(family, "N-2")));
        JsonPath view = Workflow.read(CASEWORKER, id).extract().jsonPath();
        String partner = view.getString("household[1].personId");
        String child = view.getString("household[0].personId");
        String number = view.getString("caseNumber");

        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "consent", Map.of("given", true)))
                .post("/api/v1/cases/" + id + "/household/" + child + "/split").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "consent", Map.of("given", true)))
                .post("/api/v1/cases/" + id + "/household/" + UUID.randomUUID() + "/split").then().statusCode(404);
        given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/cases/" + id + "/household/" + partner + "/split").then().statusCode(400)
                .body("errors.field", hasItem("consent"));
        given().auth().oauth2(TokenFixture.caseworker("CO")).contentType(ContentType.JSON)
                .body(Map.of("reason", "x", "consent", Map.of("given", true)))
                .post("/api/v1/cases/" + id + "/household/" + partner + "/split").then().statusCode(404);

        var created = given().auth().oauth2(CASEWORKER).contentType(ContentType.JSON)
                .body(Map.of("reason", "Separated; will travel on her own", "consent", Map.of("given", true),
                        "phone", "+50255554444"))
                .post("/api/v1/cases/" + id + "/household/" + partner + "/split").then().statusCode(201)
                .body("applicant.personId", equalTo(partner))
                .body("applicant.familyName", equalTo(family))
                .body("applicant.documentNumber", equalTo("N-2"))
                .body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("schedule-interview")))
                .body("links[0].kind", equalTo("SPLIT_FROM"))
                .body("links[0].otherCase.caseNumber", equalTo(number))
                .extract();
        String splitId = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/cases/" + splitId);
        Workflow.read(CASEWORKER, id).body("household", hasSize(1))
                .body("household[0].personId", equalTo(child))
                .body("links[0].kind", equalTo("SPLIT_INTO"))
                .body("links[0].otherCase.id", equalTo(splitId));
        assertThat(Rows.count(db, "select count(*) from smo.person_search where person_id = ? and case_id = ? and applicant",
                UUID.fromString(partner), UUID.fromString(splitId))).isEqualTo(1);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.household-member-split'",
                UUID.fromString(id))).isEqualTo(1);
    }
}
