package org.safemobility.intake;

import java.time.LocalDate;
import java.util.List;

/** The people of a case as a referral may name them: the applicant with their document, and the household. */
public record CasePeople(Person applicant, DocumentType documentType, String documentNumber, List<Person> household) {

    /** A person as a partner may know them; the relationship is null for the applicant. */
    public record Person(String givenName, String familyName, LocalDate dateOfBirth, String nationality,
                         Relationship relationship) {
    }

    static CasePeople of(CaseFile c) {
        Applicant a = c.applicant;
        return new CasePeople(new Person(a.givenName, a.familyName, a.dateOfBirth, a.nationality, null), a.documentType,
                a.documentNumber, c.household.stream().map(m -> new Person(m.givenName, m.familyName, m.dateOfBirth,
                        m.nationality, m.relationship)).toList());
    }
}
