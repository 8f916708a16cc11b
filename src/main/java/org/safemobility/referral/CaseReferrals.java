package org.safemobility.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.safemobility.eligibility.CaseEligibility;
import org.safemobility.eligibility.Pathway;
import org.safemobility.intake.CaseFacts;
import org.safemobility.intake.CasePeople;
import org.safemobility.intake.CaseQueries;
import org.safemobility.intake.DocumentType;
import org.safemobility.intake.FamilyTie;
import org.safemobility.screening.CaseScreening;

/**
 * The case as the referral capability sees it: everything a referral package could be built from, read through the
 * services of the capabilities that own it (intake: the people and consent; screening: the interview; eligibility:
 * the allowed pathways). Holding it does not mean sending it: the package takes only what the pathway needs.
 */
@ApplicationScoped
public class CaseReferrals {

    public record Subject(UUID caseId, String caseNumber, String office, boolean consentToShare,
                          CasePeople.Person applicant, DocumentType documentType, String documentNumber,
                          List<CasePeople.Person> household, List<String> protectionNeeds, List<String> vulnerabilities,
                          String interviewSummary, List<FamilyTie> familyTies, List<Pathway> allowedPathways) {
    }

    @Inject
    CaseQueries cases;

    @Inject
    CaseScreening screening;

    @Inject
    CaseEligibility eligibility;

    @Transactional(Transactional.TxType.MANDATORY)
    public Subject subject(UUID caseId) {
        CaseFacts facts = cases.facts(caseId);
        CasePeople people = cases.people(caseId);
        CaseScreening.Recorded interview = screening.recorded(caseId);
        return new Subject(caseId, facts.caseNumber(), facts.office(), facts.consentToShare(), people.applicant(),
                people.documentType(), people.documentNumber(), people.household(), interview.protectionNeeds(),
                interview.vulnerabilities(), interview.summary(), interview.familyTies(),
                eligibility.allowedPathways(caseId));
    }
}
