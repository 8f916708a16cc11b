package org.safemobility.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeDirectory;
import org.safemobility.audit.AuditTrail;
import org.safemobility.errors.Conflict;
import org.safemobility.errors.FourEyes;
import org.safemobility.intake.CaseCorrected;
import org.safemobility.intake.CaseFacts;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.CaseReference;
import org.safemobility.intake.CaseTransition;
import org.safemobility.intake.CaseView;
import org.safemobility.intake.CaseViewPart;
import org.safemobility.workflow.CaseWorkflow;
import org.safemobility.workflow.EligibilityDecider;

/**
 * The eligibility part of a case's journey: the decision recorded for the case, the caseworker's review of a refusal,
 * the supervisor's answer to an override, and the review of a re-screening. Each runs inside the transaction of the
 * workflow step that calls it, moves the case through {@link CaseLifecycle} and writes its audit entry there too.
 */
@ApplicationScoped
public class CaseEligibility implements EligibilityDecider, CaseViewPart {

    @Inject
    PathwaySuspensions suspensions;


    @Inject
    EligibilityRules rules;

    @Inject
    CaseQueries cases;

    @Inject
    CaseLifecycle lifecycle;

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

    @Inject
    Event<OverrideDecided> overrides;

    @Inject
    CaseWorkflow workflow;

    /** Decides a newly registered case with the rules in force on the day it was registered, and records it. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean decide(UUID caseId) {
        CaseFacts c = cases.facts(caseId);
        RecordedEligibility earlier = RecordedEligibility.findById(caseId);
        // a case decided before arrives here again only when it moved to another office: that office's rules decide,
        // as in force on the day it arrives (its application there)
        EligibilityAnswer answer = earlier == null ? answerOnApplicationDate(c)
                : rules.answer(new EligibilityQuestion(c.office(), c.nationality(), c.arrivalDate(),
                        suspensions.today(c.office())));
        lifecycle.apply(caseId, answer.eligible() ? CaseTransition.FOUND_ELIGIBLE : CaseTransition.FOUND_INELIGIBLE);
        Map<String, Object> details = decisionDetails(answer.eligible(), answer.ruleId(), answer.decisionVersion());
        if (earlier == null) {
            recorded(caseId, answer).persist();
        } else {
            details.put("office", c.office());
            details.put("previous", decisionDetails(earlier.eligible, earlier.ruleId, earlier.decisionVersion));
            fill(earlier, answer);
        }
        audit.record("eligibility.decided", c.office(), caseId, details);
        decided.fire(new EligibilityDecided(caseId, c.office(), answer.eligible(), false));
        return answer.eligible();
    }

    /**
     * A correction changed an eligibility input: the rules decide again on the application date (as they did at
     * registration) and the decision is recorded, the previous one kept in the audit entry. When the answer flips and
     * no approved override stands, the case moves: found ineligible before any pathway was approved, to
     * {@code review-ineligible}; found eligible after a refusal (even a closed one), to {@code schedule-interview}.
     * A flip the case cannot follow (it is already further on) is a conflict, and the correction is undone with it.
     */
    void onCorrected(@Observes CaseCorrected corrected) {
        if (!corrected.eligibilityInputsChanged()) {
            return;
        }
        UUID caseId = corrected.caseId();
        RecordedEligibility decision = RecordedEligibility.findById(caseId);
        if (decision == null) {
            return; // not decided yet: the eligibility step will read the corrected facts
        }
        CaseFacts c = cases.facts(caseId);
        EligibilityAnswer answer = answerOnApplicationDate(c);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", decisionDetails(decision.eligible, decision.ruleId, decision.decisionVersion));
        details.put("to", decisionDetails(answer.eligible(), answer.ruleId(), answer.decisionVersion()));
        boolean overridden = decision.override != null && decision.override.decision == EligibilityOverride.Decision.APPROVED;
        boolean flipped = decision.eligible != answer.eligible() && !overridden;
        EligibilityOverride override = decision.override;
        fill(decision, answer);
        if (flipped && answer.eligible()) {
            lifecycle.apply(caseId, CaseTransition.CORRECTED_TO_ELIGIBLE);
            decision.override = override != null && override.decision == null ? null : override; // a pending request is moot
            lifecycle.processStarted(caseId, workflow.restartAt(caseId, c.office(), "schedule-interview"));
        } else if (flipped) {
            lifecycle.apply(caseId, CaseTransition.CORRECTED_TO_INELIGIBLE);
            workflow.restartAt(caseId, c.office(), "review-ineligible");
        }
        details.put("moved", flipped);
        audit.record("eligibility.redecided", c.office(), caseId, details);
        // reports follow the decision that stands; the metric counts first decisions only (the flag)
        decided.fire(new EligibilityDecided(caseId, c.office(), answer.eligible(), true));
    }

