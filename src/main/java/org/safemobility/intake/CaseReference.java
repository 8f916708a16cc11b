package org.safemobility.intake;

import java.util.UUID;

/** How other capabilities refer to a case: no personal data, so reading it needs no audit entry. */
public record CaseReference(UUID id, String caseNumber, String office, CaseStatus status) {

    static CaseReference of(CaseFile c) {
        return new CaseReference(c.id, c.caseNumber, c.office, c.status);
    }
}
