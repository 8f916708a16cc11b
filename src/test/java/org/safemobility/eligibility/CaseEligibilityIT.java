package org.safemobility.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.safemobility.fixtures.RegistrationFixture;
import org.safemobility.fixtures.Rows;
import org.safemobility.fixtures.TokenFixture;
import org.safemobility.fixtures.Workflow;

/**
 * The scenario rows dated "today" as real registrations: the workflow's eligibility step decides, the decision is
 * recorded on the case with its rule, version and inputs, and the case waits in the activity its answer leads to.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class CaseEligibilityIT {

    @Inject
    DataSource db;

    /** An office whose rules have all ended takes no applications today (IntakeIT): no case to decide there. */
    static Stream<EligibilityScenario> registeredToday() {
        return EligibilityScenario.datedToday().filter(s -> !s.ruleId().endsWith("/after-end"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredToday")
    void a_registered_case_is_decided_by_the_rules_and_the_decision_is_recorded(EligibilityScenario scenario) {
        String token = TokenFixture.caseworker(scenario.office());
        String id = Workflow.register(token, RegistrationFixture.valid(scenario.office())
                .with("applicant.nationality", scenario.nationality())
                .with("applicant.arrivalDate", scenario.arrivalDate()));

        Workflow.read(token, id)
                .body("status", equalTo(scenario.eligible() ? "ELIGIBLE" : "INELIGIBLE"))
                .body("currentActivities", contains(scenario.eligible() ? "schedule-interview" : "review-ineligible"))
                .body("eligibility.eligible", equalTo(scenario.eligible()))
                .body("eligibility.ruleId", equalTo(scenario.ruleId()))
                .body("eligibility.pathways", equalTo(scenario.expectedPathways()))
                .body("eligibility.reason", notNullValue())
                .body("eligibility.decisionVersion", greaterThanOrEqualTo(1))
                .body("eligibility.decidedAt", notNullValue())
                .body("eligibility.inputs.office", equalTo(scenario.office()))
                .body("eligibility.inputs.nationality", equalTo(scenario.nationality()))
                .body("eligibility.inputs.arrivalDate", equalTo(scenario.arrivalDate()))
                .body("eligibility.inputs.applicationDate", equalTo(scenario.applicationDay().toString()));

        assertThat(Rows.text(db, "select details->>'ruleId' from smo.audit_event where case_id = ? and action = 'eligibility.decided'",
                UUID.fromString(id))).as("the case's history shows the decision").isEqualTo(scenario.ruleId());
    }
}
