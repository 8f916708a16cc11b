package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.safemobility.workflow.Decisions;

/**
 * Answers eligibility questions with the DMN decision {@code smo-eligibility}: the rules are data with effective
 * dates, maintained by admins; nothing here decides anything itself.
 */
@ApplicationScoped
public class EligibilityRules {

    public static final String DECISION = "smo-eligibility";

    @Inject
    Decisions decisions;

    @Inject
    Clock clock;

    /** The version of the rules in force. */
    public Decisions.Version active() {
        return decisions.latest(DECISION);
    }

    /** The answer of the rules in force. */
    public EligibilityAnswer answer(EligibilityQuestion question) {
        return answer(question, active());
    }

    /** The answer of one version of the rules (re-screening asks a whole batch of one version). */
    public EligibilityAnswer answer(EligibilityQuestion question, Decisions.Version version) {
        Map<String, Object> result = decisions.evaluate(version, question.asDecisionInputs());
        return new EligibilityAnswer(Boolean.TRUE.equals(result.get("eligible")), pathways(result.get("pathways")),
                (String) result.get("ruleId"), (String) result.get("reason"), version.version(), clock.instant(),
                question);
    }

    private static List<Pathway> pathways(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).map(Pathway::valueOf).toList();
    }
}
