package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.intake.CaseFacts;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseStatus;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.Decisions;

/**
 * Re-screening: when the rules widen (an expansion, an extension), people who were turned away may now be eligible.
 * A closed-ineligible case is asked again, as if applying today (its office's calendar), with the rules in force; one
 * that is now eligible gets a {@code review-rescreen} task with the new explanation for a caseworker of the office,
 * at most once per rules version. Re-screening an office runs as a bulk action (supervision), one case at a time
 * through {@link #rescreen}, so that a hundred thousand closed cases never hold one transaction or one request.
 */
@ApplicationScoped
public class CaseRescreening {

    /** What re-screening did to one case: a review opened, or why not. */
    public record Rescreened(boolean reviewOpened, String why) {
    }

    @Inject
    EligibilityRules rules;

    @Inject
    CaseQueries cases;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseWorkflow workflow;

    @Inject
    OfficeDirectory offices;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** Re-screens one case in the caller's transaction; the audit entry names whoever asked for the re-screening. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Rescreened rescreen(UUID caseId, String requestedBy, Map<String, Object> context) {
        CaseFacts c = cases.facts(caseId);
        if (c.status() != CaseStatus.CLOSED_INELIGIBLE) {
            return new Rescreened(false, "the case is " + c.status() + ", not CLOSED_INELIGIBLE");
        }
        Decisions.Version version = rules.active();
        LocalDate today = offices.find(c.office()).map(o -> LocalDate.now(clock.withZone(o.zone())))
                .orElseGet(() -> LocalDate.now(clock));
        EligibilityAnswer answer = rules.answer(new EligibilityQuestion(c.office(), c.nationality(), c.arrivalDate(), today),
                version);
        if (!answer.eligible()) {
            return new Rescreened(false, "still not eligible: " + answer.reason());
        }
        if (RescreeningFinding.count("outcome is null and caseId = ?1", caseId) > 0) {
            return new Rescreened(false, "already under review after an earlier re-screening");
        }
        if (!recordFinding(caseId, answer)) {
            return new Rescreened(false, "already re-screened with rules version " + answer.decisionVersion());
        }
        lifecycle.processStarted(caseId, workflow.startRescreenReview(caseId, c.office()));
        Map<String, Object> details = new LinkedHashMap<>(context);
        details.putAll(CaseEligibility.decisionDetails(true, answer.ruleId(), answer.decisionVersion()));
        audit.recordOnBehalfOf(requestedBy, "eligibility.rescreened", c.office(), caseId, details);
        return new Rescreened(true, null);
    }

    private boolean recordFinding(UUID caseId, EligibilityAnswer answer) {
        return em.createNativeQuery("""
                        insert into smo.rescreening (case_id, decision_version, eligible_pathways, rule_id, reason,
                                                     application_date, opened_at)
                        values (?1, ?2, cast(?3 as text[]), ?4, ?5, ?6, ?7)
                        on conflict (case_id, decision_version) do nothing""")
                .setParameter(1, caseId).setParameter(2, answer.decisionVersion())
                .setParameter(3, "{" + String.join(",", answer.pathways().stream().map(Enum::name).toList()) + "}")
                .setParameter(4, answer.ruleId()).setParameter(5, answer.reason())
                .setParameter(6, answer.inputs().applicationDate()).setParameter(7, clock.instant())
                .executeUpdate() == 1;
    }

}
