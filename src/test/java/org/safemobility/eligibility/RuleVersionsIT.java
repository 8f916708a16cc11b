package org.safemobility.eligibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.RulesFixture;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/** Admins upload new versions of the eligibility rules; a broken file changes nothing. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class RuleVersionsIT {

    private boolean changedRules;

    @AfterEach
    void restoreTheShippedRules() {
        if (changedRules) {
            RulesFixture.restoreShipped();
        }
    }

    private int activeVersion() {
        return given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/eligibility-rules")
                .then().statusCode(200).extract().path("activeVersion");
    }

    private static String checkVenezuelanInGuatemala() {
        return given().auth().oauth2(TokenFixture.caseworker("GT"))
                .get("/api/v1/eligibility/check?office=GT&nationality=VEN&arrivalDate=2023-01-01")
                .then().statusCode(200).extract().path("ruleId");
    }

    @Test
    void the_shipped_rules_are_listed_as_deployed_from_the_workflows_folder() {
        given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/eligibility-rules").then().statusCode(200)
                .body("activeVersion", greaterThanOrEqualTo(1))
                .body("versions[0].active", equalTo(true))
                .body("versions.source", hasItem("workflows folder"))
                .body("versions.deployedAt", hasItem(notNullValue()));
    }

    @Test
    void an_uploaded_version_comes_into_force_and_cases_keep_the_version_that_decided_them() {
        int before = activeVersion();
        String decidedBefore = Workflow.register(TokenFixture.caseworker("GT"), RegistrationFixture.valid("GT"));

        changedRules = true;
        RulesFixture.upload(RulesFixture.guatemalaServesVenezuelans(), "Venezuelans in Guatemala (test)")
                .statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/admin/eligibility-rules/" + (before + 1) + "/dmn"))
                .body("version", equalTo(before + 1))
                .body("active", equalTo(true))
                .body("source", equalTo("upload"))
                .body("deployedBy", containsString("admin-1"))
                .body("comment", equalTo("Venezuelans in Guatemala (test)"))
                .body("sha256", notNullValue());

        assertThat(activeVersion()).isEqualTo(before + 1);
        assertThat(checkVenezuelanInGuatemala()).isEqualTo("GT-HND-SLV-NIC-2024-05-07");
        Workflow.read(TokenFixture.caseworker("GT"), decidedBefore).body("eligibility.decisionVersion", equalTo(before));
        String decidedAfter = Workflow.register(TokenFixture.caseworker("GT"), RegistrationFixture.valid("GT"));
        Workflow.read(TokenFixture.caseworker("GT"), decidedAfter).body("eligibility.decisionVersion", equalTo(before + 1));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("not XML at all", dmn -> "this is not a DMN file", "not a valid DMN file"),
                broken("truncated XML", dmn -> dmn.substring(0, dmn.length() / 2), "not a valid DMN file"),
                broken("another decision id", dmn -> dmn.replace("id=\"smo-eligibility\"", "id=\"eligibility-2\""),
                        "no decision with id 'smo-eligibility'"),
                broken("a renamed input", dmn -> dmn.replace("<text>arrivalDate</text>", "<text>entryDate</text>"),
                        "the inputs must be exactly"),
                broken("a missing output", dmn -> dmn.replace("name=\"reason\"", "name=\"explanation\""),
                        "the outputs must include"),
                broken("a broken FEEL entry", dmn -> dmn.replace("<text>&gt;= date(\"2023-06-12\")</text>",
                        "<text>&gt;= date(\"2023-06-12\"</text>"), "failed"),
                broken("no catch-all row", dmn -> dmn.replaceAll("(?s)<rule id=\"rule-office-without-rules\">.*?</rule>", "")
                        .replaceAll("(?s)<rule id=\"rule-gt--nationality-not-served\">.*?</rule>", ""), "exactly one"),
                broken("an unknown pathway", dmn -> dmn.replaceFirst("\"SPAIN\"", "\"MARS\""), "unknown pathway"),
                broken("a rule that reads the clock", dmn -> dmn.replace("<text>&gt;= date(\"2023-06-12\")</text>",
                        "<text>&gt;= today()</text>"), "inputs only"),
                broken("no history time to live", dmn -> dmn.replace(" camunda:historyTimeToLive=\"P1825D\"", ""),
                        "History Time To Live"));
    }

    private static Arguments broken(String name, UnaryOperator<String> breakIt, String message) {
        return Arguments.of(name, breakIt, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void a_broken_file_is_refused_with_the_reason_and_the_rules_in_force_stay(String name, UnaryOperator<String> breakIt,
                                                                              String message) {
        int before = activeVersion();
        RulesFixture.upload(breakIt.apply(RulesFixture.shipped()), name)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("the eligibility rules were not changed"))
                .body("detail", containsString(message));
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(checkVenezuelanInGuatemala()).isEqualTo("GT/nationality-not-served");
    }

    /** Each replaces the rule id of one row with code that would create {@code marker} if it ever ran. */
    static Stream<Arguments> filesThatRunCode() {
        String entry = "<outputEntry id=\"rule-gt-gtm-2023-06-12-rule-id\"><text>\"GT-GTM-2023-06-12\"</text></outputEntry>";
        return Stream.of(
                Arguments.of("juel", (UnaryOperator<String>) dmn -> dmn.replace(entry,
                        "<outputEntry id=\"rule-gt-gtm-2023-06-12-rule-id\" expressionLanguage=\"juel\"><text>${\"\".getClass()"
                                + ".forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null).exec(\"touch MARKER\")}</text></outputEntry>"),
                        "outputEntry 'rule-gt-gtm-2023-06-12-rule-id' uses expression language 'juel'"),
                Arguments.of("javascript", (UnaryOperator<String>) dmn -> dmn.replace(entry,
                        "<outputEntry id=\"rule-gt-gtm-2023-06-12-rule-id\" expressionLanguage=\"javascript\"><text>"
                                + "java.lang.Runtime.getRuntime().exec(\"touch MARKER\")</text></outputEntry>"),
                        "uses expression language 'javascript'"),
                Arguments.of("groovy input expression", (UnaryOperator<String>) dmn -> dmn.replace(
                        "<inputExpression id=\"input-office-expression\" typeRef=\"string\">",
                        "<inputExpression id=\"input-office-expression\" typeRef=\"string\" expressionLanguage=\"groovy\">")
                                .replace("<text>office</text>", "<text>\"touch MARKER\".execute(); office</text>"),
                        "inputExpression 'input-office-expression' uses expression language 'groovy'"),
                Arguments.of("a definitions-wide language", (UnaryOperator<String>) dmn -> dmn.replace(
                        "id=\"smo-eligibility-definitions\"", "id=\"smo-eligibility-definitions\" expressionLanguage=\"juel\""),
                        "definitions 'smo-eligibility-definitions' uses expression language 'juel'"),
                Arguments.of("an external entity", (UnaryOperator<String>) dmn -> dmn.replaceFirst("<definitions ",
                        "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>\n<definitions ")
                                .replace("\"GT-GTM-2023-06-12\"</text>", "\"&secret;MARKER\"</text>"),
                        "DOCTYPE declarations"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatRunCode")
    void a_file_with_anything_but_feel_is_refused_before_it_is_evaluated(String name, UnaryOperator<String> inject,
                                                                        String message) throws Exception {
        java.nio.file.Path marker = java.nio.file.Files.createTempDirectory("smo-dmn").resolve("ran");
        int before = activeVersion();
        String dmn = inject.apply(RulesFixture.shipped()).replace("MARKER", marker.toString());
        assertThat(dmn).isNotEqualTo(RulesFixture.shipped());
        RulesFixture.upload(dmn, name)
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("the eligibility rules were not changed"))
                .body("detail", containsString(message));
        assertThat(marker).doesNotExist();
        assertThat(activeVersion()).isEqualTo(before);
        assertThat(checkVenezuelanInGuatemala()).isEqualTo("GT/nationality-not-served");
    }

    @Test
    void an_empty_body_and_a_json_body_are_refused() {
        given().auth().oauth2(TokenFixture.admin()).contentType("application/xml").body(new byte[0])
                .post("/api/v1/admin/eligibility-rules").then().statusCode(400);
        given().auth().oauth2(TokenFixture.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/admin/eligibility-rules").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void only_admins_manage_rules() {
        byte[] dmn = RulesFixture.shipped().getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(TokenFixture.supervisor("GT")).contentType("application/xml").body(dmn)
                .post("/api/v1/admin/eligibility-rules").then().statusCode(403);
        given().auth().oauth2(TokenFixture.caseworker("GT")).get("/api/v1/admin/eligibility-rules").then().statusCode(403);
        given().contentType("application/xml").body(dmn).post("/api/v1/admin/eligibility-rules").then().statusCode(401);
    }

    @Test
    void a_version_can_be_downloaded_to_edit_it() {
        String downloaded = given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/eligibility-rules/1/dmn")
                .then().statusCode(200).contentType(containsString("application/xml")).extract().asString();
        assertThat(downloaded).contains("<decision id=\"smo-eligibility\"");
        given().auth().oauth2(TokenFixture.admin()).get("/api/v1/admin/eligibility-rules/9999/dmn")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
