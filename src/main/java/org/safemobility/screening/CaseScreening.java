package org.safemobility.screening;

import org.safemobility.intake.Vulnerability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.CurrentCaller;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.CaseEligibility;
import org.safemobility.eligibility.Pathway;
import org.safemobility.errors.FourEyes;
import org.safemobility.errors.Invalid;
import org.safemobility.intake.CaseLifecycle;
import org.safemobility.intake.CaseReference;
import org.safemobility.intake.CaseTransition;
import org.safemobility.intake.CaseView;
import org.safemobility.intake.CaseViewPart;
import org.safemobility.intake.FamilyTie;

/**
 * Screening of a case: the interview appointment, the interview's findings, and the supervisor's review. Each step
 * runs in the transaction that completes its task, moves the case through {@link CaseLifecycle} and writes its audit
 * entry there.
 */
@ApplicationScoped
public class CaseScreening implements CaseViewPart {

    /** Where and when the interview takes place. */
    public record Appointment(Instant at, boolean remote, String location, String language, boolean interpreterNeeded) {
    }

    /** What the interviewer found. */
    public record Findings(List<ProtectionNeed> protectionNeeds, List<Vulnerability> vulnerabilities,
                           List<FamilyTie> familyTies, Pathway pathwayPreference, String summary) {
    }

    /** What a referral package may take from the interview (empty lists when it has not been conducted). */
    public record Recorded(List<String> protectionNeeds, List<String> vulnerabilities, String summary,
                           List<FamilyTie> familyTies) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    CaseLifecycle lifecycle;

    @Inject
    CaseEligibility eligibility;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleInterview(UUID caseId, Appointment appointment) {
        CaseReference c = lifecycle.apply(caseId, CaseTransition.INTERVIEW_BOOKED);
        Interview interview = Interview.<Interview>findByIdOptional(caseId).orElseGet(Interview::new);
        interview.caseId = caseId;
        interview.appointmentAt = appointment.at();
        interview.remote = appointment.remote();
        interview.location = appointment.location();
        interview.language = appointment.language();
        interview.interpreterNeeded = appointment.interpreterNeeded();
        interview.scheduledBy = caller.get().subject();
        interview.scheduledAt = clock.instant();
        interview.persist();
        audit.record("screening.interview-scheduled", c.office(), caseId,
                Map.of("remote", appointment.remote(), "interpreterNeeded", appointment.interpreterNeeded()));
    }

    /** Records the interview; true when the applicant is vulnerable (their tasks then come first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordInterview(UUID caseId, Findings findings) {
        requireAllowed(caseId, findings.pathwayPreference(), "pathwayPreference");
        CaseReference c = lifecycle.apply(caseId, CaseTransition.INTERVIEW_RECORDED);
        Interview interview = Interview.findById(caseId);
        interview.protectionNeeds = names(findings.protectionNeeds());
        interview.vulnerabilities = names(findings.vulnerabilities());
        interview.familyTies = new FamilyTies(findings.familyTies());
        interview.pathwayPreference = findings.pathwayPreference().name();
        interview.summary = findings.summary();
        interview.conductedBy = caller.get().subject();
        interview.conductedAt = clock.instant();
        boolean vulnerable = !interview.vulnerabilities.isEmpty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pathwayPreference", interview.pathwayPreference);
        details.put("vulnerable", vulnerable);
        audit.record("screening.interview-recorded", c.office(), caseId, details);
        return vulnerable;
    }

    /** The supervisor approves one of the allowed pathways, or returns the interview with a reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(UUID caseId, boolean approve, Pathway pathway, String reason) {
        String supervisor = caller.get().subject();
        Interview interview = Interview.findById(caseId);
        if (interview != null && supervisor.equals(interview.conductedBy)) {
            // the pathway is the case's outcome: the person who heard the applicant does not also approve it
            throw new FourEyes("interviewer-reviews-case", "four-eyes rule: you conducted this case's interview; "
                    + "another supervisor of the office must review it");
        }
        if (approve) {
            requireAllowed(caseId, pathway, "pathway");
        }
        CaseReference c = lifecycle.apply(caseId, approve ? CaseTransition.PATHWAY_APPROVED_BY_SUPERVISOR
                : CaseTransition.INTERVIEW_RETURNED);
        SupervisorReview review = SupervisorReview.<SupervisorReview>findByIdOptional(caseId).orElseGet(SupervisorReview::new);
        review.caseId = caseId;
        review.decision = approve ? "APPROVED" : "RETURNED";
        review.decidedBy = supervisor;
        review.decidedAt = clock.instant();
        review.reason = reason;
        review.pathway = approve ? pathway.name() : null;
        review.persist();
        audit.record(approve ? "screening.pathway-approved" : "screening.interview-returned", c.office(), caseId,
                approve ? Map.of("pathway", review.pathway) : Map.of());
    }

    /** The interview's findings, as a referral package may use them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Recorded recorded(UUID caseId) {
        Interview i = Interview.findById(caseId);
        return new Recorded(i == null || i.protectionNeeds == null ? List.of() : List.copyOf(i.protectionNeeds),
                i == null || i.vulnerabilities == null ? List.of() : List.copyOf(i.vulnerabilities),
                i == null ? null : i.summary,
                i == null || i.familyTies == null ? List.of() : i.familyTies.ties());
    }

    @Override
    public void addTo(CaseView.Parts parts, CaseReference c) {
        Interview i = Interview.findById(c.id());
        SupervisorReview r = i == null ? null : SupervisorReview.findById(c.id()); // a review reviews an interview
        parts.interview(i == null ? null : new CaseView.InterviewView(i.appointmentAt, i.remote, i.location, i.language,
                        i.interpreterNeeded, i.scheduledBy, i.scheduledAt, i.protectionNeeds, i.vulnerabilities,
                        i.familyTies == null ? null : i.familyTies.ties(), i.pathwayPreference, i.summary, i.conductedBy,
                        i.conductedAt),
                r == null ? null : new CaseView.ReviewView(r.decision, r.pathway, r.reason, r.decidedBy, r.decidedAt));
    }

    private void requireAllowed(UUID caseId, Pathway pathway, String field) {
        List<Pathway> allowed = eligibility.allowedPathways(caseId);
        if (pathway == null || !allowed.contains(pathway)) {
            throw Invalid.of(field, "must be one of the pathways this case may take: " + allowed);
        }
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }
}
