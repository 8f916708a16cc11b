package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseRegistrationIT {

    @Inject
    DataSource db;

    @Inject
    RuntimeService runtime;

    @Inject
    TaskService tasks;

    @Test
    void registering_a_case_starts_its_workflow_and_waits_in_schedule_interview_for_the_office() {
        String id = given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").with("applicant.givenName", "María").body())
                .when().post("/api/v1/cases")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/cases/"))
                .header("ETag", notNullValue())
                .body("caseNumber", matchesPattern("GT-" + Year.now(ZoneId.of("America/Guatemala")) + "-\\d{6}"))
                .body("office", equalTo("GT"))
                .body("currentActivities", contains("schedule-interview"))
                .body("applicant.givenName", equalTo("María"))
                .body("applicant.nationality", equalTo("HND"))
                .body("applicant.arrivalDate", equalTo("2023-05-30"))
                .body("household", hasSize(1))
                .body("household[0].relationship", equalTo("CHILD"))
                .body("consent.given", equalTo(true))
                .body("consent.recordedAt", notNullValue())
                .body("createdAt", notNullValue())
                .body("eligibility.eligible", equalTo(true))
                .body("eligibility.ruleId", equalTo("GT-HND-SLV-NIC-2024-05-07"))
                .body("status", equalTo("ELIGIBLE"))
                .extract().path("id");

        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult();
        assertThat(instance).as("process instance with the case id as business key").isNotNull();
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("schedule-interview");
        assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).containsExactly("GT");
        assertThat(Rows.count(db, "select count(*) from smo.audit_event where case_id = ? and action = 'case.registered'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void the_location_header_points_at_the_new_case() {
        var response = given().auth().oauth2(TokenFixture.caseworker("CR"))
                .contentType(ContentType.JSON).body(RegistrationFixture.minimal("CR").body())
                .post("/api/v1/cases").then().statusCode(201).extract();
        String location = response.header("Location");
        assertThat(location).endsWith("/api/v1/cases/" + response.path("id"));
        given().auth().oauth2(TokenFixture.caseworker("CR")).get(location)
                .then().statusCode(200).body("caseNumber", equalTo(response.path("caseNumber")));
    }

    @Test
    void a_minimal_registration_without_optional_fields_is_accepted() {
        given().auth().oauth2(TokenFixture.caseworker("CR"))
                .contentType(ContentType.JSON).body(RegistrationFixture.minimal("CR").body())
                .post("/api/v1/cases")
                .then().statusCode(201)
                .body("applicant.sex", nullValue())
                .body("applicant.email", nullValue())
                .body("household", hasSize(0))
                .body("consent.processing", equalTo(true))
                .body("consent.partnerSharing", equalTo(false))
                .body("consent.hostGovernmentSharing", equalTo(false))
                .body("consent.given", equalTo(false));
    }

    @Test
    void office_may_be_omitted_when_the_caller_works_for_one_office() {
        given().auth().oauth2(TokenFixture.caseworker("EC"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("EC").without("office").body())
                .post("/api/v1/cases")
                .then().statusCode(201).body("office", equalTo("EC")).body("caseNumber", matchesPattern("EC-\\d{4}-\\d{6}"));
    }

    @Test
    void office_claim_may_be_a_single_string() {
        given().auth().oauth2(TokenFixture.caseworkerWithOfficeString("CO"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("CO").without("office").body())
                .post("/api/v1/cases")
                .then().statusCode(201).body("office", equalTo("CO"));
    }

    @Test
    void office_is_required_when_the_caller_works_for_several_offices() {
        given().auth().oauth2(TokenFixture.supervisor("GT", "CR"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").without("office").body())
                .post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("office"))
                .body("errors[0].message", containsString("CR, GT"));
    }

    @Test
    void registering_in_an_office_outside_the_callers_scope_is_forbidden() {
        long before = Rows.count(db, "select count(*) from smo.case_file");
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("CR").body())
                .post("/api/v1/cases")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("CR"));
        assertThat(Rows.count(db, "select count(*) from smo.case_file")).isEqualTo(before);
    }

    @Test
    void an_unknown_office_is_a_bad_request() {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("XX").body())
                .post("/api/v1/cases")
                .then().statusCode(400).body("errors[0].field", equalTo("office"))
                .body("errors[0].message", containsString("unknown office XX"));
    }

    @Test
    void an_applicant_under_18_is_refused_with_a_clear_message() {
        long before = Rows.count(db, "select count(*) from smo.case_file");
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").bornYearsAgo(18, 2).body())
                .post("/api/v1/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("applicant.dateOfBirth"))
                .body("errors[0].message", containsString("18 or older"))
                .body("errors[0].message", containsString("household"));
        assertThat(Rows.count(db, "select count(*) from smo.case_file")).isEqualTo(before);
    }

    @Test
    void an_applicant_who_turned_18_a_few_days_ago_may_register() {
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").bornYearsAgo(18, -2).body())
                .post("/api/v1/cases")
                .then().statusCode(201);
    }

    @Test
    void an_applicant_who_arrived_today_on_the_offices_calendar_may_register() {
        String officeToday = LocalDate.now(ZoneId.of("America/Guatemala")).toString();
        given().auth().oauth2(TokenFixture.caseworker("GT"))
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").with("applicant.arrivalDate", officeToday).body())
                .post("/api/v1/cases")
                .then().statusCode(201).body("applicant.arrivalDate", equalTo(officeToday));
    }

    @Test
    void case_numbers_are_unique_and_sequential_per_office_and_year() {
        String token = TokenFixture.caseworker("CO");
        List<String> numbers = IntStream.range(0, 3).mapToObj(i ->
                given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(RegistrationFixture.minimal("CO").body())
                        .post("/api/v1/cases").then().statusCode(201).extract().<String>path("caseNumber")).toList();
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).toList();
        assertThat(sequence.get(1)).isEqualTo(sequence.get(0) + 1);
        assertThat(sequence.get(2)).isEqualTo(sequence.get(1) + 1);
    }

    @Test
    void concurrent_registrations_get_distinct_case_numbers() throws Exception {
        String token = TokenFixture.caseworker("EC");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            var futures = IntStream.range(0, 16).mapToObj(i -> pool.submit(() ->
                    given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body(RegistrationFixture.minimal("EC").body())
                            .post("/api/v1/cases").then().statusCode(201).extract().<String>path("caseNumber"))).toList();
            List<String> numbers = new ArrayList<>();
            for (var f : futures) {
                numbers.add(f.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().hasSize(16);
        } finally {
            pool.shutdownNow();
        }
    }
}
