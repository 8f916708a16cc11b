package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safemobility.access.CurrentCaller;
import org.safemobility.access.OfficeScope;
import org.safemobility.audit.AuditTrail;
import org.safemobility.eligibility.Pathway;
import org.safemobility.http.ApiException;
import org.safemobility.workflow.CaseWorkflow;

/**
 * Screening recorded on the case: the interview appointment, the interview's findings, the supervisor's review, and
 * the applicant's withdrawal. Each step runs in the transaction that completes its task (or, for withdrawal, that
 * ends the workflow) and writes its audit entry there.
 */
@ApplicationScoped
public class CaseScreening {

    /** Where and when the interview takes place. */
    public record Appointment(Instant at, boolean remote, String location, String language, boolean interpreterNeeded) {
    }

    /** What the interviewer found. */
    public record Findings(List<ProtectionNeed> protectionNeeds, List<Vulnerability> vulnerabilities,
                           List<FamilyTie> familyTies, Pathway pathwayPreference, String summary) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    OfficeScope scope;

    @Inject
    AuditTrail audit;

    @Inject
    CaseWorkflow workflow;

    @Inject
    Clock clock;

    @Inject
    Event<CaseWithdrawn> withdrawn;

    @Transactional(Transactional.TxType.MANDATORY)
    public void scheduleInterview(UUID caseId, Appointment appointment) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.ELIGIBLE);
        Interview interview = new Interview();
        interview.appointmentAt = appointment.at();
        interview.remote = appointment.remote();
        interview.location = appointment.location();
        interview.language = appointment.language();
        interview.interpreterNeeded = appointment.interpreterNeeded();
        interview.scheduledBy = caller.get().subject();
        interview.scheduledAt = clock.instant();
        c.interview = interview;
        c.status = CaseStatus.INTERVIEW_SCHEDULED;
        touch(c);
        audit.record("screening.interview-scheduled", c.office, c.id,
                Map.of("remote", appointment.remote(), "interpreterNeeded", appointment.interpreterNeeded()));
    }

    /** Records the interview; true when the applicant is vulnerable (their tasks then come first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordInterview(UUID caseId, Findings findings) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.INTERVIEW_SCHEDULED);
        requireAllowed(c, findings.pathwayPreference(), "pathwayPreference");
        Interview interview = c.interview;
        interview.protectionNeeds = names(findings.protectionNeeds());
        interview.vulnerabilities = names(findings.vulnerabilities());
        interview.familyTies = findings.familyTies() == null ? List.of() : List.copyOf(findings.familyTies());
        interview.pathwayPreference = findings.pathwayPreference().name();
        interview.summary = findings.summary();
        interview.conductedBy = caller.get().subject();
        interview.conductedAt = clock.instant();
        c.status = CaseStatus.INTERVIEWED;
        touch(c);
        boolean vulnerable = !interview.vulnerabilities.isEmpty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("pathwayPreference", interview.pathwayPreference);
        details.put("vulnerable", vulnerable);
        audit.record("screening.interview-recorded", c.office, c.id, details);
        return vulnerable;
    }

    /** The supervisor approves one of the allowed pathways, or returns the interview with a reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void review(UUID caseId, boolean approve, Pathway pathway, String reason) {
        CaseFile c = CaseFile.inStatus(caseId, CaseStatus.INTERVIEWED);
        SupervisorReview review = new SupervisorReview();
        review.decision = approve ? "APPROVED" : "RETURNED";
        review.decidedBy = caller.get().subject();
        review.decidedAt = clock.instant();
        review.reason = reason;
        if (approve) {
            requireAllowed(c, pathway, "pathway");
            review.pathway = pathway.name();
            c.status = CaseStatus.PATHWAY_APPROVED;
        } else {
            c.status = CaseStatus.INTERVIEW_SCHEDULED;
        }
        c.review = review;
        touch(c);
        audit.record(approve ? "screening.pathway-approved" : "screening.interview-returned", c.office, c.id,
                approve ? Map.of("pathway", review.pathway) : Map.of());
    }

    /**
     * The applicant withdraws: the case's workflow ends wherever it stood, and the case is WITHDRAWN. Staff of the
     * case's office record it; a closed or already withdrawn case is a conflict.
     */
    @Transactional
    public CaseView withdraw(UUID caseId, String reason) {
        CaseFile c = CaseFile.findById(caseId);
        scope.requireVisible(c == null ? null : c.office, "case " + caseId + " not found");
        if (c.status.isClosed()) {
            throw ApiException.conflict("case " + c.caseNumber + " is already " + c.status);
        }
        workflow.withdraw(caseId, reason);
        Withdrawal withdrawal = new Withdrawal();
        withdrawal.reason = reason;
        withdrawal.recordedBy = caller.get().subject();
        withdrawal.at = clock.instant();
        c.withdrawal = withdrawal;
        c.status = CaseStatus.WITHDRAWN;
        touch(c);
        audit.record("case.withdrawn", c.office, c.id, Map.of());
        withdrawn.fire(new CaseWithdrawn(c.id, c.office, reason));
        CaseFile.flush();
        return CaseView.of(c, workflow.currentActivities(c.id));
    }

    /** The pathways the case may be referred to: those the rules allowed, or those an approved override allowed. */
    public static List<Pathway> allowedPathways(CaseFile c) {
        List<String> allowed = new ArrayList<>();
        if (c.eligibility != null && Boolean.TRUE.equals(c.eligibility.eligible) && c.eligibility.pathways != null) {
            allowed.addAll(c.eligibility.pathways);
        } else if (c.override != null && c.override.decision == EligibilityOverride.Decision.APPROVED) {
            allowed.addAll(c.override.pathways);
        }
        return allowed.stream().map(Pathway::valueOf).toList();
    }

    private static void requireAllowed(CaseFile c, Pathway pathway, String field) {
        List<Pathway> allowed = allowedPathways(c);
        if (pathway == null || !allowed.contains(pathway)) {
            throw ApiException.invalid(field, "must be one of the pathways this case may take: " + allowed);
        }
    }


    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).distinct().toList();
    }

    private void touch(CaseFile c) {
        c.updatedAt = clock.instant();
    }
}
