package org.safemobility.intake;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;

/**
 * The case row, its process instance, its first task and its audit entry commit together or not at all: here the
 * workflow fails after the case was inserted, and nothing of the registration remains.
 */
@QuarkusTest
@TestProfile(RegistrationAtomicityIT.FailingWorkflow.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class RegistrationAtomicityIT {

    public static class FailingWorkflow implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingEligibilityStep.class);
        }

        /**
         * The real step leaves this build altogether: two beans named eligibilityDecision, even with one an enabled
         * alternative, break Qute's build-time check of names (it maps every named bean by its name).
         */
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("quarkus.arc.exclude-types", "org.safemobility.workflow.EligibilityDecisionStep");
        }
    }

    @Inject
    DataSource db;

    @Test
    void a_workflow_failure_after_the_insert_leaves_neither_case_nor_process_nor_audit_entry() {
        String key = UUID.randomUUID().toString();
        long cases = Rows.count(db, "select count(*) from smo.case_file");
        long processes = Rows.count(db, "select count(*) from act_hi_procinst");
        long runningProcesses = Rows.count(db, "select count(*) from act_ru_execution");
        long tasks = Rows.count(db, "select count(*) from act_ru_task");
        long audits = Rows.count(db, "select count(*) from smo.audit_event");

        given().auth().oauth2(TokenFixture.caseworker("GT")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(RegistrationFixture.valid("GT").body())
                .post("/api/v1/cases")
                .then().statusCode(500).contentType("application/problem+json")
                .body("type", equalTo("urn:smo:problem:internal"))
                .body("detail", not(containsString("on purpose"))); // no internals leak to the client

        assertThat(Rows.count(db, "select count(*) from smo.case_file")).as("cases").isEqualTo(cases);
        assertThat(Rows.count(db, "select count(*) from act_hi_procinst")).as("process history").isEqualTo(processes);
        assertThat(Rows.count(db, "select count(*) from act_ru_execution")).as("running processes").isEqualTo(runningProcesses);
        assertThat(Rows.count(db, "select count(*) from act_ru_task")).as("tasks").isEqualTo(tasks);
        assertThat(Rows.count(db, "select count(*) from smo.audit_event")).as("audit entries").isEqualTo(audits);
        assertThat(Rows.count(db, "select count(*) from smo.idempotency_record where idempotency_key = ?", key))
                .as("the idempotency key stays free for a retry").isZero();
    }
}
