package org.safemobility.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What other capabilities decide on: where the case is and stands, the applicant's nationality and arrival in the host
 * country (the eligibility inputs), when it was registered (and, if earlier, the day the application was made: null
 * otherwise), whether the applicant consented to sharing, and whether a programme decision holds the case.
 */
public record CaseFacts(UUID id, String caseNumber, String office, CaseStatus status, String nationality,
                        LocalDate arrivalDate, Instant registeredAt, boolean consentToShare,
                        LocalDate applicationDate, boolean held) {

    static CaseFacts of(CaseFile c) {
        return new CaseFacts(c.id, c.caseNumber, c.office, c.status, c.applicant.nationality, c.applicant.arrivalDate,
                c.createdAt, c.consent.partnerSharing, c.applicationDate,
                c.heldSince != null);
    }
}
