package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safemobility.codes.IsoCodes;
import org.safemobility.intake.OfficeRulesInForce;
import org.safemobility.workflow.Decisions;

/**
 * Answers eligibility questions with the DMN decision {@code smo-eligibility}: the rules are data with effective
 * dates, maintained by admins; nothing here decides anything itself.
 */
@ApplicationScoped
public class EligibilityRules implements OfficeRulesInForce {

    private record ServingQuestion(String version, String office, LocalDate day) {
    }

    /** Arrival dates to ask with: the day itself, and one before every programme's presence cut-off. */
    private static final LocalDate EARLY_ARRIVAL = LocalDate.of(2000, 1, 1);

    private final com.github.benmanes.caffeine.cache.Cache<ServingQuestion, Boolean> serving =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(10_000).build();

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

    /**
     * Whether the rules in force find anyone eligible at the office on the day, for any nationality: asked of the
     * rules (never a list of dates in code), once per rules version, office and day.
     */
    @Override
    public boolean servesAnyone(String office, LocalDate day) {
        Decisions.Version version = active();
        return serving.get(new ServingQuestion(version.definitionId(), office, day), q -> {
            for (String nationality : IsoCodes.countries()) {
                for (LocalDate arrival : List.of(EARLY_ARRIVAL, day)) {
                    if (answer(new EligibilityQuestion(office, nationality, arrival, day), version).eligible()) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    private static List<Pathway> pathways(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(String::valueOf).map(Pathway::valueOf).toList();
    }
}