    /** The caseworker agrees with the refusal: the case closes, the reason stays on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmRefusal(UUID caseId, String note) {
        CaseReference c = lifecycle.apply(caseId, CaseTransition.REFUSAL_CONFIRMED, note);
        audit.record("eligibility.refusal-confirmed", c.office(), caseId, Map.of("ruleId", decisionOf(caseId).ruleId));
    }

    /** The caseworker asks to serve the applicant anyway; a supervisor of the office must approve. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requestOverride(UUID caseId, String justification, List<Pathway> pathways) {
        CaseReference c = lifecycle.apply(caseId, CaseTransition.OVERRIDE_REQUESTED_BY_CASEWORKER);
        EligibilityOverride override = new EligibilityOverride();
        override.justification = justification;
        override.pathways = (pathways == null || pathways.isEmpty() ? List.of(Pathway.values()) : pathways)
                .stream().map(Enum::name).distinct().toList();
        override.requestedBy = caller.get().subject();
        override.requestedAt = clock.instant();
        decisionOf(caseId).override = override;
        audit.record("eligibility.override-requested", c.office(), caseId, Map.of("pathways", override.pathways));
    }

    /**
     * A supervisor approves (the case goes on to screening) or rejects (it closes). The person who asked for the
     * override cannot approve it: an override always takes two people.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decideOverride(UUID caseId, boolean approve, String reason) {
        RecordedEligibility decision = RecordedEligibility.findById(caseId);
        EligibilityOverride override = decision == null ? null : decision.override;
        String supervisor = caller.get().subject();
        if (override != null && supervisor.equals(override.requestedBy)) {
            throw new FourEyes("override-requester-decides", "four-eyes rule: the override was requested by you; another supervisor of the office must decide it");
        }
        CaseReference c = lifecycle.apply(caseId, approve ? CaseTransition.OVERRIDE_APPROVED : CaseTransition.OVERRIDE_REJECTED,
                approve ? null : reason);
        override.decision = approve ? EligibilityOverride.Decision.APPROVED : EligibilityOverride.Decision.REJECTED;
        override.decidedBy = supervisor;
        override.decidedAt = clock.instant();
        override.reason = reason;
        overrides.fire(new OverrideDecided(caseId, c.office(), approve));
        audit.record(approve ? "eligibility.override-approved" : "eligibility.override-rejected", c.office(), caseId,
                Map.of("requestedBy", override.requestedBy));
    }

    /**
     * A caseworker reviews a closed case that re-screening found eligible: reopen it with the new decision, or keep it
     * closed (e.g. the applicant has left or no longer wishes to apply).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reviewRescreening(UUID caseId, boolean reopen, String note) {
        CaseFacts facts = cases.facts(caseId);
        RescreeningFinding finding = RescreeningFinding.openFor(caseId)
                .orElseThrow(() -> new Conflict("case " + facts.caseNumber() + " has no open re-screening"));
        CaseReference c = lifecycle.apply(caseId, reopen ? CaseTransition.REOPENED_BY_RESCREENING
                : CaseTransition.KEPT_CLOSED_AFTER_RESCREENING);
        if (reopen) {
            RecordedEligibility decision = RecordedEligibility.<RecordedEligibility>findByIdOptional(caseId).orElseGet(() -> {
                RecordedEligibility fresh = new RecordedEligibility();
                fresh.caseId = caseId;
                return fresh;
            });
            finding.applyTo(decision);
            decision.nationality = facts.nationality();
            decision.arrivalDate = facts.arrivalDate();
            decision.persist();
            decided.fire(new EligibilityDecided(caseId, c.office(), true, true));
        }
        finding.outcome = reopen ? "REOPENED" : "KEPT_CLOSED";
        finding.decidedBy = caller.get().subject();
        finding.decidedAt = clock.instant();
        Map<String, Object> details = decisionDetails(true, finding.ruleId, finding.decisionVersion);
        details.put("reopened", reopen);
        if (note != null) {
            details.put("noted", true);
        }
        audit.record(reopen ? "eligibility.rescreening-reopened" : "eligibility.rescreening-kept-closed", c.office(),
                caseId, details);
    }

    /** The pathways the case may be referred to: those the rules allowed, or those an approved override allowed. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pathway> allowedPathways(UUID caseId) {
        RecordedEligibility decision = RecordedEligibility.findById(caseId);
        return allowed(decision, decision == null ? null : decision.override);
    }

    @Override
    public void addTo(CaseView.Parts parts, CaseReference c) {
        RecordedEligibility e = RecordedEligibility.findById(c.id());
        EligibilityOverride o = e == null ? null : e.override;
        List<String> allowed = allowed(e, o).stream().map(Enum::name).toList();
        parts.suspendedPathways(suspensions.suspendedOn(c.office(), suspensions.today(c.office())));
        if (e == null) {
            parts.eligibility(null, allowed);
            return;
        }
        CaseView.OverrideView override = o == null ? null
                : new CaseView.OverrideView(o.justification, o.pathways, o.requestedBy, o.requestedAt,
                        o.decision == null ? null : o.decision.name(), o.decidedBy, o.decidedAt, o.reason);
        parts.eligibility(new CaseView.EligibilityView(e.eligible, e.pathways == null ? List.of() : e.pathways, e.ruleId,
                e.reason, e.decisionVersion, e.decidedAt,
                new CaseView.EligibilityView.Inputs(c.office(), e.nationality, e.arrivalDate, e.applicationDate), override), allowed);
    }

    private static List<Pathway> allowed(RecordedEligibility e, EligibilityOverride o) {
        List<String> allowed = new ArrayList<>();
        if (e != null && e.eligible && e.pathways != null) {
            allowed.addAll(e.pathways);
        } else if (o != null && o.decision == EligibilityOverride.Decision.APPROVED) {
            allowed.addAll(o.pathways);
        }
        return allowed.stream().map(Pathway::valueOf).toList();
    }

    private static RecordedEligibility decisionOf(UUID caseId) {
        RecordedEligibility decision = RecordedEligibility.findById(caseId);
        if (decision == null) {
            throw new IllegalStateException("case " + caseId + " has no eligibility decision");
        }
        return decision;
    }

    /** The rules in force, asked about the case as of the day its application was made (its registration by default). */
    private EligibilityAnswer answerOnApplicationDate(CaseFacts c) {
        LocalDate applied = c.applicationDate() != null ? c.applicationDate()
                : c.registeredAt().atZone(offices.find(c.office()).orElseThrow().zone()).toLocalDate();
        return rules.answer(new EligibilityQuestion(c.office(), c.nationality(), c.arrivalDate(), applied));
    }

    static RecordedEligibility recorded(UUID caseId, EligibilityAnswer answer) {
        RecordedEligibility r = new RecordedEligibility();
        r.caseId = caseId;
        return fill(r, answer);
    }

    /** The answer's decision and inputs on the record; an override on it stays. */
    private static RecordedEligibility fill(RecordedEligibility r, EligibilityAnswer answer) {
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
}
