package org.safemobility.referral;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.safemobility.eligibility.Pathway;
import org.safemobility.intake.CasePeople;
import org.safemobility.intake.DocumentType;
import org.safemobility.intake.FamilyTie;
import org.safemobility.intake.Relationship;

/**
 * What a partner receives about an applicant: names, dates of birth, nationality, household, pathway, the protection
 * summary, family ties in the partner's country, case number and office. Never contact details, internal notes,
 * eligibility workings, other referrals; the identity document, the vulnerabilities and the interview summary only
 * when the pathway's terms (partner data) say it receives them. Built by listing
 * what goes in, so that a field added to the case stays out until someone decides a partner needs it.
 */
@Schema(name = "ReferralPackage")
public record ReferralPackage(
        String caseNumber,
        String office,
        Pathway pathway,
        Person applicant,
        @Schema(description = "Present only for pathways that require the identity document") IdentityDocument document,
        List<Person> household,
        Protection protection,
        @Schema(description = "Family ties in the partner's country only") List<Tie> familyTies,
        @Schema(description = "The office's answers to the partner's questions, oldest first") List<Referral.Answer> answers) {

    @Schema(name = "ReferralPerson")
    public record Person(String givenName, String familyName, LocalDate dateOfBirth, String nationality,
                         @Schema(description = "To the applicant; absent for the applicant") Relationship relationship) {
    }

    @Schema(name = "ReferralIdentityDocument")
    public record IdentityDocument(DocumentType type, String number) {
    }

    @Schema(name = "ReferralProtection")
    public record Protection(List<String> needs,
                             @Schema(description = "Absent unless the pathway receives them") List<String> vulnerabilities,
                             @Schema(description = "Absent unless the pathway receives it") String summary) {
    }

    @Schema(name = "ReferralFamilyTie")
    public record Tie(Relationship relationship, String city) {
    }

    static ReferralPackage of(CaseReferrals.Subject subject, Partner partner, Partner.AcceptedPathway pathway,
                              List<Referral.Answer> answers) {
        IdentityDocument document = pathway.requiresDocumentNumber && subject.documentNumber() != null
                ? new IdentityDocument(subject.documentType(), subject.documentNumber()) : null;
        return new ReferralPackage(subject.caseNumber(), subject.office(), pathway.pathway, person(subject.applicant()),
                document, subject.household().stream().map(ReferralPackage::person).toList(),
                new Protection(subject.protectionNeeds(), pathway.sharesVulnerabilities ? subject.vulnerabilities() : null,
                        pathway.sharesInterviewSummary ? subject.interviewSummary() : null),
                subject.familyTies().stream().filter(t -> t.country() == FamilyTie.Destination.valueOf(partner.country))
                        .map(t -> new Tie(t.relationship(), t.city())).toList(),
                List.copyOf(answers));
    }

    private static Person person(CasePeople.Person p) {
        return new Person(p.givenName(), p.familyName(), p.dateOfBirth(), p.nationality(), p.relationship());
    }

    /** Sealed at rest (crypto.FieldCipher): the package is a copy of the applicant's data. */
    @jakarta.persistence.Converter
    public static class Sealed extends org.safemobility.crypto.SealedJson<ReferralPackage> {
        public Sealed() {
            super(ReferralPackage.class);
        }
    }
}
