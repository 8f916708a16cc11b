package org.safemobility.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenario table against the DMN alone, in a bare DMN engine: fast, and independent of the service. */
class EligibilityDecisionTest {

    private static DmnEngine engine;
    private static DmnDecision decision;

    @BeforeAll
    static void parseTheDecision() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = EligibilityDecisionTest.class.getResourceAsStream("/workflows/smo-eligibility.dmn")) {
            decision = engine.parseDecision("smo-eligibility", dmn);
        }
    }

    static Stream<EligibilityScenario> scenarios() {
        return EligibilityScenario.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void the_decision_answers_each_scenario_with_its_rule_and_a_reason(EligibilityScenario scenario) {
        DmnDecisionResultEntries result = engine.evaluateDecision(decision, Map.of(
                "office", scenario.office(), "nationality", scenario.nationality(),
                "arrivalDate", scenario.arrivalDay(), "applicationDate", scenario.applicationDay())).getSingleResult();

        assertThat((Boolean) result.getEntry("eligible")).as("eligible").isEqualTo(scenario.eligible());
        assertThat((String) result.getEntry("ruleId")).as("ruleId").isEqualTo(scenario.ruleId());
        assertThat(result.<List<Object>>getEntry("pathways")).as("pathways").containsExactlyElementsOf(scenario.expectedPathways());
        assertThat((String) result.getEntry("reason")).as("reason").isNotBlank().endsWith(".");
        if (scenario.ruleId().endsWith("nationality-not-served")) {
            assertThat((String) result.getEntry("reason")).contains(scenario.nationality());
        }
        if (scenario.ruleId().endsWith("arrived-after-cut-off")) {
            assertThat((String) result.getEntry("reason")).contains(scenario.arrivalDate());
        }
    }
}
