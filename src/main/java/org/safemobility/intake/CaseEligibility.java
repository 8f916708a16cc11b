package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.EligibilityAnswer;
import org.safemobility.eligibility.EligibilityQuestion;
import org.safemobility.eligibility.EligibilityRules;
import org.safemobility.eligibility.Pathway;
import org.safemobility.http.ApiException;

/**
 * The eligibility part of a case's journey: the decision recorded on the case, the caseworker's review of a refusal,
 * the supervisor's answer to an override, and the review of a re-screening. Each runs inside the transaction of the
 * workflow step that calls it, and writes its audit entry there too.
 */
@ApplicationScoped
public class CaseEligibility {

    @Inject
    EligibilityRules rules;

    @Inject
    OfficeDirectory offices;

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @Inject
    Event<EligibilityDecided> decided;

    /** Decides a newly registered case with the rules in force on the day it was registered, and records it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(UUID caseId) {
        CaseFile c = load(caseId);
        LocalDate applied = c.createdAt.atZone(offices.find(c.office).orElseThrow().zone()).toLocalDate();
        EligibilityAnswer answer = rules.answer(new EligibilityQuestion(c.office, c.applicant.nationality,
                c.applicant.arrivalDate, applied));
        c.eligibility = recorded(answer);
        c.status = answer.eligible() ? CaseStatus.ELIGIBLE : CaseStatus.INELIGIBLE;
        touch(c);
        audit.record("eligibility.decided", c.office, c.id, decisionDetails(answer.eligible(), answer.ruleId(),
                answer.decisionVersion()));
        decided.fire(new EligibilityDecided(c.office, answer.eligible()));
        return answer.eligible();
    }

    /** The caseworker agrees with the refusal: the case closes, the reason stays on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmRefusal(UUID caseId, String note) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.INELIGIBLE);
        c.status = CaseStatus.CLOSED_INELIGIBLE;
        c.closingNote = note;
        touch(c);
        audit.record("eligibility.refusal-confirmed", c.office, c.id, Map.of("ruleId", c.eligibility.ruleId));
    }

    /** The caseworker asks to serve the applicant anyway; a supervisor of the office must approve. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestOverride(UUID caseId, String justification, List<Pathway> pathways) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.INELIGIBLE);
        EligibilityOverride override = new EligibilityOverride();
        override.justification = justification;
        override.pathways = (pathways == null || pathways.isEmpty() ? List.of(Pathway.values()) : pathways)
                .stream().map(Enum::name).distinct().toList();
        override.requestedBy = caller.get().subject();
        override.requestedAt = clock.instant();
        c.override = override;
        c.status = CaseStatus.OVERRIDE_REQUESTED;
        touch(c);
        audit.record("eligibility.override-requested", c.office, c.id, Map.of("pathways", override.pathways));
    }

    /**
     * A supervisor approves (the case goes on to screening) or rejects (it closes). The person who asked for the
     * override cannot approve it: an override always takes two people.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideOverride(UUID caseId, boolean approve, String reason) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.OVERRIDE_REQUESTED);
        String supervisor = caller.get().subject();
        if (supervisor.equals(c.override.requestedBy)) {
            throw ApiException.forbidden("the override was requested by you; another supervisor of the office must decide it");
        }
        c.override.decision = approve ? EligibilityOverride.Decision.APPROVED : EligibilityOverride.Decision.REJECTED;
        c.override.decidedBy = supervisor;
        c.override.decidedAt = clock.instant();
        c.override.reason = reason;
        c.status = approve ? CaseStatus.ELIGIBLE : CaseStatus.CLOSED_INELIGIBLE;
        if (!approve) {
            c.closingNote = reason;
        }
        touch(c);
        audit.record(approve ? "eligibility.override-approved" : "eligibility.override-rejected", c.office, c.id,
                Map.of("requestedBy", c.override.requestedBy));
    }

    /**
     * A caseworker reviews a closed case that re-screening found eligible: reopen it with the new decision, or keep it
     * closed (e.g. the applicant has left or no longer wishes to apply).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewRescreening(UUID caseId, boolean reopen, String note) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.CLOSED_INELIGIBLE);
        RescreeningFinding finding = RescreeningFinding.openFor(caseId)
                .orElseThrow(() -> ApiException.conflict("case " + c.caseNumber + " has no open re-screening"));
        if (reopen) {
            RecordedEligibility reopened = finding.asRecordedEligibility();
            reopened.nationality = c.applicant.nationality;
            reopened.arrivalDate = c.applicant.arrivalDate;
            c.eligibility = reopened;
            c.status = CaseStatus.ELIGIBLE;
            c.closingNote = null;
        }
        touch(c);
        finding.outcome = reopen ? "REOPENED" : "KEPT_CLOSED";
        finding.decidedBy = caller.get().subject();
        finding.decidedAt = clock.instant();
        Map<String, Object> details = decisionDetails(true, finding.ruleId, finding.decisionVersion);
        details.put("reopened", reopen);
        if (note != null) {
            details.put("noted", true);
        }
        audit.record(reopen ? "eligibility.rescreening-reopened" : "eligibility.rescreening-kept-closed", c.office, c.id,
                details);
    }

    static RecordedEligibility recorded(EligibilityAnswer answer) {
        RecordedEligibility r = new RecordedEligibility();
        r.eligible = answer.eligible();
        r.pathways = answer.pathways().stream().map(Enum::name).toList();
        r.ruleId = answer.ruleId();
        r.reason = answer.reason();
        r.decisionVersion = answer.decisionVersion();
        r.decidedAt = answer.decidedAt();
        r.nationality = answer.inputs().nationality();
        r.arrivalDate = answer.inputs().arrivalDate();
        r.applicationDate = answer.inputs().applicationDate();
        return r;
    }

    static Map<String, Object> decisionDetails(boolean eligible, String ruleId, int version) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eligible", eligible);
        details.put("ruleId", ruleId);
        details.put("decisionVersion", version);
        return details;
    }


    private static CaseFile load(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw new IllegalStateException("the workflow refers to case " + caseId + ", which does not exist");
        }
        return c;
    }

    private void touch(CaseFile c) {
        c.updatedAt = clock.instant();
    }
}
