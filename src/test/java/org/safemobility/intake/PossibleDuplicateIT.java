package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * Duplicates across offices: a likely match still registers the case and opens review-possible-duplicate beside its
 * journey; each office's staff see the match from their own case, with the other case's number and office only;
 * SAME_PERSON closes the newer case as a duplicate, linked both ways; DIFFERENT_PEOPLE is never asked again.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class PossibleDuplicateIT {

    private static final String GT = TokenFixture.caseworkerNamed("cw-dup-gt", "GT");
    private static final String CO = TokenFixture.caseworkerNamed("cw-dup-co", "CO");
    private static final String GT_SUPERVISOR = TokenFixture.supervisorNamed("sup-dup-gt", "GT");
    private static final String CO_SUPERVISOR = TokenFixture.supervisorNamed("sup-dup-co", "CO");

    @Inject
    DataSource db;

    /** A person with these names and date of birth, of a nationality the office serves. */
    private static RegistrationFixture person(String office, String given, String family, String born) {
        return RegistrationFixture.valid(office).with("applicant.givenName", given).with("applicant.familyName", family)
                .with("applicant.dateOfBirth", born)
                .with("applicant.phone", "+5730012345" + (int) (Math.random() * 90 + 10));
    }

    private static JsonPath matches(String token, String caseId) {
        return given().auth().oauth2(token).get("/api/v1/cases/" + caseId + "/possible-duplicates").then()
                .statusCode(200).extract().jsonPath();
    }

    private static String family() {
        return RegistrationFixture.nameWord() + "ez " + RegistrationFixture.nameWord() + "ez";
    }

    @Test
    void the_same_person_registering_in_two_countries_is_reviewed_and_closed_as_a_duplicate_linked_both_ways() {
        String family = family();
        String[] words = family.split(" ");
        String first = Workflow.register(CO, person("CO", "María José", family, "1991-03-07")
                .with("applicant.documentNumber", "P 123-" + words[0].substring(0, 4)));
        String firstNumber = Workflow.read(CO, first).extract().path("caseNumber");
        // at Guatemala: accents and the second family name dropped, day and month swapped, nationality mistyped as
        // Honduran (Guatemala's rules refuse Venezuelans)... but the same document
        String second = Workflow.register(GT, RegistrationFixture.valid("GT").with("applicant.givenName", "Maria Jose")
                .with("applicant.familyName", words[0]).with("applicant.dateOfBirth", "1991-07-03")
                .with("applicant.documentNumber", "P123" + words[0].substring(0, 4)));

        Workflow.read(GT, second).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("review-possible-duplicate", "schedule-interview")));
        JsonPath seenByGuatemala = matches(GT, second);
        assertThat(seenByGuatemala.getList("items")).hasSize(1);
        assertThat(seenByGuatemala.getString("items[0].otherCase.caseNumber")).isEqualTo(firstNumber);
        assertThat(seenByGuatemala.getString("items[0].otherCase.office")).isEqualTo("CO");
        assertThat(seenByGuatemala.getBoolean("items[0].applicant")).isTrue();
        assertThat(seenByGuatemala.getBoolean("items[0].otherApplicant")).isTrue();
        assertThat(seenByGuatemala.getList("items[0].reasons", String.class))
                .containsExactly("SAME_DOCUMENT", "BIRTH_DAY_AND_MONTH_SWAPPED", "SIMILAR_NAME");
        assertThat(seenByGuatemala.prettify()).as("nothing of Colombia's record but its number and office")
                .doesNotContain(words[1], "1991-03-07", "+5730012345", "VEN");
        // Guatemala's caseworker cannot open Colombia's case; Colombia's sees the match from its own
        given().auth().oauth2(GT).get("/api/v1/cases/" + first).then().statusCode(404);
        JsonPath seenByColombia = matches(CO, first);
        assertThat(seenByColombia.getString("items[0].otherCase.id")).isEqualTo(second);
        assertThat(seenByColombia.getString("items[0].otherCase.office")).isEqualTo("GT");
        assertThat(seenByColombia.prettify()).doesNotContain("Maria Jose");
        given().auth().oauth2(CO).get("/api/v1/cases/" + second + "/possible-duplicates").then().statusCode(404);

        String match = seenByGuatemala.getString("items[0].id");
        Workflow.work(GT, second, "review-possible-duplicate", Map.of("decisions",
                List.of(Map.of("match", match, "decision", "SAME_PERSON")), "note", "Same passport, seen at the counter"));

        Workflow.read(GT_SUPERVISOR, second).body("status", equalTo("DUPLICATE"))
                .body("currentActivities", equalTo(List.of()))
                .body("closingOutcome", equalTo("DUPLICATE"))
                .body("links[0].kind", equalTo("DUPLICATE_OF"))
                .body("links[0].otherCase.caseNumber", equalTo(firstNumber));
        Workflow.read(CO_SUPERVISOR, first).body("status", equalTo("ELIGIBLE"))
                .body("links[0].kind", equalTo("DUPLICATED_BY"))
                .body("links[0].otherCase.id", equalTo(second))
                .body("links[0].otherCase.office", equalTo("GT"));
        assertThat(matches(CO, first).getString("items[0].decision")).isEqualTo("SAME_PERSON");
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.linked-as-duplicate' and office = 'CO'",
                UUID.fromString(first))).isEqualTo(1);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.duplicates-reviewed' and office = 'GT'",
                UUID.fromString(second))).isEqualTo(1);
    }

    @Test
    void different_people_are_remembered_and_the_pair_is_never_asked_again() {
        String family = family();
        String first = Workflow.register(GT, person("GT", "Ana Lucía", family, "1988-11-02"));
        String second = Workflow.register(GT, person("GT", "Ana Lucia", family, "1988-11-02"));
        JsonPath found = matches(GT, second);
        assertThat(found.getList("items")).hasSize(1);
        assertThat(found.getList("items[0].reasons", String.class))
                .containsExactly("SAME_DATE_OF_BIRTH", "SAME_NATIONALITY", "SIMILAR_NAME");
        String match = found.getString("items[0].id");

        // every match must be decided, and only this case's
        String task = Workflow.taskOf(GT, second, "review-possible-duplicate");
        Workflow.claim(GT, task);
        given().auth().oauth2(GT).contentType(ContentType.JSON)
                .body(Map.of("decisions", List.of(Map.of("match", UUID.randomUUID().toString(), "decision", "SAME_PERSON"))))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("decisions"));
        given().auth().oauth2(GT).contentType(ContentType.JSON)
                .body(Map.of("decisions", List.of(Map.of("match", match, "decision", "MAYBE"))))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(400);
        given().auth().oauth2(GT).contentType(ContentType.JSON)
                .body(Map.of("decisions", List.of(Map.of("match", match, "decision", "DIFFERENT_PEOPLE")),
                        "note", "Twins: the mother registered both"))
                .post("/api/v1/tasks/" + task + "/complete").then().statusCode(204);

        Workflow.read(GT, second).body("status", equalTo("ELIGIBLE"))
                .body("currentActivities", equalTo(List.of("schedule-interview")))
                .body("links", equalTo(List.of()));
        assertThat(matches(GT, first).getString("items[0].decision")).isEqualTo("DIFFERENT_PEOPLE");

        // a correction of who the applicant is looks again, but not at the pair already decided
        String etag = Workflow.read(GT, second).extract().header("ETag");
        given().auth().oauth2(GT).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("applicant", Map.of("givenName", "Ana Lucía"), "reason", "Accent as on the passport"))
                .post("/api/v1/cases/" + second + "/corrections").then().statusCode(200)
                .body("currentActivities", equalTo(List.of("schedule-interview")));
        assertThat(matches(GT, second).getList("items")).hasSize(1);
    }

    @Test
    void a_household_member_is_matched_like_an_applicant_and_unrelated_people_sharing_a_birthday_are_not() {
        String family = family();
        String child = RegistrationFixture.nameWord();
        String first = Workflow.register(GT, RegistrationFixture.valid("GT").with("household[0].givenName", child)
                .with("household[0].familyName", family).with("household[0].dateOfBirth", "2014-02-20"));
        String firstChild = Workflow.read(GT, first).extract().path("household[0].personId");
        // the same child, now with the other parent at Colombia; one digit of the birth date off
        String second = Workflow.register(CO, RegistrationFixture.valid("CO").with("household[0].givenName", child)
                .with("household[0].familyName", family).with("household[0].dateOfBirth", "2014-02-23")
                .with("household[0].nationality", "HND"));
        JsonPath found = matches(CO, second);
        assertThat(found.getList("items")).hasSize(1);
        assertThat(found.getBoolean("items[0].applicant")).isFalse();
        assertThat(found.getBoolean("items[0].otherApplicant")).isFalse();
        assertThat(found.getList("items[0].reasons", String.class))
                .containsExactly("BIRTH_DATE_ONE_DIGIT_OFF", "SAME_NATIONALITY", "SIMILAR_NAME");
        assertThat(matches(GT, first).getString("items[0].personId")).isEqualTo(firstChild);

        // same day of birth, same country, unrelated names: no review
        String stranger = Workflow.register(GT, person("GT", "Pedro", family(), "1991-03-07"));
        String other = Workflow.register(GT, person("GT", "Carmen", family(), "1991-03-07"));
        assertThat(matches(GT, other).getList("items")).isEmpty();
        Workflow.read(GT, other).body("currentActivities", not(hasItem("review-possible-duplicate")));
        assertThat(stranger).isNotEqualTo(other);
    }
}
