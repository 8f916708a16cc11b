package org.safemobility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.safemobility.eligibility.Pathway;
import org.safemobility.http.ApiException;

/**
 * The case as the referral capability sees it: what a referral package may be built from, and the moves of the
 * case's status that referrals make (sent, answered by the partner, another pathway chosen, closed without one).
 * The referral capability writes the audit entries of these moves, with the referral they concern.
 */
@ApplicationScoped
public class CaseReferrals {

    /** A person as a partner may know them. */
    public record Person(String givenName, String familyName, LocalDate dateOfBirth, String nationality,
                         Relationship relationship) {
    }

    /**
     * Everything a referral package could be built from. Holding it does not mean sending it: the package takes only
     * what the pathway needs.
     */
    public record Subject(UUID caseId, String caseNumber, String office, CaseStatus status, boolean consentToShare,
                          Person applicant, DocumentType documentType, String documentNumber, List<Person> household,
                          List<String> protectionNeeds, List<String> vulnerabilities, String interviewSummary,
                          List<FamilyTie> familyTies, List<Pathway> allowedPathways) {
    }

    /** What the partner decided, as the case sees it. */
    public enum Outcome {
        ACCEPTED(CaseStatus.REFERRED_ACCEPTED), DECLINED(CaseStatus.REFERRAL_DECLINED),
        INFO_REQUESTED(CaseStatus.INFORMATION_REQUESTED);

        final CaseStatus status;

        Outcome(CaseStatus status) {
            this.status = status;
        }
    }

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public Subject subject(UUID caseId) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw new IllegalStateException("the workflow refers to case " + caseId + ", which does not exist");
        }
        Applicant a = c.applicant;
        Interview interview = c.interview;
        return new Subject(c.id, c.caseNumber, c.office, c.status, c.consent != null && c.consent.given,
                new Person(a.givenName, a.familyName, a.dateOfBirth, a.nationality, null), a.documentType,
                a.documentNumber,
                c.household.stream().map(m -> new Person(m.givenName, m.familyName, m.dateOfBirth, m.nationality,
                        m.relationship)).toList(),
                interview == null || interview.protectionNeeds == null ? List.of() : List.copyOf(interview.protectionNeeds),
                interview == null || interview.vulnerabilities == null ? List.of() : List.copyOf(interview.vulnerabilities),
                interview == null ? null : interview.summary,
                interview == null || interview.familyTies == null ? List.of() : List.copyOf(interview.familyTies),
                CaseScreening.allowedPathways(c));
    }

    /** The referral went out (first time, or again after the office answered the partner's questions). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void referred(UUID caseId) {
        move(caseId, CaseStatus.REFERRED, CaseStatus.PATHWAY_APPROVED, CaseStatus.INFORMATION_REQUESTED);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void partnerDecided(UUID caseId, Outcome outcome) {
        move(caseId, outcome.status, CaseStatus.REFERRED);
    }

    /** After a decline, the office refers the case to another of its allowed pathways. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nextPathwayChosen(UUID caseId) {
        move(caseId, CaseStatus.PATHWAY_APPROVED, CaseStatus.REFERRAL_DECLINED);
    }

    /** After a decline, no pathway is left: the case closes with the office's reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closedWithoutPathway(UUID caseId, String reason) {
        CaseFile c = move(caseId, CaseStatus.NO_PATHWAY, CaseStatus.REFERRAL_DECLINED);
        c.closingNote = reason;
    }

    private CaseFile move(UUID caseId, CaseStatus to, CaseStatus... from) {
        CaseFile c = CaseFile.findById(caseId);
        if (c == null) {
            throw ApiException.notFound("case " + caseId + " not found");
        }
        if (!List.of(from).contains(c.status)) {
            throw ApiException.conflict("case " + c.caseNumber + " is " + c.status + "; it cannot become " + to);
        }
        c.status = to;
        c.updatedAt = clock.instant();
        return c;
    }
}
